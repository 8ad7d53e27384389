// `mission-control`: the command-line client of the API (and `serve`, `token`, `backup` on a data dir).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, leadingWords, parseCommand, targetOf, UsageError } from './args.ts';
import { ApiClient, ApiError, ConnectionError } from './client.ts';
import type { CliCommand, Context } from './command.ts';
import { claimCommand } from './commands/claim.ts';
import { conversationCommands } from './commands/conversation.ts';
import { eventsCommand } from './commands/events.ts';
import { inboxCommand } from './commands/inbox.ts';
import { backupCommand, LocalError, runServe, tokenCommand } from './commands/local.ts';
import { logsCommand } from './commands/logs.ts';
import { runCommand } from './commands/run.ts';
import { searchCommand } from './commands/search.ts';
import { taskCommands } from './commands/tasks.ts';
import { usageCommands } from './commands/usage.ts';
import { webhookCommands } from './commands/webhooks.ts';
import { workCommands } from './commands/work.ts';
import { createOutput } from './output.ts';

const COMMANDS: CliCommand[] = [
  ...taskCommands,
  ...workCommands,
  claimCommand,
  runCommand,
  logsCommand,
  inboxCommand,
  ...conversationCommands,
  searchCommand,
  eventsCommand,
  ...webhookCommands,
  ...usageCommands,
  tokenCommand,
  backupCommand,
];

const SERVE_USAGE =
  'serve [--port 4000] [--host 127.0.0.1] [--data-dir DIR] [--allow-host NAME]... [--ping-ms MS] [--max-streams N] [--max-log-mb MB]';

const HELP = `Usage: mission-control <command> [options]

Commands:
  ${SERVE_USAGE}
${COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`).join('\n')}

Options for every command:
  --url URL        the server (env MISSION_CONTROL_URL; default http://127.0.0.1:4000)
  --token TOKEN    the bearer token (env MISSION_CONTROL_TOKEN; else <data-dir>/token)
  --data-dir DIR   the server's data dir (env MISSION_CONTROL_DATA_DIR; default ./.mission-control)
  --json           machine-readable output: one JSON document per line on stdout
  -h, --help       this help

Exit codes:
  0  done
  1  the server refused (any 4xx/5xx answer: not found, conflict, unauthorized…) or a local
     operation failed (no token file, backup failed)
  2  usage: unknown command or flag, missing or invalid argument (nothing was sent)
  3  cannot connect: server not running, wrong URL, timeout
  4  nothing to do: work claim (or run --once) found no claimable task
  130, 143  run or inbox --follow was stopped by Ctrl-C or SIGTERM (see <command> --help)
`;

function find(argv: string[]): { command: CliCommand; rest: string[] } | null {
  const at = leadingWords(argv, 2);
  const words = at.map((i) => argv[i]);
  for (const command of COMMANDS) {
    if (command.words.every((w, i) => words[i] === w)) {
      const used = new Set(at.slice(0, command.words.length));
      return { command, rest: argv.filter((_, i) => !used.has(i)) };
    }
  }
  return null;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const first = leadingWords(argv, 1)[0];
  if (first !== undefined && argv[first] === 'serve') return runServe(argv.filter((_, i) => i !== first));
  // Flags after `--` belong to the command `run` starts, not to us.
  const end = argv.indexOf('--');
  const json = (end === -1 ? argv : argv.slice(0, end)).includes('--json');
  const out = createOutput(json);
  try {
    const found = find(argv);
    if (!found) {
      if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
        process.stdout.write(HELP);
        return argv.length === 0 ? EXIT.usage : EXIT.ok;
      }
      const words = leadingWords(argv, 2)
        .map((i) => argv[i])
        .join(' ');
      throw new UsageError(`unknown command "${words}"; see mission-control --help`);
    }
    const { command, rest } = found;
    const { values, positionals } = parseCommand(rest, command.options ?? {});
    if (values.help) {
      process.stdout.write(
        `Usage: mission-control ${command.usage}\n  ${command.summary}\n${command.details ?? ''}`,
      );
      return EXIT.ok;
    }
    let client: ApiClient | undefined;
    const ctx: Context = {
      values,
      positionals,
      out,
      env,
      client: () => (client ??= new ApiClient(targetOf(values, env))),
    };
    return (await command.run(ctx)) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      out.error(error.message, { error: { code: 'usage', message: error.message } });
      return EXIT.usage;
    }
    if (error instanceof ConnectionError) {
      out.error(error.message, { error: { code: 'connection_failed', message: error.message } });
      return EXIT.connection;
    }
    if (error instanceof ApiError) {
      const code = error.body?.error?.code ?? 'http_error';
      out.error(`${error.message} (HTTP ${error.status} ${code})`, {
        status: error.status,
        ...(error.body ?? { error: { code, message: error.message } }),
      });
      return EXIT.failed;
    }
    if (error instanceof LocalError) {
      out.error(error.message, { error: { code: 'failed', message: error.message } });
      return EXIT.failed;
    }
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
