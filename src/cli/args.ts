// Command-line parsing: global flags, the command words, and where the URL and token come from.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { DEFAULT_PORT } from '../shared/api.ts';

/** Exit codes scripts can rely on (documented in docs/AGENTS.md and `--help`). */
export const EXIT = { ok: 0, failed: 1, usage: 2, connection: 3, nothing: 4 } as const;

/** Bad flags, missing arguments, invalid values: exit 2, nothing was sent. */
export class UsageError extends Error {}

export type Options = NonNullable<ParseArgsConfig['options']>;

const GLOBAL_OPTIONS = {
  url: { type: 'string' },
  token: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export type Values = Record<string, string | boolean | string[] | undefined>;

/** Where the leading words (`task`, `create`) sit in argv: global flags and their values are skipped. */
export function leadingWords(argv: string[], max = 2): number[] {
  const found: number[] = [];
  for (let i = 0; i < argv.length && found.length < max; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    if (!arg.startsWith('-')) found.push(i);
    else if (!arg.includes('=') && (GLOBAL_OPTIONS as Options)[arg.replace(/^-+/, '')]?.type === 'string')
      i++;
  }
  return found;
}

export function parseCommand(args: string[], options: Options): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...GLOBAL_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Values, positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

const DEFAULT_DATA_DIR = '.mission-control';

export function dataDirOf(values: Values, env: NodeJS.ProcessEnv): string {
  return resolve(str(values['data-dir']) ?? env.MISSION_CONTROL_DATA_DIR ?? DEFAULT_DATA_DIR);
}

export function readTokenFile(dataDir: string): string | null {
  const file = join(dataDir, 'token');
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8').trim() || null;
}

export interface Target {
  url: string;
  token: string | null;
}

/** --url, else MISSION_CONTROL_URL, else the default port; --token, else the env, else the data dir's file. */
export function targetOf(values: Values, env: NodeJS.ProcessEnv): Target {
  const url = (str(values.url) ?? env.MISSION_CONTROL_URL ?? `http://127.0.0.1:${DEFAULT_PORT}`).replace(
    /\/+$/,
    '',
  );
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw new UsageError(`--url must be an http(s) URL, not ${JSON.stringify(url)}`);
  }
  const token =
    str(values.token) ?? (env.MISSION_CONTROL_TOKEN?.trim() || readTokenFile(dataDirOf(values, env)));
  return { url, token };
}

export const str = (value: Values[string]): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** The n-th positional, or a usage error naming it. */
export function required(positionals: string[], index: number, name: string): string {
  const value = positionals[index];
  if (value === undefined || value === '') throw new UsageError(`missing <${name}>`);
  return value;
}

export function integer(value: Values[string], name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isSafeInteger(n) || n < 0)
    throw new UsageError(`--${name} must be a whole number ≥ 0`);
  return n;
}

/** A whole number flag within [min, max], or undefined when absent. */
export function bounded(value: Values[string], name: string, min: number, max: number): number | undefined {
  const n = integer(value, name);
  if (n !== undefined && (n < min || n > max)) throw new UsageError(`--${name} must be ${min}..${max}`);
  return n;
}
