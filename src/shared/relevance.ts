// Which events concern agent A — its inbox, its filtered stream, its webhooks all use this one rule:
// events about tasks assigned to A when the event happened (including the one that takes a task
// away from A), comments on them not written by A, and review decisions on them.
import type { DomainEvent } from './events.ts';
import { exhaustive } from './exhaustive.ts';

export function isRelevantTo(event: DomainEvent, agentId: string): boolean {
  switch (event.type) {
    case 'task_created':
      return event.payload.assigned_agent_id === agentId;
    case 'task_updated':
      return (
        event.payload.assigned_agent_id === agentId || event.payload.previous_assigned_agent_id === agentId
      );
    case 'task_deleted':
      return event.payload.assigned_agent_id === agentId;
    case 'comment_added':
      return event.payload.task_assigned_agent_id === agentId && event.payload.agent_id !== agentId;
    case 'review_decided':
      return event.payload.task.assigned_agent_id === agentId;
    case 'budget_exceeded':
      // Its assignee (and the lease holder) must stop working on it.
      return (
        event.payload.task.assigned_agent_id === agentId || event.payload.task.lease?.agent_id === agentId
      );
    case 'activity_logged':
    case 'deliverable_added':
    case 'agent_spawned':
    case 'agent_completed':
    case 'session_updated':
    case 'agent_created':
    case 'agent_updated':
    case 'agent_deleted':
    case 'device_revoked':
    case 'attention_dismissed':
    case 'webhook_health_changed': // the owner's administration, no agent's news
    case 'usage_recorded': // the reporter knows; the operator's board and summaries hear it
      return false;
    default:
      exhaustive(event);
      return false;
  }
}
