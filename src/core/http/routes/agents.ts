// /api/agents and /api/openclaw/sessions.
import type { FastifyInstance } from 'fastify';
import { AgentCreate, AgentPatch, IdParams, SessionListQuery, SessionPatch } from '../../../shared/inputs.ts';
import { parse, type RouteContext } from '../context.ts';

export function agentRoutes(app: FastifyInstance, { core, write }: RouteContext): void {
  app.get('/api/agents', async () => core.agents.list());

  app.post('/api/agents', async (req, reply) =>
    write(req, reply, 201, () => core.agents.create(parse(AgentCreate, req.body))),
  );

  app.get('/api/agents/:id', async (req) => core.agents.get(parse(IdParams, req.params).id));

  app.patch('/api/agents/:id', async (req, reply) => {
    const { id } = parse(IdParams, req.params);
    return write(req, reply, 200, () => core.agents.update(id, parse(AgentPatch, req.body)));
  });

  app.delete('/api/agents/:id', async (req, reply) => {
    const { id } = parse(IdParams, req.params);
    return write(req, reply, 200, () => core.agents.remove(id));
  });

  app.get('/api/openclaw/sessions', async (req) => core.sessions.list(parse(SessionListQuery, req.query)));

  app.get('/api/openclaw/sessions/:id', async (req) => core.sessions.get(parse(IdParams, req.params).id));

  app.patch('/api/openclaw/sessions/:id', async (req, reply) => {
    const { id } = parse(IdParams, req.params);
    return write(req, reply, 200, () => core.sessions.update(id, parse(SessionPatch, req.body)));
  });
}
