// What a CLI command is: its words, flags, help line, and a run function over a context.

import type { Options, Values } from './args.ts';
import type { ApiClient } from './client.ts';
import type { Output } from './output.ts';

export interface Context {
  values: Values;
  positionals: string[];
  out: Output;
  env: NodeJS.ProcessEnv;
  /** The API client for --url/--token (created on first use, so local commands need neither). */
  client(): ApiClient;
}

export interface CliCommand {
  words: string[];
  usage: string;
  summary: string;
  /** More for `<command> --help` (what it does in detail, its own exit codes). */
  details?: string;
  options?: Options;
  /** Answers the exit code; nothing means 0. */
  run(ctx: Context): Promise<number | undefined>;
}
