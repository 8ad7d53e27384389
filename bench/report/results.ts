// The shape of one bench run (written as JSON) and the machine it ran on.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { ColdStartResult } from '../suites/cold-start.ts';
import type { ConversationResult } from '../suites/conversation.ts';
import type { FanoutRow } from '../suites/fanout.ts';
import type { LogsResult } from '../suites/logs.ts';
import type { MemoryRow } from '../suites/memory.ts';
import type { SearchResult } from '../suites/search.ts';
import type { StoreLevel } from '../suites/store.ts';
import type { ThroughputRow } from '../suites/throughput.ts';
import type { UsageResult } from '../suites/usage.ts';
import type { WebhooksResult } from '../suites/webhooks.ts';
import type { WorkResult } from '../suites/work.ts';

export interface Machine {
  nproc: number;
  cpu: string;
  memoryGb: number;
  os: string;
  node: string;
  loadAverage: number[];
}

export interface Results {
  date: string;
  command: string;
  quick: boolean;
  commit: string;
  machine: Machine;
  seconds: number;
  fanout?: FanoutRow[];
  throughput?: ThroughputRow[];
  store?: StoreLevel[];
  memory?: MemoryRow[];
  coldStart?: ColdStartResult;
  work?: WorkResult;
  conversation?: ConversationResult;
  logs?: LogsResult;
  webhooks?: WebhooksResult;
  usage?: UsageResult;
  search?: SearchResult;
}

export function machine(): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    cpu = /model name\s*:\s*(.+)/.exec(info)?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: os.cpus() is good enough
  }
  return {
    nproc: os.availableParallelism(),
    cpu,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
