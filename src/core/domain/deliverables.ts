// Deliverables: the files, urls and artifacts a task produced.
import type { Deliverable } from '../../shared/entities.ts';
import { DeliverableCreate } from '../../shared/inputs.ts';
import { deliverableFromRow, toJson } from './rows.ts';
import type { Transactions } from './transactions.ts';

type DeliverableRow = Parameters<typeof deliverableFromRow>[0];

export function createDeliverables(tx: Transactions, assertTask: (id: string) => void) {
  const { db } = tx;
  const list = db.prepare<[string], DeliverableRow>(
    'SELECT * FROM task_deliverables WHERE task_id = ? ORDER BY created_at, rowid',
  );
  const insert = db.prepare(`INSERT INTO task_deliverables
    (id, task_id, deliverable_type, title, path, description, metadata, created_at)
    VALUES (@id, @task_id, @deliverable_type, @title, @path, @description, @metadata, @created_at)`);

  return {
    list(taskId: string): Deliverable[] {
      return tx.read(() => {
        assertTask(taskId);
        return list.all(taskId).map(deliverableFromRow);
      });
    },
    create(taskId: string, input: DeliverableCreate): Deliverable {
      const data = DeliverableCreate.parse(input);
      return tx.write(() => {
        assertTask(taskId);
        const deliverable: Deliverable = {
          id: tx.newId(),
          task_id: taskId,
          deliverable_type: data.deliverable_type,
          title: data.title,
          path: data.path ?? null,
          description: data.description ?? null,
          metadata: data.metadata ?? null,
          created_at: tx.now(),
        };
        insert.run({ ...deliverable, metadata: toJson(deliverable.metadata) });
        tx.emit('deliverable_added', deliverable, deliverable.created_at);
        return deliverable;
      });
    },
  };
}

export type Deliverables = ReturnType<typeof createDeliverables>;
