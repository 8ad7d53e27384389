// `task create|list|show|move|delete`.

import type { Task } from '../../shared/entities.ts';
import { integer, required, str, UsageError } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { taskDetail, taskLine, taskTable } from '../format.ts';

export const taskCommands: CliCommand[] = [
  {
    words: ['task', 'create'],
    usage:
      'task create <title> [--description TEXT] [--status S] [--priority P] [--assign AGENT_ID] [--by AGENT_ID] [--due DATE]',
    summary: 'Create a task (prints it; --json prints the task)',
    options: {
      description: { type: 'string' },
      status: { type: 'string' },
      priority: { type: 'string' },
      assign: { type: 'string' },
      by: { type: 'string' },
      due: { type: 'string' },
    },
    async run({ values, positionals, out, client }) {
      const task = await client().call('tasks.create', {
        title: required(positionals, 0, 'title'),
        description: str(values.description),
        status: str(values.status) as Task['status'] | undefined,
        priority: str(values.priority) as Task['priority'] | undefined,
        assigned_agent_id: str(values.assign),
        created_by_agent_id: str(values.by),
        due_date: str(values.due),
      });
      out.result(task, (t) => `Created ${taskLine(t)}`);
      return 0;
    },
  },
  {
    words: ['task', 'list'],
    usage: 'task list [--status S] [--assigned AGENT_ID] [--q TEXT] [--limit N]',
    summary: 'List tasks, newest first',
    options: {
      status: { type: 'string' },
      assigned: { type: 'string' },
      q: { type: 'string' },
      limit: { type: 'string' },
    },
    async run({ values, out, client }) {
      const tasks = await client().call('tasks.list', {
        status: str(values.status) as Task['status'] | undefined,
        assigned_agent_id: str(values.assigned),
        q: str(values.q),
        limit: str(values.limit) as unknown as number | undefined, // the schema coerces the flag's text
      });
      out.result(tasks, taskTable);
      return 0;
    },
  },
  {
    words: ['task', 'show'],
    usage: 'task show <task-id>',
    summary: 'A task with its activity log, deliverables and sessions',
    async run({ positionals, out, client }) {
      const id = required(positionals, 0, 'task-id');
      const api = client();
      const task = await api.call('tasks.get', { id });
      const [activities, deliverables, sessions] = await Promise.all([
        api.call('activities.list', { task_id: id }),
        api.call('deliverables.list', { task_id: id }),
        api.call('sessions.list', { task_id: id }),
      ]);
      out.result({ task, activities, deliverables, sessions }, taskDetail);
      return 0;
    },
  },
  {
    words: ['task', 'move'],
    usage: 'task move <task-id> <status> [--assign AGENT_ID] [--agent AGENT_ID] [--if-version N]',
    summary: 'Change the status (and optionally the assignee) of a task',
    options: { assign: { type: 'string' }, agent: { type: 'string' }, 'if-version': { type: 'string' } },
    async run({ values, positionals, out, client }) {
      const status = required(positionals, 1, 'status') as Task['status'];
      const task = await client().call('tasks.update', {
        id: required(positionals, 0, 'task-id'),
        changes: {
          status,
          ...(values.assign === undefined ? {} : { assigned_agent_id: str(values.assign) }),
          ...(values.agent === undefined ? {} : { agent_id: str(values.agent) }),
        },
        expected_version: integer(values['if-version'], 'if-version'),
      });
      out.result(task, (t) => `Moved ${taskLine(t)}`);
      return 0;
    },
  },
  {
    words: ['task', 'delete'],
    usage: 'task delete <task-id>',
    summary: 'Delete a task with its activities, deliverables and sessions',
    async run({ positionals, out, client }) {
      if (positionals.length > 1) throw new UsageError('task delete takes one id');
      const result = await client().call('tasks.delete', { id: required(positionals, 0, 'task-id') });
      out.result(result, (r) => `Deleted task ${r.id}`);
      return 0;
    },
  },
];
