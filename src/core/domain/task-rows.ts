// The task as the API answers it, read in one statement: its row, its lease, its dependencies and
// whether one of them is not done yet. Every read of a task goes through TASK_SELECT.
import type { Task } from '../../shared/entities.ts';
import { fromMicros } from '../../shared/money.ts';

/** `SELECT TASK_SELECT FROM tasks t …`: the row plus what is derived from other rows. */
export const TASK_SELECT = `t.*,
  (SELECT json_group_array(d.depends_on_id) FROM task_dependencies d WHERE d.task_id = t.id) AS depends_on_json,
  EXISTS (SELECT 1 FROM task_dependencies d JOIN tasks x ON x.id = d.depends_on_id
          WHERE d.task_id = t.id AND x.status <> 'done') AS is_blocked`;

export interface TaskRow {
  id: string;
  title: string;
  description: string | null;
  status: Task['status'];
  priority: Task['priority'];
  assigned_agent_id: string | null;
  created_by_agent_id: string | null;
  due_date: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  claim_count: number;
  expiry_count: number;
  expired_at: string | null;
  status_changed_at: string | null;
  lease_agent_id: string | null;
  lease_expires_at: string | null;
  lease_s: number | null;
  origin_status: 'inbox' | 'assigned' | null;
  origin_agent_id: string | null;
  depends_on_json: string;
  is_blocked: number;
  usage_input_tokens: number;
  usage_output_tokens: number;
  usage_cost_micros: number;
  usage_reports: number;
  usage_unpriced_reports: number;
  budget_micros: number | null;
  over_budget_at: string | null;
}

export const taskFromRow = (row: TaskRow): Task => ({
  id: row.id,
  title: row.title,
  description: row.description,
  status: row.status,
  priority: row.priority,
  assigned_agent_id: row.assigned_agent_id,
  created_by_agent_id: row.created_by_agent_id,
  due_date: row.due_date,
  version: row.version,
  created_at: row.created_at,
  updated_at: row.updated_at,
  lease:
    row.lease_agent_id && row.lease_expires_at
      ? { agent_id: row.lease_agent_id, expires_at: row.lease_expires_at, lease_s: row.lease_s ?? 0 }
      : null,
  claim_count: row.claim_count,
  depends_on: JSON.parse(row.depends_on_json) as string[],
  blocked: row.is_blocked === 1,
  ...usageFromRow(row),
});

/** The usage fields of a task, from the running totals its row keeps (usage.ts). */
export const usageFromRow = (
  row: Pick<
    TaskRow,
    | 'usage_input_tokens'
    | 'usage_output_tokens'
    | 'usage_cost_micros'
    | 'usage_reports'
    | 'usage_unpriced_reports'
    | 'budget_micros'
    | 'over_budget_at'
  >,
): Pick<Task, 'usage' | 'budget_usd' | 'over_budget'> => ({
  usage: {
    input_tokens: row.usage_input_tokens,
    output_tokens: row.usage_output_tokens,
    cost_usd: row.usage_reports > row.usage_unpriced_reports ? fromMicros(row.usage_cost_micros) : null,
  },
  budget_usd: row.budget_micros === null ? null : fromMicros(row.budget_micros),
  over_budget: row.over_budget_at !== null,
});

/** The task_updated payload: the task after, with its status and assignee before. */
export const updatedPayload = (task: Task, before: Pick<Task, 'status' | 'assigned_agent_id'>) => ({
  ...task,
  previous_status: before.status,
  previous_assigned_agent_id: before.assigned_agent_id,
});
