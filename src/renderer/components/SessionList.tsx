// The modal's Sessions tab: the task's sub-agent sessions with status, channel, start and duration, live;
// a silent one (past its heartbeat ttl) is greyed and says for how long it has been silent. A click
// on a session opens its live log below the table (the viewer loads on first use).
import { Badge, Center, Loader, Table, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { Suspense, useState } from 'react';
import type { Session } from '../../shared/entities.ts';
import { useBoard, useBoardStore } from '../app/context.tsx';
import { selectOpenTaskSessions } from '../store/selectors.ts';
import { lazyPart } from './lazy-part.tsx';
import { useNow } from './now-clock.ts';
import { RelativeTime } from './RelativeTime.tsx';

const SessionLogViewer = lazyPart(() => import('./logs/SessionLogViewer.tsx'), 'SessionLogViewer');

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

/** Minutes are enough: the shared clock ticks every 30 s, so seconds would be wrong most of the time. */
function formatSilence(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** "silent for 3 min", counted from the last heartbeat (or the registration when none came). */
function SilentFor({ session }: { session: Session }) {
  const now = useNow();
  const since = Date.parse(session.last_heartbeat_at ?? session.created_at);
  return (
    <Text size="xs" c="dimmed" mt={2} data-testid="silent-for">
      {' '}
      for {formatSilence(now - since)}
    </Text>
  );
}

/** The silence goes under the badge, so the column stays narrow and names keep to one line. */
function StatusCell({ session }: { session: Session }) {
  return (
    <Table.Td style={{ whiteSpace: 'nowrap' }}>
      <Badge color={STATUS_COLORS[session.status]} variant="light">
        {STATUS_WORDS[session.status]}
      </Badge>
      {session.status === 'stale' && <SilentFor session={session} />}
    </Table.Td>
  );
}

const nameOf = (s: Session) => s.agent_name ?? s.openclaw_session_id;

export function SessionList() {
  const sessions = useBoard(selectOpenTaskSessions);
  // A search hit in a log line opens that session's log (TaskModal remounts the list for each).
  const store = useBoardStore();
  const [shown, setShown] = useState<string | null>(() => store.getState().ui.logSessionId);
  // …and scrolls that log to the hit's line.
  const [target] = useState(() => store.getState().ui);
  if (!sessions.length) return <Text c="dimmed">No sub-agent sessions yet.</Text>;
  const selected = sessions.find((s) => s.id === shown) ?? null;
  const toggle = (id: string) => setShown((current) => (current === id ? null : id));
  return (
    <>
      <SessionTable sessions={sessions} selected={selected?.id ?? null} onToggle={toggle} />
      {selected ? (
        <Suspense
          fallback={
            <Center py="md">
              <Loader size="sm" aria-label="Loading the log" />
            </Center>
          }
        >
          <SessionLogViewer
            key={selected.id}
            sessionId={selected.id}
            title={nameOf(selected)}
            targetSeq={selected.id === target.logSessionId ? target.logSeq : null}
          />
        </Suspense>
      ) : (
        <Text size="xs" c="dimmed" mt="xs">
          Click a session to see its output.
        </Text>
      )}
    </>
  );
}

function SessionTable(props: { sessions: Session[]; selected: string | null; onToggle(id: string): void }) {
  const { sessions, selected, onToggle } = props;
  return (
    <Table data-testid="session-table" highlightOnHover>
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
          <Table.Tr
            key={s.id}
            data-testid="session-row"
            data-session-status={s.status}
            className="session-row-clickable"
            tabIndex={0}
            aria-expanded={selected === s.id}
            aria-label={`${nameOf(s)}: show its log`}
            onClick={() => onToggle(s.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onToggle(s.id);
              }
            }}
            bg={selected === s.id ? 'var(--mantine-primary-color-light)' : undefined}
            c={s.status === 'stale' ? 'dimmed' : undefined}
            style={s.status === 'stale' ? { opacity: 0.75 } : undefined}
          >
            <Table.Td>{nameOf(s)}</Table.Td>
            <StatusCell session={s} />
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
