// `work claim`: take the next task for an agent (optionally waiting for one) and hold its lease.
import type { Lease, Task } from '../../shared/entities.ts';
import { bounded, EXIT, str, UsageError } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { taskLine } from '../format.ts';

/** The task as `work claim` and `run` print it for a person. */
export function claimedText({ task, lease }: { task: Task; lease: Lease }): string {
  const lines = [`Claimed ${taskLine(task)}`, `  lease  ${lease.lease_s} s, until ${lease.expires_at}`];
  if (task.description) lines.push('', task.description);
  return lines.join('\n');
}

export const claimCommand: CliCommand = {
  words: ['work', 'claim'],
  usage: 'work claim --agent AGENT_ID [--wait S] [--lease S]',
  summary:
    'Claim the next task for an agent (in_progress, leased for --lease s, default 300); --wait 0..60 waits ' +
    'for one. Prints the task (--json: {task, lease}); exit 4 when nothing was claimable',
  options: { agent: { type: 'string' }, wait: { type: 'string' }, lease: { type: 'string' } },
  async run({ values, out, client }) {
    const agent = str(values.agent);
    if (!agent) throw new UsageError('missing --agent AGENT_ID');
    const claim = await client().call('work.claim', {
      agent_id: agent,
      wait_s: bounded(values.wait, 'wait', 0, 60),
      lease_s: bounded(values.lease, 'lease', 10, 3600),
    });
    if (!claim) {
      out.note(`Nothing to claim for agent ${agent}`);
      return EXIT.nothing;
    }
    out.result(claim, claimedText);
    return EXIT.ok;
  },
};
