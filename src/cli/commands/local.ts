// Commands on the local data dir, not the API: `serve`, `token`, `backup <file>`.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { dataDirOf, readTokenFile, required } from '../args.ts';
import type { CliCommand } from '../command.ts';

/** A local operation that did not work (no token yet, no database, target exists): exit 1. */
export class LocalError extends Error {}

export const tokenCommand: CliCommand = {
  words: ['token'],
  usage: 'token [--data-dir DIR]',
  summary: "Print the API token of a data dir (the server's <data-dir>/token)",
  async run({ values, env, out }) {
    const dataDir = dataDirOf(values, env);
    const token = readTokenFile(dataDir);
    if (!token)
      throw new LocalError(
        `no token in ${dataDir}; start the server once (mission-control serve --data-dir ${dataDir})`,
      );
    out.result({ token, file: join(dataDir, 'token') }, (t) => t.token);
    return 0;
  },
};

/**
 * Online backup with SQLite's backup API, straight from the data dir's file, read-only: it works
 * whether the server runs or not, needs no API surface that writes files wherever a caller asks,
 * and, in WAL mode, the reader never blocks the server's writer. All pages are copied in one step,
 * so the copy is one consistent snapshot even while the server keeps writing.
 */
export const backupCommand: CliCommand = {
  words: ['backup'],
  usage: 'backup <file> [--data-dir DIR] [--force]',
  summary: 'Copy the database to <file> while the server keeps running (online SQLite backup)',
  options: { force: { type: 'boolean' } },
  async run({ values, positionals, env, out }) {
    const target = resolve(required(positionals, 0, 'file'));
    const { DATABASE_FILE } = await import('../../core/db/open.ts');
    const { default: Database } = await import('better-sqlite3');
    const source = join(dataDirOf(values, env), DATABASE_FILE);
    if (!existsSync(source)) throw new LocalError(`no database at ${source}`);
    if (existsSync(target) && !values.force)
      throw new LocalError(`${target} exists; add --force to replace it`);
    if (!existsSync(dirname(target))) throw new LocalError(`the folder ${dirname(target)} does not exist`);
    const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
    const started = performance.now();
    const db = new Database(source, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      await db.backup(partial, { progress: () => 0x7fffffff });
    } catch (error) {
      rmSync(partial, { force: true });
      throw new LocalError(`backup failed: ${error instanceof Error ? error.message : error}`);
    } finally {
      db.close();
    }
    const copy = new Database(partial, { readonly: true });
    const check = copy.pragma('integrity_check', { simple: true });
    const tasks = (copy.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n;
    const events = (copy.prepare('SELECT coalesce(max(id), 0) AS n FROM events').get() as { n: number }).n;
    copy.close();
    if (check !== 'ok') {
      rmSync(partial, { force: true });
      throw new LocalError(`the copy failed its integrity check: ${check}`);
    }
    renameSync(partial, target);
    const ms = Math.round(performance.now() - started);
    out.result(
      { file: target, source, tasks, last_event_id: events, ms },
      (r) =>
        `Backed up ${r.source} to ${r.file} (${r.tasks} tasks, up to event #${r.last_event_id}, ${r.ms} ms)`,
    );
    return 0;
  },
};

/** `serve` takes the headless server's own flags: the same start-up as `npm run serve`. */
export async function runServe(argv: string[]): Promise<number> {
  const { runServe: run } = await import('../../core/serve.ts');
  return run(argv);
}
