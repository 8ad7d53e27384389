// The modal's Sessions tab: the task's sub-agent sessions with status, channel, start and duration, live.
import { Badge, Table, Text } from '@mantine/core';
import dayjs from 'dayjs';
import type { Session } from '../../shared/entities.ts';
import { useBoard } from '../app/context.tsx';
import { selectOpenTaskSessions } from '../store/selectors.ts';
import { RelativeTime, useNow } from './RelativeTime.tsx';

const STATUS_COLORS = { active: 'green', stale: 'gray', completed: 'blue', failed: 'red' } as const;
/** `stale` is what the sweeper calls a session past its heartbeat ttl; people read "silent". */
const STATUS_WORDS: Record<Session['status'], string> = {
  active: 'active',
  stale: 'silent',
  completed: 'completed',
  failed: 'failed',
};

function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

function Duration({ session }: { session: Session }) {
  const now = useNow();
  const end = session.ended_at ? dayjs(session.ended_at).valueOf() : now;
  return <>{formatDuration(end - dayjs(session.created_at).valueOf())}</>;
}

export function SessionList() {
  const sessions = useBoard(selectOpenTaskSessions);
  if (!sessions.length) return <Text c="dimmed">No sub-agent sessions yet.</Text>;
  return (
    <Table data-testid="session-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Session</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Channel</Table.Th>
          <Table.Th>Started</Table.Th>
          <Table.Th>Duration</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sessions.map((s) => (
          <Table.Tr key={s.id} data-testid="session-row" data-session-status={s.status}>
            <Table.Td>{s.agent_name ?? s.openclaw_session_id}</Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLORS[s.status]} variant="light">
                {STATUS_WORDS[s.status]}
              </Badge>
            </Table.Td>
            <Table.Td>{s.channel ?? '—'}</Table.Td>
            <Table.Td>
              <RelativeTime iso={s.created_at} />
            </Table.Td>
            <Table.Td>
              <Duration session={s} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
