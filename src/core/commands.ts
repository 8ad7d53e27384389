// Command handlers over the core, for transports that speak commands (IPC, MCP): validate, then call.
import { COMMAND_INPUTS, type CommandName, type CommandOutput } from '../shared/commands.ts';
import type { Core } from './core.ts';

type Handlers = {
  [C in CommandName]: (input: ReturnType<(typeof COMMAND_INPUTS)[C]['parse']>) => CommandOutput<C>;
};

export function createCommandHandlers(core: Core) {
  const handlers: Handlers = {
    snapshot: () => core.snapshot(),
    'tasks.create': (input) => core.tasks.create(input),
    'tasks.update': ({ id, changes, expected_version }) => core.tasks.update(id, changes, expected_version),
    'tasks.delete': ({ id }) => core.tasks.remove(id),
    'activities.list': ({ task_id, order }) => core.activities.list(task_id, order ? { order } : {}),
    'activities.create': ({ task_id, activity }) => core.activities.create(task_id, activity),
    'deliverables.list': ({ task_id }) => core.deliverables.list(task_id),
    'deliverables.create': ({ task_id, deliverable }) => core.deliverables.create(task_id, deliverable),
    'sessions.list': (input) => core.sessions.list(input),
    'sessions.register': ({ task_id, session }) => core.sessions.registerSubagent(task_id, session),
    'sessions.update': ({ id, changes }) => core.sessions.update(id, changes),
    'agents.create': (input) => core.agents.create(input),
    'agents.update': ({ id, changes }) => core.agents.update(id, changes),
    'agents.delete': ({ id }) => core.agents.remove(id),
  };
  /** Parses `input` with the command's schema (ZodError on bad input) and runs it. */
  return function run<C extends CommandName>(command: C, input: unknown): CommandOutput<C> {
    const parsed = COMMAND_INPUTS[command].parse(input ?? {});
    return (handlers[command] as (value: unknown) => CommandOutput<C>)(parsed);
  };
}

export type RunCommand = ReturnType<typeof createCommandHandlers>;
