// Operations on tasks and their own collections: activities, deliverables, sub-agent sessions.
import { z } from 'zod';
import { Activity, Deliverable, Session, Task } from '../entities.ts';
import {
  ActivityCreate,
  ActivityListQuery,
  DeliverableCreate,
  Id,
  SubagentCreate,
  TaskCreate,
  TaskListQuery,
  TaskPatch,
} from '../inputs.ts';
import { defineOperation } from '../operation.ts';
import * as ex from './examples.ts';

export const Deleted = z.object({ id: z.string() });
const ById = z.strictObject({ id: Id });
const ByTask = z.strictObject({ task_id: Id });
const taskParam = { id: 'task_id' };
const tag = 'tasks';

export const taskOperations = {
  'tasks.list': defineOperation({
    input: TaskListQuery,
    output: z.array(Task),
    access: 'read',
    http: { method: 'GET', path: '/api/tasks', status: 200 },
    mcp: {
      tool: 'list_tasks',
      title: 'List tasks',
      description: 'Tasks on the board, newest first; filter by status, assigned_agent_id or text q.',
      wrap: 'tasks',
    },
    ipc: true,
    docs: {
      tag,
      id: 'listTasks',
      summary: 'List tasks',
      description: 'Newest first. Filters combine; `q` searches title and description.',
      result: [ex.task],
      errors: [400],
    },
  }),
  'tasks.get': defineOperation({
    input: ById,
    output: Task,
    access: 'read',
    http: { method: 'GET', path: '/api/tasks/:id', status: 200, etag: true },
    mcp: {
      tool: 'get_task',
      title: 'Get a task',
      description: 'One task by id, with its current version (pass it as expected_version to update_task).',
    },
    ipc: true,
    docs: {
      tag,
      id: 'getTask',
      summary: 'Get a task',
      description: 'The `ETag` header holds the version, for `If-Match` on a later PATCH.',
      result: ex.task,
      errors: [404],
    },
  }),
  'tasks.create': defineOperation({
    input: TaskCreate,
    output: Task,
    access: 'write',
    http: { method: 'POST', path: '/api/tasks', status: 201 },
    mcp: {
      tool: 'create_task',
      title: 'Create a task',
      description: 'Creates a task (title required; status defaults to inbox, priority to normal).',
    },
    ipc: true,
    docs: {
      tag,
      id: 'createTask',
      summary: 'Create a task',
      body: ex.input.taskCreate,
      result: { ...ex.task, status: 'inbox' },
      errors: [400, 422],
    },
  }),
  'tasks.update': defineOperation({
    input: z.strictObject({
      id: Id,
      changes: TaskPatch,
      /** The version the caller last saw; a newer one on the server is a conflict. */
      expected_version: z.number().int().min(1).optional(),
    }),
    output: Task,
    access: 'write',
    http: {
      method: 'PATCH',
      path: '/api/tasks/:id',
      status: 200,
      body: 'changes',
      headers: { expected_version: 'if-match' },
      etag: true,
    },
    mcp: {
      tool: 'update_task',
      title: 'Update a task',
      description:
        'Changes some fields of a task: move it (status), assign it (assigned_agent_id), retitle it. ' +
        'A status change also logs a status_changed activity. With expected_version, a newer version ' +
        'on the server is a conflict instead of an overwrite.',
    },
    ipc: true,
    docs: {
      tag,
      id: 'updateTask',
      summary: 'Update a task (move, assign, edit)',
      description: 'Partial update. A status change also logs a `status_changed` activity.',
      body: ex.input.taskPatch,
      result: ex.task,
      errors: [400, 404, 409, 422],
    },
  }),
  'tasks.delete': defineOperation({
    input: ById,
    output: Deleted,
    access: 'write',
    http: { method: 'DELETE', path: '/api/tasks/:id', status: 200 },
    mcp: {
      tool: 'delete_task',
      title: 'Delete a task',
      description: 'Deletes a task with its activities, deliverables and sub-agent sessions.',
    },
    ipc: true,
    docs: {
      tag,
      id: 'deleteTask',
      summary: 'Delete a task',
      description: 'Deletes its activities, deliverables and sessions too.',
      result: { id: ex.ids.task },
      errors: [404],
    },
  }),
  'activities.list': defineOperation({
    input: ByTask.extend({
      order: ActivityListQuery.shape.order.optional(),
      limit: ActivityListQuery.shape.limit,
      type: ActivityListQuery.shape.type,
      agent_id: ActivityListQuery.shape.agent_id,
      q: ActivityListQuery.shape.q,
    }),
    output: z.array(Activity),
    access: 'read',
    http: { method: 'GET', path: '/api/tasks/:id/activities', status: 200, params: taskParam },
    mcp: {
      tool: 'list_activities',
      title: 'List activities',
      description:
        'The activity log of a task, oldest first (order "desc" for newest first); filter by type, agent_id, q.',
      wrap: 'activities',
    },
    ipc: true,
    docs: {
      tag,
      id: 'listActivities',
      summary: 'Activity log of a task',
      description:
        'Oldest first, or newest first with `order=desc`. Filters combine: `type`, `agent_id`, and `q` ' +
        '(a search of the messages, in the syntax of `GET /api/search`; 400 `bad_query` if malformed).',
      result: [ex.activity],
      errors: [400, 404],
    },
  }),
  'activities.create': defineOperation({
    input: ByTask.extend({ activity: ActivityCreate }),
    output: Activity,
    access: 'write',
    http: {
      method: 'POST',
      path: '/api/tasks/:id/activities',
      status: 201,
      params: taskParam,
      body: 'activity',
    },
    mcp: {
      tool: 'log_activity',
      title: 'Log an activity',
      description:
        'Adds an entry to the activity log of a task (spawned, updated, completed, file_created…).',
    },
    ipc: true,
    docs: {
      tag,
      id: 'logActivity',
      summary: 'Log an activity',
      body: ex.input.activityCreate,
      result: ex.activity,
      errors: [400, 404, 422],
    },
  }),
  'deliverables.list': defineOperation({
    input: ByTask,
    output: z.array(Deliverable),
    access: 'read',
    http: { method: 'GET', path: '/api/tasks/:id/deliverables', status: 200, params: taskParam },
    mcp: {
      tool: 'list_deliverables',
      title: 'List deliverables',
      description: 'The deliverables of a task, oldest first.',
      wrap: 'deliverables',
    },
    ipc: true,
    docs: {
      tag,
      id: 'listDeliverables',
      summary: 'Deliverables of a task',
      result: [ex.deliverable],
      errors: [404],
    },
  }),
  'deliverables.create': defineOperation({
    input: ByTask.extend({ deliverable: DeliverableCreate }),
    output: Deliverable,
    access: 'write',
    http: {
      method: 'POST',
      path: '/api/tasks/:id/deliverables',
      status: 201,
      params: taskParam,
      body: 'deliverable',
    },
    mcp: {
      tool: 'add_deliverable',
      title: 'Add a deliverable',
      description:
        'Attaches a deliverable to a task: a file (path), a url (http/https in path) or an artifact.',
    },
    ipc: true,
    docs: {
      tag,
      id: 'addDeliverable',
      summary: 'Add a deliverable',
      description: 'A `file` needs a path; a `url` needs an http(s) URL in path.',
      body: ex.input.deliverableCreate,
      result: ex.deliverable,
      errors: [400, 404],
    },
  }),
  'sessions.ofTask': defineOperation({
    input: ByTask,
    output: z.array(Session),
    access: 'read',
    http: { method: 'GET', path: '/api/tasks/:id/subagent', status: 200, params: taskParam },
    mcp: { omit: 'list_sessions with task_id answers the same, and also filters by status' },
    ipc: true,
    docs: {
      tag,
      id: 'listTaskSubagents',
      summary: 'Sub-agent sessions of a task',
      result: [ex.session],
      errors: [404],
    },
  }),
  'sessions.register': defineOperation({
    input: ByTask.extend({ session: SubagentCreate }),
    output: Session,
    access: 'write',
    http: {
      method: 'POST',
      path: '/api/tasks/:id/subagent',
      status: 201,
      params: taskParam,
      body: 'session',
    },
    mcp: {
      tool: 'register_subagent',
      title: 'Register a sub-agent session',
      description:
        'Records that a sub-agent started working on a task (openclaw_session_id must be unique). ' +
        'The board shows it as active until end_subagent.',
    },
    ipc: true,
    docs: {
      tag,
      id: 'registerSubagent',
      summary: 'Register a sub-agent session',
      description: '`openclaw_session_id` is unique; registering it twice is a conflict.',
      body: ex.input.subagentCreate,
      result: ex.session,
      errors: [400, 404, 409, 422],
    },
  }),
};
