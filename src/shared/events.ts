// The event contract: one entry per event type, so the compiler finds every place that must handle it.
import type { Activity, Agent, Deliverable, Session, Task } from './entities.ts';

export interface EventPayloads {
  task_created: Task;
  task_updated: Task;
  task_deleted: { id: string };
  activity_logged: Activity;
  deliverable_added: Deliverable;
  /** A sub-agent session was registered. */
  agent_spawned: Session;
  /** A session ended (completed or failed), or changed otherwise. */
  agent_completed: Session;
  agent_created: Agent;
  agent_updated: Agent;
  agent_deleted: { id: string };
}

export type EventType = keyof EventPayloads;

export const EVENT_TYPES = [
  'task_created',
  'task_updated',
  'task_deleted',
  'activity_logged',
  'deliverable_added',
  'agent_spawned',
  'agent_completed',
  'agent_created',
  'agent_updated',
  'agent_deleted',
] as const satisfies readonly EventType[];

/** A stored event, as the log keeps it and the stream sends it (`id:` line + `data:` JSON). */
export type DomainEvent = {
  [K in EventType]: { id: number; type: K; payload: EventPayloads[K]; created_at: string };
}[EventType];

/** Sent (not stored) when a client resumes from an id the log no longer holds: refetch the snapshot. */
export interface ResetEvent {
  id: number;
  type: 'reset';
  payload: { last_event_id: number; reason: string };
}

export type StreamEvent = DomainEvent | ResetEvent;
