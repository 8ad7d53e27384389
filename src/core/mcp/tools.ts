// The MCP tools: each one is a shared zod schema in, one command (or read) of the core, an entity out.
import { z } from 'zod';
import { COMMAND_INPUTS } from '../../shared/commands.ts';
import { Activity, Agent, Deliverable, Session, Task } from '../../shared/entities.ts';
import { Id, IdParams, TaskListQuery } from '../../shared/inputs.ts';
import type { RunCommand } from '../commands.ts';
import type { Core } from '../core.ts';

export interface ToolDef {
  name: string;
  title: string;
  description: string;
  input: z.ZodObject;
  /** MCP structured results must be objects, so lists come wrapped (`{ tasks: [...] }`). */
  output: z.ZodObject;
  /** Writes change the board and emit an event; reads never do. */
  write: boolean;
  run(input: unknown): unknown;
}

const list = <K extends string>(key: K, item: z.ZodObject) => z.object({ [key]: z.array(item) });

/** Ends a sub-agent session: the `status` of SessionPatch without `active`. */
const SubagentEnd = z.strictObject({
  id: Id.describe('The session id (the `id` register_subagent answered, not openclaw_session_id)'),
  status: z.enum(['completed', 'failed']).default('completed'),
});

export function createTools(core: Core, run: RunCommand): ToolDef[] {
  return [
    {
      name: 'list_tasks',
      title: 'List tasks',
      description: 'Tasks on the board, newest first; filter by status, assigned_agent_id or text q.',
      input: TaskListQuery,
      output: list('tasks', Task),
      write: false,
      run: (input) => ({ tasks: core.tasks.list(TaskListQuery.parse(input)) }),
    },
    {
      name: 'get_task',
      title: 'Get a task',
      description: 'One task by id, with its current version (pass it as expected_version to update_task).',
      input: IdParams,
      output: Task,
      write: false,
      run: (input) => core.tasks.get(IdParams.parse(input).id),
    },
    {
      name: 'create_task',
      title: 'Create a task',
      description: 'Creates a task (title required; status defaults to inbox, priority to normal).',
      input: COMMAND_INPUTS['tasks.create'],
      output: Task,
      write: true,
      run: (input) => run('tasks.create', input),
    },
    {
      name: 'update_task',
      title: 'Update a task',
      description:
        'Changes some fields of a task: move it (status), assign it (assigned_agent_id), retitle it. ' +
        'A status change also logs a status_changed activity. With expected_version, a newer version ' +
        'on the server is a conflict instead of an overwrite.',
      input: COMMAND_INPUTS['tasks.update'],
      output: Task,
      write: true,
      run: (input) => run('tasks.update', input),
    },
    {
      name: 'delete_task',
      title: 'Delete a task',
      description: 'Deletes a task with its activities, deliverables and sub-agent sessions.',
      input: COMMAND_INPUTS['tasks.delete'],
      output: z.object({ id: z.string() }),
      write: true,
      run: (input) => run('tasks.delete', input),
    },
    {
      name: 'log_activity',
      title: 'Log an activity',
      description:
        'Adds an entry to the activity log of a task (spawned, updated, completed, file_created…).',
      input: COMMAND_INPUTS['activities.create'],
      output: Activity,
      write: true,
      run: (input) => run('activities.create', input),
    },
    {
      name: 'list_activities',
      title: 'List activities',
      description: 'The activity log of a task, oldest first (order "desc" for newest first).',
      input: COMMAND_INPUTS['activities.list'],
      output: list('activities', Activity),
      write: false,
      run: (input) => ({ activities: run('activities.list', input) }),
    },
    {
      name: 'add_deliverable',
      title: 'Add a deliverable',
      description:
        'Attaches a deliverable to a task: a file (path), a url (http/https in path) or an artifact.',
      input: COMMAND_INPUTS['deliverables.create'],
      output: Deliverable,
      write: true,
      run: (input) => run('deliverables.create', input),
    },
    {
      name: 'list_deliverables',
      title: 'List deliverables',
      description: 'The deliverables of a task, oldest first.',
      input: COMMAND_INPUTS['deliverables.list'],
      output: list('deliverables', Deliverable),
      write: false,
      run: (input) => ({ deliverables: run('deliverables.list', input) }),
    },
    {
      name: 'register_subagent',
      title: 'Register a sub-agent session',
      description:
        'Records that a sub-agent started working on a task (openclaw_session_id must be unique). ' +
        'The board shows it as active until end_subagent.',
      input: COMMAND_INPUTS['sessions.register'],
      output: Session,
      write: true,
      run: (input) => run('sessions.register', input),
    },
    {
      name: 'end_subagent',
      title: 'End a sub-agent session',
      description: 'Marks a session completed (default) or failed and records when it ended.',
      input: SubagentEnd,
      output: Session,
      write: true,
      run: (input) => {
        const { id, status } = SubagentEnd.parse(input);
        return run('sessions.update', { id, changes: { status } });
      },
    },
    {
      name: 'list_sessions',
      title: 'List sessions',
      description: 'Agent sessions, filtered by session_type (subagent/persistent), status or task_id.',
      input: COMMAND_INPUTS['sessions.list'],
      output: list('sessions', Session),
      write: false,
      run: (input) => ({ sessions: run('sessions.list', input) }),
    },
    {
      name: 'list_agents',
      title: 'List agents',
      description: 'The agents known to the board (use their ids for assigned_agent_id and agent_id).',
      input: z.strictObject({}),
      output: list('agents', Agent),
      write: false,
      run: () => ({ agents: core.agents.list() }),
    },
    {
      name: 'create_agent',
      title: 'Create an agent',
      description: 'Adds an agent to the board (name required; role defaults to "agent").',
      input: COMMAND_INPUTS['agents.create'],
      output: Agent,
      write: true,
      run: (input) => run('agents.create', input),
    },
  ];
}
