// Where results and errors go: human text by default, one JSON document per line with --json.
import type { Writable } from 'node:stream';

export interface Output {
  json: boolean;
  /** Prints `value` as JSON, or what `human` makes of it. */
  result<T>(value: T, human: (value: T) => string): void;
  /** Progress and notices: stderr, so stdout stays clean for pipes. */
  note(line: string): void;
  error(message: string, body?: unknown): void;
}

export function createOutput(
  json: boolean,
  stdout: Writable = process.stdout,
  stderr: Writable = process.stderr,
): Output {
  return {
    json,
    result(value, human) {
      const text = json ? JSON.stringify(value) : human(value);
      if (text !== '') stdout.write(`${text}\n`);
    },
    note(line) {
      if (!json) stderr.write(`${line}\n`);
    },
    error(message, body) {
      stderr.write(
        json && body !== undefined ? `${JSON.stringify(body)}\n` : `mission-control: ${message}\n`,
      );
    },
  };
}
