// Human-readable renderings of the API's entities for the terminal.
import type {
  Activity,
  Agent,
  AttentionItem,
  Comment,
  Deliverable,
  Session,
  Task,
} from '../shared/entities.ts';
import type { StreamEvent } from '../shared/events.ts';
import { exhaustive } from '../shared/exhaustive.ts';
import { formatUsd } from '../shared/money.ts';

const pad = (text: string, width: number) =>
  text.length >= width ? text : text + ' '.repeat(width - text.length);

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, widths[i] ?? 0))).join('  '))
    .join('\n');
}

export const taskLine = (t: Task) => `${t.id}  [${t.status}] ${t.title}`;

export function taskTable(tasks: Task[]): string {
  if (tasks.length === 0) return 'No tasks.';
  return table([
    ['ID', 'STATUS', 'PRIORITY', 'TITLE'],
    ...tasks.map((t) => [t.id, t.status, t.priority, t.title]),
  ]);
}

export function taskDetail(d: {
  task: Task;
  activities: Activity[];
  deliverables: Deliverable[];
  sessions: Session[];
}) {
  const { task } = d;
  const lines = [
    `${task.title}`,
    `  id        ${task.id}`,
    `  status    ${task.status}   priority ${task.priority}   version ${task.version}`,
    `  assigned  ${task.assigned_agent_id ?? '-'}`,
    `  updated   ${task.updated_at}`,
  ];
  if (task.description) lines.push('', task.description);
  lines.push('', `Activity (${d.activities.length})`);
  for (const a of d.activities) lines.push(`  ${a.created_at}  ${pad(a.activity_type, 14)} ${a.message}`);
  lines.push('', `Deliverables (${d.deliverables.length})`);
  for (const x of d.deliverables)
    lines.push(`  ${pad(x.deliverable_type, 8)} ${x.title}${x.path ? `  ${x.path}` : ''}`);
  lines.push('', `Sessions (${d.sessions.length})`);
  for (const s of d.sessions) lines.push(`  ${sessionLine(s)}`);
  return lines.join('\n');
}

export const sessionLine = (s: Session) =>
  `${s.id}  ${pad(s.status, 9)} ${s.openclaw_session_id}${s.agent_name ? ` (${s.agent_name})` : ''}${s.task_id ? `  task ${s.task_id}` : ''}`;

export const sessionTable = (sessions: Session[]) =>
  sessions.length === 0 ? 'No sessions.' : sessions.map(sessionLine).join('\n');

export const agentTable = (agents: Agent[]) =>
  agents.length === 0
    ? 'No agents.'
    : table([
        ['ID', 'NAME', 'ROLE', 'STATUS'],
        ...agents.map((a) => [a.id, `${a.avatar_emoji} ${a.name}`, a.role, a.status]),
      ]);

/** A comment for the terminal: its head line, then the body indented (it may span lines). */
export function commentText(c: Comment): string {
  const who = c.author === 'agent' ? `agent ${c.agent_id}` : 'operator';
  const body = c.body.split('\n').map((line) => `    ${line}`);
  return [`  ${c.created_at}  ${who}  (${c.id})`, ...body].join('\n');
}

export const commentList = (comments: Comment[]) =>
  comments.length === 0 ? 'No comments.' : comments.map(commentText).join('\n');

export const attentionTable = (items: AttentionItem[]) =>
  items.length === 0
    ? 'Nothing needs you.'
    : table([['KIND', 'SINCE', 'MESSAGE', 'KEY'], ...items.map((i) => [i.kind, i.since, i.message, i.key])]);

/** One line per event: `#42 task_updated  Build feature X → review`. */
export function eventLine(event: StreamEvent): string {
  const head = `#${event.id} ${pad(event.type, 17)}`;
  switch (event.type) {
    case 'task_created':
    case 'task_updated':
      return `${head} ${event.payload.title} → ${event.payload.status}`;
    case 'activity_logged':
      return `${head} ${event.payload.activity_type}: ${event.payload.message}`;
    case 'deliverable_added':
      return `${head} ${event.payload.deliverable_type}: ${event.payload.title}`;
    case 'agent_spawned':
    case 'agent_completed':
    case 'session_updated':
      return `${head} ${event.payload.openclaw_session_id} ${event.payload.status}`;
    case 'agent_created':
    case 'agent_updated':
      return `${head} ${event.payload.name} (${event.payload.status})`;
    case 'reset':
      return `${head} ${event.payload.reason}: refetch the board (last event ${event.payload.last_event_id})`;
    case 'task_deleted':
    case 'agent_deleted':
    case 'device_revoked':
      return `${head} ${event.payload.id}`;
    case 'comment_added':
      return `${head} ${event.payload.author}: ${event.payload.body.slice(0, 80)}`;
    case 'review_decided':
      return `${head} ${event.payload.decision} → ${event.payload.task.title} (${event.payload.task.status})`;
    case 'attention_dismissed':
      return `${head} ${event.payload.key}`;
    case 'webhook_health_changed':
      return `${head} ${event.payload.webhook_id} ${event.payload.state} (${event.payload.failures} failures in a row)`;
    case 'usage_recorded':
      return `${head} ${event.payload.model} ${event.payload.input_tokens}+${event.payload.output_tokens} tokens ${formatUsd(event.payload.cost_usd)}`;
    case 'budget_exceeded':
      return `${head} ${event.payload.task.title}: ${formatUsd(event.payload.cost_usd)} of ${formatUsd(event.payload.budget_usd)}`;
    default:
      exhaustive(event);
      return head;
  }
}
