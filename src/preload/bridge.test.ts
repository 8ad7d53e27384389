import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../shared/ipc.ts';

vi.mock('electron', () => import('../main/testing/fake-electron.ts'));
const fake = await import('../main/testing/fake-electron.ts');

fake.resetFakeElectron();
await import('./index.ts'); // runs the preload once, as Electron does
beforeEach(() => {
  fake.ipcRenderer.invoked = [];
});

const exposed = async () =>
  fake.contextBridge.exposed.get('missionControl') as import('../shared/ipc.ts').MissionControlBridge;

describe('preload bridge', () => {
  it('exposes only the named bridge functions, no ipcRenderer', async () => {
    const bridge = await exposed();
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['missionControl']);
    expect(Object.keys(bridge).sort()).toEqual(
      ['eventsAfter', 'info', 'invoke', 'onEvent', 'onOpenTask', 'openDeliverable'].sort(),
    );
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
  });

  it('sends allowed commands on the fixed channel and drops unknown ones before IPC', async () => {
    const bridge = await exposed();
    await bridge.invoke('tasks.create', { title: 'x' });
    const refused = await bridge.invoke('db.exec' as never, {});
    expect(refused).toMatchObject({ ok: false, status: 400, error: { code: 'unknown_command' } });
    expect(fake.ipcRenderer.invoked).toEqual([
      { channel: IPC_CHANNELS.invoke, args: ['tasks.create', { title: 'x' }] },
    ]);
  });

  it('hands listeners the payload only and unsubscribes them', async () => {
    const bridge = await exposed();
    const seen: unknown[] = [];
    const off = bridge.onEvent((event) => seen.push(event));
    const offTask = bridge.onOpenTask((id) => seen.push(`open ${id}`));
    fake.ipcRenderer.emit(IPC_CHANNELS.event, { sender: 'ipc internals' }, { id: 1, type: 'task_deleted' });
    fake.ipcRenderer.emit(IPC_CHANNELS.openTask, {}, 'task-1');
    off();
    offTask();
    fake.ipcRenderer.emit(IPC_CHANNELS.event, {}, { id: 2, type: 'task_deleted' });
    fake.ipcRenderer.emit(IPC_CHANNELS.openTask, {}, 'task-2');
    expect(seen).toEqual([{ id: 1, type: 'task_deleted' }, 'open task-1']);
    expect(fake.ipcRenderer.listenerCount(IPC_CHANNELS.event)).toBe(0);
  });
});
