// The board's snapshot window and the Done column's pages over HTTP.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { testApp } from '../testing/harness.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.close());

it('serves the newest done tasks in the snapshot and pages through the older ones with the cursor', async () => {
  const created: string[] = [];
  for (let i = 0; i < 170; i += 1) created.push(t.core.tasks.create({ title: `d${i}`, status: 'done' }).id);
  t.core.tasks.create({ title: 'open' });
  const snapshot = await t.call('GET', '/api/snapshot');
  expect(snapshot.status).toBe(200);
  expect(snapshot.body.done_total).toBe(170);
  expect(snapshot.body.tasks).toHaveLength(151);
  const ids = new Set<string>(snapshot.body.tasks.map((x: { id: string }) => x.id));
  let cursor: string | null = snapshot.body.done_next;
  while (cursor) {
    const page = await t.call('GET', `/api/snapshot/done?before=${encodeURIComponent(cursor)}&limit=7`);
    expect(page.status).toBe(200);
    for (const task of page.body.tasks) {
      expect(ids.has(task.id)).toBe(false);
      ids.add(task.id);
    }
    cursor = page.body.next;
  }
  expect(created.every((id) => ids.has(id))).toBe(true);
  expect(ids.size).toBe(171);
});

it('answers the newest page without a cursor, and 400 for a cursor it did not hand out', async () => {
  t.core.tasks.create({ title: 'd', status: 'done' });
  const page = await t.call('GET', '/api/snapshot/done?limit=5');
  expect(page).toMatchObject({ status: 200, body: { tasks: [{ title: 'd' }], next: null } });
  expect((await t.call('GET', '/api/snapshot/done?before=garbage')).body.error.code).toBe('invalid');
  expect((await t.call('GET', '/api/snapshot/done?before=garbage')).status).toBe(400);
  expect((await t.call('GET', '/api/snapshot/done?limit=0')).status).toBe(400);
});
