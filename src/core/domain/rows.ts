// Maps SQLite rows to the entities the API answers with (booleans, JSON metadata).
import type { Activity, Agent, Deliverable } from '../../shared/entities.ts';

type WithJson<T> = Omit<T, 'metadata'> & { metadata: string | null };

const parseJson = (text: string | null): Record<string, unknown> | null =>
  text === null ? null : (JSON.parse(text) as Record<string, unknown>);

export const toJson = (value: Record<string, unknown> | null | undefined): string | null =>
  value == null ? null : JSON.stringify(value);

export const agentFromRow = (row: Omit<Agent, 'is_master'> & { is_master: number }): Agent => ({
  ...row,
  is_master: row.is_master === 1,
});

export const activityFromRow = (row: WithJson<Activity>): Activity => ({
  ...row,
  metadata: parseJson(row.metadata),
});

export const deliverableFromRow = (row: WithJson<Deliverable>): Deliverable => ({
  ...row,
  metadata: parseJson(row.metadata),
});
