// Every migration, in order. Append only.
import { initial } from './001-initial.ts';
import { idempotency } from './002-idempotency.ts';
import { deviceTokens } from './003-device-tokens.ts';
import { settings } from './004-settings.ts';
import { tasksCreatedIndex } from './005-tasks-created-index.ts';
import { workLoop } from './006-work-loop.ts';
import { conversation } from './007-conversation.ts';
import { taskIndexes } from './008-task-indexes.ts';
import { webhooks } from './009-webhooks.ts';
import { usage } from './010-usage.ts';
import { sessionLogs } from './011-session-logs.ts';
import { search } from './012-search.ts';
import { boardPaging } from './013-board-paging.ts';
import { searchQueue } from './014-search-queue.ts';
import type { Migration } from './types.ts';

export const MIGRATIONS: readonly Migration[] = [
  initial,
  idempotency,
  deviceTokens,
  settings,
  tasksCreatedIndex,
  workLoop,
  conversation,
  taskIndexes,
  webhooks,
  usage,
  sessionLogs,
  search,
  boardPaging,
  searchQueue,
];
