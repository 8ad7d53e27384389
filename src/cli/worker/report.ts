// What `run` says on stderr (stdout belongs to the command): one line per claimed or finished task.
import type { Writable } from 'node:stream';

/** `event` names the line for --json readers; `human` is the line a person reads. */
export type Reporter = (event: string, fields: Record<string, unknown>, human: string) => void;

export function createReporter(json: boolean, stderr: Writable = process.stderr): Reporter {
  return (event, fields, human) =>
    stderr.write(
      json
        ? `${JSON.stringify({ event, ...fields, at: new Date().toISOString() })}\n`
        : `mission-control run: ${human}\n`,
    );
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
