// The command palette (Ctrl/Cmd-K): searches tasks, activities, deliverables, comments and session
// logs as you type (debounced, the newest answer wins) and jumps to a hit: its task, on the tab it
// was found in; a log line opens its session's log at that line. Loaded on first use, with Spotlight's styles.
import '@mantine/spotlight/styles.css';
import { Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight, Spotlight, useSpotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { SearchHit, SearchKind } from '../../../shared/search.ts';
import { useBoard, useBoardStore, useController } from '../../app/context.tsx';
import { BackendError } from '../../backend/backend.ts';
import { setUi } from '../../store/store.ts';
import { KindChips } from './KindChips.tsx';
import { paletteQuery } from './palette-query.ts';
import { SearchHitRow } from './SearchHitRow.tsx';

const DEBOUNCE_MS = 150;
const TAB: Record<SearchKind, string> = {
  task: 'overview',
  activity: 'activity',
  deliverable: 'deliverables',
  comment: 'conversation',
  log: 'sessions',
};

/** A log hit's line: its `seq`, or (from an older server) the part of its id after the last colon. */
function logSeqOf(hit: SearchHit): number | null {
  if (hit.seq) return hit.seq;
  const seq = Number(hit.id.slice(hit.id.lastIndexOf(':') + 1));
  return Number.isInteger(seq) && seq > 0 ? seq : null;
}

type Answer = { hits: SearchHit[]; error: null } | { hits: []; error: string };

export function CommandPalette() {
  const store = useBoardStore();
  const controller = useController();
  const open = useBoard((s) => s.ui.paletteOpen);
  const [[spotlightStore, spotlight]] = useState(createSpotlight);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(paletteQuery(query), DEBOUNCE_MS);
  const [kinds, setKinds] = useState<string[]>([]);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);
  const selected = useSpotlight(spotlightStore).selected;

  useEffect(() => {
    if (open) spotlight.open();
    else spotlight.close();
  }, [open, spotlight]);

  useEffect(() => {
    const ticket = ++latest.current;
    if (!debounced) {
      setAnswer(null);
      setBusy(false);
      return;
    }
    setBusy(true);
    controller.search
      .search({ q: debounced, limit: 20, ...(kinds.length ? { kinds: kinds.join(',') } : {}) })
      .then((a) => ticket === latest.current && setAnswer({ hits: a.hits, error: null }))
      .catch((error: unknown) => {
        if (ticket !== latest.current) return;
        const message =
          error instanceof BackendError && error.code === 'bad_query'
            ? error.message
            : `Search failed: ${error instanceof Error ? error.message : String(error)}`;
        setAnswer({ hits: [], error: message });
      })
      .finally(() => ticket === latest.current && setBusy(false));
  }, [debounced, kinds, controller]);

  const jump = (hit: SearchHit) => {
    if (!hit.task_id) return;
    controller.openTask(hit.task_id);
    const log = hit.kind === 'log';
    setUi(store, {
      taskTab: TAB[hit.kind],
      logSessionId: log ? (hit.session_id ?? null) : null,
      logSeq: log ? logSeqOf(hit) : null,
    });
  };

  const hits = answer?.hits ?? [];
  // Enter with no hit picked (arrow keys pick one) opens the best one.
  const enterOpensFirst = (event: KeyboardEvent) => {
    const first = hits[0];
    if (event.key !== 'Enter' || selected >= 0 || !first?.task_id) return;
    jump(first);
    spotlight.close();
  };
  return (
    <Spotlight.Root
      store={spotlightStore}
      shortcut={null}
      query={query}
      onQueryChange={setQuery}
      onSpotlightClose={() => setUi(store, { paletteOpen: false })}
      scrollable
      maxHeight={480}
      size={640}
    >
      <Spotlight.Search
        placeholder="Search tasks, comments, deliverables, logs…"
        aria-label="Search everything"
        onKeyDown={enterOpensFirst}
        leftSection={<IconSearch size={18} stroke={1.75} aria-hidden />}
        rightSection={busy ? <Loader size="xs" aria-label="Searching" /> : null}
      />
      <KindChips value={kinds} onChange={setKinds} />
      <Spotlight.ActionsList data-testid="search-results">
        {hits.map((hit) => (
          <Spotlight.Action
            key={`${hit.kind}:${hit.id}`}
            onClick={() => jump(hit)}
            disabled={!hit.task_id}
            data-testid="search-hit"
            data-kind={hit.kind}
          >
            <SearchHitRow hit={hit} />
          </Spotlight.Action>
        ))}
        {hits.length === 0 && (
          <Spotlight.Empty>
            <Text size="sm" c={answer?.error ? 'red' : 'dimmed'}>
              {answer?.error ??
                (answer
                  ? 'Nothing found.'
                  : 'Words, "a phrase", prefix*, AND / OR / NOT. Enter opens the first hit, arrows pick another.')}
            </Text>
          </Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
