// Task comments: the conversation between the operator and the agents working on a task.
import type { Comment } from '../../shared/entities.ts';
import type { Agents } from './agents.ts';
import type { Tasks } from './tasks.ts';
import type { Transactions } from './transactions.ts';

export interface CommentInput {
  body: string;
  /** The agent writing it; without one the operator wrote it. */
  agent_id?: string | null | undefined;
}

export function createComments(tx: Transactions, agents: Agents, tasks: Tasks) {
  const { db } = tx;
  const insert = db.prepare(`INSERT INTO task_comments (id, task_id, agent_id, author, body, created_at)
    VALUES (@id, @task_id, @agent_id, @author, @body, @created_at)`);
  const ofTask = db.prepare<[string], Comment>(
    'SELECT * FROM task_comments WHERE task_id = ? ORDER BY created_at, rowid',
  );

  /** Inside the caller's write; a review decision stores its comment this way, its id chosen first. */
  function append(taskId: string, input: CommentInput, at: string, id = tx.newId()): Comment {
    const task = tasks.get(taskId);
    agents.assertExists(input.agent_id, 'agent_id');
    const comment: Comment = {
      id,
      task_id: taskId,
      agent_id: input.agent_id ?? null,
      author: input.agent_id ? 'agent' : 'operator',
      body: input.body,
      created_at: at,
    };
    insert.run(comment);
    if (comment.agent_id) agents.seen(comment.agent_id, at);
    tx.emit('comment_added', { ...comment, task_assigned_agent_id: task.assigned_agent_id }, at);
    return comment;
  }

  return {
    append,
    create: (taskId: string, input: CommentInput): Comment => tx.write(() => append(taskId, input, tx.now())),
    /** Oldest first; 404 for an unknown task. */
    list(taskId: string): Comment[] {
      tasks.assertExists(taskId);
      return ofTask.all(taskId);
    },
  };
}

export type Comments = ReturnType<typeof createComments>;
