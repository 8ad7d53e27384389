// The human in the loop from a terminal: `comment`, `comments`, `review`, `attention`.
import { readFileSync } from 'node:fs';
import { required, str, UsageError } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { attentionTable, commentList, commentText, taskLine } from '../format.ts';

/** `changes` is what a person types; the API's own names work too. */
const DECISIONS: Record<string, 'approve' | 'request_changes'> = {
  approve: 'approve',
  changes: 'request_changes',
  request_changes: 'request_changes',
  'request-changes': 'request_changes',
};

/** The words after the task id, joined; `-` alone reads the text from stdin (multi-line bodies). */
function textOf(positionals: string[]): string {
  const words = positionals.slice(1);
  if (words.length === 1 && words[0] === '-') return readFileSync(0, 'utf8');
  if (words.length === 0) throw new UsageError('missing <text> (or - to read it from stdin)');
  return words.join(' ');
}

export const conversationCommands: CliCommand[] = [
  {
    words: ['comment'],
    usage: 'comment <task-id> <text>|- [--agent AGENT_ID]',
    summary:
      'Write on the conversation of a task: as the operator, or as --agent (- reads the text from stdin)',
    options: { agent: { type: 'string' } },
    async run({ values, positionals, out, client }) {
      const comment = await client().call('comments.create', {
        task_id: required(positionals, 0, 'task-id'),
        body: textOf(positionals),
        agent_id: str(values.agent),
      });
      out.result(comment, (c) => `Commented on task ${c.task_id}\n${commentText(c)}`);
      return 0;
    },
  },
  {
    words: ['comments'],
    usage: 'comments <task-id>',
    summary: 'The conversation on a task, oldest first (--json: the array of comments)',
    async run({ positionals, out, client }) {
      if (positionals.length > 1) throw new UsageError('comments takes one task id');
      const comments = await client().call('comments.list', {
        task_id: required(positionals, 0, 'task-id'),
      });
      out.result(comments, commentList);
      return 0;
    },
  },
  {
    words: ['review'],
    usage: 'review <task-id> approve|changes [--comment TEXT]',
    summary:
      'Decide on a task in review: approve (→ done) or request changes (→ back to its assignee, ' +
      'with --comment as an operator comment). Exit 1 (409 not_in_review) unless it is in review',
    options: { comment: { type: 'string' } },
    async run({ values, positionals, out, client }) {
      const id = required(positionals, 0, 'task-id');
      const word = required(positionals, 1, 'decision');
      const decision = DECISIONS[word];
      if (!decision || positionals.length > 2)
        throw new UsageError(
          positionals.length > 2
            ? 'review takes <task-id> and one decision; quote the --comment text'
            : `the decision must be approve or changes, not ${JSON.stringify(word)}`,
        );
      const task = await client().call('tasks.review', { id, decision, comment: str(values.comment) });
      out.result(
        task,
        (t) =>
          `${decision === 'approve' ? 'Approved' : 'Changes requested:'} ${taskLine(t)}` +
          (t.assigned_agent_id ? `  (assigned ${t.assigned_agent_id})` : ''),
      );
      return 0;
    },
  },
  {
    words: ['attention'],
    usage: 'attention [--dismiss KEY]',
    summary:
      'What needs a person now (tasks in review, silent or failed sessions, expired leases, stuck tasks); ' +
      '--dismiss hides an item until that thing changes again',
    options: { dismiss: { type: 'string' } },
    async run({ values, positionals, out, client }) {
      if (positionals.length > 0) throw new UsageError('attention takes no arguments (--dismiss KEY)');
      const key = str(values.dismiss);
      if (key !== undefined) {
        const result = await client().call('attention.dismiss', { key });
        out.result(result, (r) => `Dismissed ${r.key}`);
        return 0;
      }
      const { items } = await client().call('attention.list', {});
      out.result({ items }, (r) => attentionTable(r.items));
      return 0;
    },
  },
];
