// Picks the host's Backend: the preload bridge inside the desktop app, HTTP in a browser.
import type { MissionControlBridge } from '../../shared/ipc.ts';
import type { Backend } from './backend.ts';
import { createHttpBackend } from './http-backend.ts';
import { lazyIpcBackend } from './lazy-ipc-backend.ts';

declare global {
  interface Window {
    missionControl?: MissionControlBridge;
  }
}

export function selectBackend(win: Window = window): { backend: Backend; kind: 'ipc' | 'http' } {
  return win.missionControl
    ? { backend: lazyIpcBackend(win.missionControl), kind: 'ipc' }
    : { backend: createHttpBackend(), kind: 'http' };
}
