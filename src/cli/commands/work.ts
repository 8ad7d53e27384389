// What agents report while working: `activity log`, `deliverable add`, `subagent start|end`, `sessions`, `agent`.
import type { Deliverable, Session } from '../../shared/entities.ts';
import type { ActivityCreate } from '../../shared/inputs.ts';
import { required, str, UsageError } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { agentTable, sessionLine, sessionTable } from '../format.ts';

function metadataOf(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // reported below
  }
  throw new UsageError('--metadata must be a JSON object, e.g. \'{"files":3}\'');
}

export const workCommands: CliCommand[] = [
  {
    words: ['activity', 'log'],
    usage:
      'activity log <task-id> <message> [--type updated|spawned|completed|file_created|status_changed] [--agent AGENT_ID] [--metadata JSON]',
    summary: 'Add an entry to the activity log of a task',
    options: { type: { type: 'string' }, agent: { type: 'string' }, metadata: { type: 'string' } },
    async run({ values, positionals, out, client }) {
      const activity = await client().call('activities.create', {
        task_id: required(positionals, 0, 'task-id'),
        activity: {
          activity_type: (str(values.type) ?? 'updated') as ActivityCreate['activity_type'],
          message: required(positionals, 1, 'message'),
          agent_id: str(values.agent),
          metadata: metadataOf(str(values.metadata)),
        },
      });
      out.result(activity, (a) => `Logged ${a.activity_type} on task ${a.task_id}: ${a.message}`);
      return 0;
    },
  },
  {
    words: ['deliverable', 'add'],
    usage:
      'deliverable add <task-id> <title> [--type file|url|artifact] [--path PATH_OR_URL] [--description TEXT]',
    summary: 'Attach a deliverable to a task (a file needs --path, a url an http(s) --path)',
    options: { type: { type: 'string' }, path: { type: 'string' }, description: { type: 'string' } },
    async run({ values, positionals, out, client }) {
      const deliverable = await client().call('deliverables.create', {
        task_id: required(positionals, 0, 'task-id'),
        deliverable: {
          deliverable_type: (str(values.type) ?? 'file') as Deliverable['deliverable_type'],
          title: required(positionals, 1, 'title'),
          path: str(values.path),
          description: str(values.description),
        },
      });
      out.result(
        deliverable,
        (d) => `Added ${d.deliverable_type} "${d.title}" to task ${d.task_id} (${d.id})`,
      );
      return 0;
    },
  },
  {
    words: ['subagent', 'start'],
    usage:
      'subagent start <task-id> <openclaw-session-id> [--name AGENT_NAME] [--agent AGENT_ID] [--channel C]',
    summary: 'Register a sub-agent session on a task (prints the session id for `subagent end`)',
    options: { name: { type: 'string' }, agent: { type: 'string' }, channel: { type: 'string' } },
    async run({ values, positionals, out, client }) {
      const session = await client().call('sessions.register', {
        task_id: required(positionals, 0, 'task-id'),
        session: {
          openclaw_session_id: required(positionals, 1, 'openclaw-session-id'),
          agent_name: str(values.name),
          agent_id: str(values.agent),
          channel: str(values.channel),
        },
      });
      out.result(session, (s) => `Started ${sessionLine(s)}`);
      return 0;
    },
  },
  {
    words: ['subagent', 'end'],
    usage: 'subagent end <session-id> [--failed]',
    summary: 'End a sub-agent session as completed (or failed)',
    options: { failed: { type: 'boolean' } },
    async run({ values, positionals, out, client }) {
      const session = await client().call('sessions.update', {
        id: required(positionals, 0, 'session-id'),
        changes: { status: values.failed ? 'failed' : 'completed' },
      });
      out.result(session, (s) => `Ended ${sessionLine(s)}`);
      return 0;
    },
  },
  {
    words: ['sessions'],
    usage: 'sessions [--type subagent|persistent] [--status active|completed|failed] [--task TASK_ID]',
    summary: 'List agent sessions',
    options: { type: { type: 'string' }, status: { type: 'string' }, task: { type: 'string' } },
    async run({ values, out, client }) {
      const sessions = await client().call('sessions.list', {
        session_type: str(values.type) as Session['session_type'] | undefined,
        status: str(values.status) as Session['status'] | undefined,
        task_id: str(values.task),
      });
      out.result(sessions, sessionTable);
      return 0;
    },
  },
  {
    words: ['agent', 'list'],
    usage: 'agent list',
    summary: 'List agents (their ids go in --assign and --agent)',
    async run({ out, client }) {
      out.result(await client().call('agents.list', {}), agentTable);
      return 0;
    },
  },
  {
    words: ['agent', 'create'],
    usage: 'agent create <name> [--role ROLE] [--emoji E] [--description TEXT] [--master]',
    summary: 'Add an agent to the board',
    options: {
      role: { type: 'string' },
      emoji: { type: 'string' },
      description: { type: 'string' },
      master: { type: 'boolean' },
    },
    async run({ values, positionals, out, client }) {
      const agent = await client().call('agents.create', {
        name: required(positionals, 0, 'name'),
        role: str(values.role),
        avatar_emoji: str(values.emoji),
        description: str(values.description),
        is_master: values.master === true ? true : undefined,
      });
      out.result(agent, (a) => `Created agent ${a.name} (${a.id})`);
      return 0;
    },
  },
];
