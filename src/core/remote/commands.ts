// Handlers for the server commands (remote.*, devices.*): they need the running server, not just the
// core, so they live apart from core/commands.ts. The desktop IPC bridge runs them for the owner's window.
import {
  SERVER_COMMAND_INPUTS,
  type ServerCommandName,
  type ServerCommandOutputs,
} from '../../shared/commands.ts';
import type { App } from '../http/app.ts';

type Handlers = {
  [C in ServerCommandName]: (
    input: ReturnType<(typeof SERVER_COMMAND_INPUTS)[C]['parse']>,
  ) => ServerCommandOutputs[C] | Promise<ServerCommandOutputs[C]>;
};

/** `server` is what startServer returned; its caller is the owner (the desktop window), never a device. */
export function createServerCommandHandlers(server: Pick<App, 'remote' | 'devices' | 'revokeDevice'>) {
  const handlers: Handlers = {
    'remote.status': () => server.remote.status(),
    'remote.set': ({ enabled }) => server.remote.setEnabled(enabled),
    'devices.list': () => server.devices.list(),
    'devices.create': (input) => server.devices.create(input),
    'devices.revoke': ({ id }) => {
      server.revokeDevice(id); // also ends that device's open streams
      return { id };
    },
  };
  /** Parses `input` with the command's schema (ZodError on bad input) and runs it. */
  return async function run<C extends ServerCommandName>(
    command: C,
    input: unknown,
  ): Promise<ServerCommandOutputs[C]> {
    const parsed = SERVER_COMMAND_INPUTS[command].parse(input ?? {});
    return (handlers[command] as (value: unknown) => Promise<ServerCommandOutputs[C]>)(parsed);
  };
}

export type RunServerCommand = ReturnType<typeof createServerCommandHandlers>;
