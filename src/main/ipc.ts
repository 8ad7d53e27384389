// The IPC bridge in main: allow-listed operations run through the core's table, the event
// push, replay, app info and deliverable open — each request checked to come from our window.
import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import { z } from 'zod';
import type { Core } from '../core/core.ts';
import { errorBody, toAnswer } from '../core/errors.ts';
import { Id } from '../shared/inputs.ts';
import { type AppInfo, type BridgeResult, IPC_CHANNELS, isBridgeCommand } from '../shared/ipc.ts';
import { OpenRefused, openDeliverable } from './deliverables-open.ts';
import { eventsAfter } from './event-replay.ts';
import { sameOrigin } from './guards.ts';

export interface IpcOptions {
  /** Runs every allowed operation; remote.* answer 503 while the agent API is not running. */
  core: Core;
  /** The board window, when it exists; only its main frame may talk to main. */
  window: () => BrowserWindow | null;
  /** The origin the window's page must have (app://mission-control, or the dev server's). */
  origin: string;
  info: () => AppInfo;
}

/** True only for our window's top frame showing our origin: not an iframe, not another window. */
function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null, origin: string): boolean {
  if (!win || win.isDestroyed()) return false;
  const frame = event.senderFrame;
  return (
    event.sender === win.webContents &&
    frame !== null &&
    frame === win.webContents.mainFrame &&
    sameOrigin(frame.url, origin)
  );
}

const fail = (status: number, code: string, message: string): BridgeResult => ({
  ok: false,
  status,
  error: errorBody(code, message).error,
});

const toFailure = (error: unknown): BridgeResult => {
  if (error instanceof OpenRefused) return fail(422, error.code, error.message);
  const { status, body } = toAnswer(error);
  if (status >= 500) console.error('IPC command failed', error);
  return { ok: false, status, error: body.error };
};

const LastEventId = z.number().int().min(0);

export function registerIpc(options: IpcOptions): () => void {
  const { core } = options;
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(event, options.window(), options.origin);
  const FORBIDDEN = fail(403, 'forbidden', 'This frame may not use the Mission Control bridge');

  ipcMain.handle(
    IPC_CHANNELS.invoke,
    async (event, command: unknown, input: unknown): Promise<BridgeResult> => {
      if (!trusted(event)) return FORBIDDEN;
      if (!isBridgeCommand(command))
        return fail(400, 'unknown_command', `Unknown command: ${String(command)}`);
      try {
        return { ok: true, value: await core.run(command, input) };
      } catch (error) {
        return toFailure(error);
      }
    },
  );
  ipcMain.handle(IPC_CHANNELS.eventsAfter, (event, lastEventId: unknown) => {
    if (!trusted(event)) throw new Error('forbidden');
    return eventsAfter(core.events, LastEventId.parse(lastEventId));
  });
  ipcMain.handle(IPC_CHANNELS.info, (event) => {
    if (!trusted(event)) throw new Error('forbidden');
    return options.info();
  });
  ipcMain.handle(IPC_CHANNELS.openDeliverable, (event, taskId: unknown, deliverableId: unknown) => {
    if (!trusted(event)) return FORBIDDEN;
    try {
      const task = Id.parse(taskId);
      const id = Id.parse(deliverableId);
      // The path comes from the database, never from the renderer.
      const deliverable = core.deliverables.list(task).find((d) => d.id === id);
      if (!deliverable) return fail(404, 'not_found', `deliverable ${id} not found on task ${task}`);
      return { ok: true, value: openDeliverable(deliverable) };
    } catch (error) {
      return toFailure(error);
    }
  });

  // Every committed event goes to the window, in order, with its id.
  const unsubscribe = core.bus.subscribe((event) => {
    const win = options.window();
    if (win && !win.isDestroyed()) win.webContents.send(IPC_CHANNELS.event, event);
  });

  return () => {
    unsubscribe();
    for (const channel of [
      IPC_CHANNELS.invoke,
      IPC_CHANNELS.eventsAfter,
      IPC_CHANNELS.info,
      IPC_CHANNELS.openDeliverable,
    ]) {
      ipcMain.removeHandler(channel);
    }
  };
}
