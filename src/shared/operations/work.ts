// The work loop: agents claim work, hold a lease while they renew it, and release it.
import { z } from 'zod';
import { Lease, Task } from '../entities.ts';
import { Id } from '../inputs.ts';
import { defineOperation } from '../operation.ts';
import * as ex from './examples.ts';

const LeaseSeconds = z.number().int().min(10).max(3600);
const Claimed = z.object({ task: Task, lease: Lease });
const tag = 'work';
const operator = 'The operator moves cards instead; claims are what agents do';

export const workOperations = {
  'work.claim': defineOperation({
    input: z.strictObject({
      agent_id: Id,
      /** Wait up to this long for a claimable task (long-poll); 0 answers at once. */
      wait_s: z.number().int().min(0).max(60).default(0),
      lease_s: LeaseSeconds.default(300),
    }),
    output: Claimed.nullable(),
    access: 'write',
    http: { method: 'POST', path: '/api/work/claim', status: 200, nullStatus: 204, longPoll: true },
    mcp: {
      tool: 'claim_task',
      title: 'Claim a task',
      description:
        'Takes the next task for agent_id (yours first, then by priority, oldest first) and leases it. ' +
        'wait_s waits for one; claim is null when none. Renew before lease_s runs out or heartbeat.',
      wrap: 'claim',
    },
    ipc: { omit: operator },
    docs: {
      tag,
      id: 'claimTask',
      summary: 'Claim the next task',
      description:
        'Claimable for agent A: no live lease, not blocked, and inbox without assignee or inbox/assigned ' +
        'assigned to A. Order: assigned to A first, then priority, then oldest. The task moves to ' +
        '`in_progress`, assigned to A, with a lease of `lease_s`. 204 when nothing was claimable within ' +
        '`wait_s` (waiting claims are served first come, first served).',
      body: { agent_id: ex.ids.developer, wait_s: 30, lease_s: 300 },
      result: { task: ex.claimedTask, lease: ex.claimedTask.lease },
      errors: [400, 422],
    },
  }),
  'tasks.renewLease': defineOperation({
    input: z.strictObject({ id: Id, agent_id: Id, lease_s: LeaseSeconds.optional() }),
    output: Claimed,
    access: 'write',
    http: { method: 'POST', path: '/api/tasks/:id/lease', status: 200 },
    mcp: {
      tool: 'renew_lease',
      title: 'Renew a lease',
      description:
        'Extends your lease on a task. Error lease_lost: stop working on it, it is not yours anymore.',
    },
    ipc: { omit: operator },
    docs: {
      tag,
      id: 'renewLease',
      summary: 'Renew a lease',
      description:
        '409 `lease_lost` when the agent does not hold the lease (it expired, someone else holds it, or ' +
        'the task moved on): the agent must stop work on it. A renewal emits no event.',
      body: { agent_id: ex.ids.developer, lease_s: 300 },
      result: { task: ex.claimedTask, lease: ex.claimedTask.lease },
      errors: [400, 404, 409],
    },
  }),
  'tasks.release': defineOperation({
    input: z.strictObject({ id: Id, agent_id: Id }),
    output: Task,
    access: 'write',
    http: { method: 'POST', path: '/api/tasks/:id/release', status: 200 },
    mcp: {
      tool: 'release_task',
      title: 'Release a task',
      description: 'Gives a claimed task back where it came from (inbox, or assigned to you).',
    },
    ipc: { omit: operator },
    docs: {
      tag,
      id: 'releaseTask',
      summary: 'Release a claimed task',
      description: 'Hands the task back where its claim took it from. 409 `lease_lost` as for renewals.',
      body: { agent_id: ex.ids.developer },
      result: { ...ex.task, status: 'inbox', assigned_agent_id: null, claim_count: 1 },
      errors: [400, 404, 409],
    },
  }),
};
