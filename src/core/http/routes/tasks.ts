// /api/tasks and the task's own collections (activities, deliverables, sub-agents).
import type { FastifyInstance } from 'fastify';
import {
  ActivityCreate,
  ActivityListQuery,
  DeliverableCreate,
  IdParams,
  SubagentCreate,
  TaskCreate,
  TaskListQuery,
  TaskPatch,
} from '../../../shared/inputs.ts';
import { parse, type RouteContext } from '../context.ts';
import { parseIfMatch } from '../guards.ts';

export function taskRoutes(app: FastifyInstance, { core, write }: RouteContext): void {
  app.get('/api/tasks', async (req) => core.tasks.list(parse(TaskListQuery, req.query)));

  app.post('/api/tasks', async (req, reply) =>
    write(req, reply, 201, () => core.tasks.create(parse(TaskCreate, req.body))),
  );

  app.get('/api/tasks/:id', async (req, reply) => {
    const task = core.tasks.get(parse(IdParams, req.params).id);
    return reply.header('etag', `"${task.version}"`).send(task);
  });

  app.patch('/api/tasks/:id', async (req, reply) => {
    const { id } = parse(IdParams, req.params);
    const expected = parseIfMatch(req);
    const patch = parse(TaskPatch, req.body);
    return write(req, reply, 200, () => {
      const task = core.tasks.update(id, patch, expected);
      reply.header('etag', `"${task.version}"`);
      return task;
    });
  });

  app.delete('/api/tasks/:id', async (req, reply) => {
    const { id } = parse(IdParams, req.params);
    return write(req, reply, 200, () => core.tasks.remove(id));
  });

  app.get('/api/tasks/:id/activities', async (req) =>
    core.activities.list(parse(IdParams, req.params).id, parse(ActivityListQuery, req.query)),
  );

  app.post('/api/tasks/:id/activities', async (req, reply) => {
    const { id } = parse(IdParams, req.params);
    return write(req, reply, 201, () => core.activities.create(id, parse(ActivityCreate, req.body)));
  });

  app.get('/api/tasks/:id/deliverables', async (req) =>
    core.deliverables.list(parse(IdParams, req.params).id),
  );

  app.post('/api/tasks/:id/deliverables', async (req, reply) => {
    const { id } = parse(IdParams, req.params);
    return write(req, reply, 201, () => core.deliverables.create(id, parse(DeliverableCreate, req.body)));
  });

  app.get('/api/tasks/:id/subagent', async (req) => {
    const { id } = parse(IdParams, req.params);
    core.tasks.assertExists(id);
    return core.sessions.list({ task_id: id });
  });

  app.post('/api/tasks/:id/subagent', async (req, reply) => {
    const { id } = parse(IdParams, req.params);
    return write(req, reply, 201, () => core.sessions.registerSubagent(id, parse(SubagentCreate, req.body)));
  });
}
