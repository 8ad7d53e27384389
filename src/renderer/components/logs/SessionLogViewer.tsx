// A session's live log: virtualised rows with ANSI colours, a follow switch (on while scrolled to the
// bottom), find with next/previous, copy of everything or of the selection, and a search hit's line
// (`targetSeq`) scrolled to and marked, with follow off.
import { Badge, Button, Group, Paper, Switch, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { findIn } from './ansi.ts';
import { copyText } from './copy-text.ts';
import { LogFindBar } from './LogFindBar.tsx';
import { LogRow } from './LogRow.tsx';
import { MAX_LINES, useLogLines } from './use-log-lines.ts';
import { loadAfter, useLogTarget } from './use-log-target.ts';

const ROW = 18;
const HEIGHT = 360;
const INITIAL_RECT = { width: 680, height: HEIGHT };
/** A scroll this soon after the person's wheel, touch, pointer or key on the log is theirs. */
const USER_SCROLL_MS = 1_000;
const NONE: ReadonlyArray<readonly [number, number]> = [];

interface Match {
  line: number;
  range: readonly [number, number];
}

const STATE_WORDS = {
  connecting: 'connecting',
  live: 'live',
  reconnecting: 'reconnecting',
  offline: 'offline',
};

interface Props {
  sessionId: string;
  title: string;
  /** A line to scroll to and mark (a search hit's); follow starts off. */
  targetSeq?: number | null;
}

export function SessionLogViewer({ sessionId, title, targetSeq }: Props) {
  const { lines, state, ended, error } = useLogLines(sessionId, loadAfter(targetSeq));
  const scrollRef = useRef<HTMLDivElement>(null);
  const [follow, setFollow] = useState(!targetSeq);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState<number | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 20,
    initialRect: INITIAL_RECT,
  });
  const marked = useLogTarget(lines, targetSeq, virtualizer);

  const matches = useMemo<Match[]>(() => {
    if (!query) return [];
    const found: Match[] = [];
    lines.forEach((line, index) => {
      for (const range of findIn(line.plain, query)) found.push({ line: index, range });
    });
    return found;
  }, [lines, query]);
  const byLine = useMemo(() => {
    const map = new Map<number, { ranges: Array<readonly [number, number]>; first: number }>();
    matches.forEach((m, i) => {
      const entry = map.get(m.line) ?? { ranges: [], first: i };
      entry.ranges.push(m.range);
      map.set(m.line, entry);
    });
    return map;
  }, [matches]);

  // A new query points at its first match; a shrinking list (lines dropped) keeps the pointer valid.
  useEffect(() => {
    setCurrent((c) => (matches.length === 0 ? null : c === null || c >= matches.length ? 0 : c));
  }, [matches.length]);
  const queryRef = useRef(query);
  useEffect(() => {
    if (queryRef.current === query) return;
    queryRef.current = query;
    const first = matches[0];
    setCurrent(first ? 0 : null);
    if (first) {
      setFollow(false);
      virtualizer.scrollToIndex(first.line, { align: 'center' });
    }
  }, [query, matches, virtualizer]);

  const step = useCallback(
    (by: 1 | -1) => {
      if (matches.length === 0) return;
      const next = current === null ? 0 : (current + by + matches.length) % matches.length;
      setCurrent(next);
      setFollow(false);
      virtualizer.scrollToIndex((matches[next] as Match).line, { align: 'center' });
    },
    [current, matches, virtualizer],
  );

  // Following: every new line scrolls the view to the bottom.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (follow && el && lines.length > 0) el.scrollTop = el.scrollHeight;
  }, [follow, lines.length]);

  // Only the person's own scrolling turns follow on or off, never the viewer's (follow, find).
  const touched = useRef(0);
  const touch = () => {
    touched.current = performance.now();
  };
  const onScroll = () => {
    const el = scrollRef.current;
    if (!el || performance.now() - touched.current > USER_SCROLL_MS) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= ROW;
    if (atBottom !== follow) setFollow(atBottom);
  };

  const flash = (text: string) => {
    setCopied(text);
    setTimeout(() => setCopied(null), 2000);
  };
  const copyAll = async () => {
    await copyText(lines.map((l) => l.plain).join('\n'));
    flash(`Copied ${lines.length} lines`);
  };
  const copySelection = async () => {
    const text = window.getSelection()?.toString() ?? '';
    if (!text) return flash('Select some text first');
    await copyText(text);
    flash('Copied the selection');
  };

  const currentMatch = current === null ? null : (matches[current] ?? null);
  return (
    <Paper withBorder p="xs" mt="sm" data-testid="log-viewer" data-session-id={sessionId}>
      <Group justify="space-between" mb={6} gap="xs">
        <Group gap="xs">
          <Text size="sm" fw={600} truncate maw={220}>
            {title}
          </Text>
          <Badge size="xs" variant="light" color={ended ? 'gray' : state === 'live' ? 'green' : 'yellow'}>
            {ended ? 'ended' : STATE_WORDS[state]}
          </Badge>
        </Group>
        <Group gap="xs">
          <LogFindBar
            query={query}
            onQuery={setQuery}
            total={matches.length}
            current={current}
            onStep={step}
          />
          <Switch
            size="xs"
            label="Follow"
            checked={follow}
            onChange={(e) => setFollow(e.currentTarget.checked)}
            data-testid="log-follow"
          />
        </Group>
      </Group>
      <div
        ref={scrollRef}
        className="log-scroll"
        style={{ height: HEIGHT }}
        onScroll={onScroll}
        onWheel={touch}
        onTouchMove={touch}
        onPointerDown={touch}
        onKeyDown={touch}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls with the keyboard
        tabIndex={0}
        data-testid="log-scroll"
        role="log"
        aria-label={`Log of ${title}`}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: '100%' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const line = lines[item.index];
            if (!line) return null;
            const found = byLine.get(item.index);
            const mine =
              currentMatch && currentMatch.line === item.index && found
                ? (current as number) - found.first
                : null;
            return (
              <LogRow
                key={line.seq}
                line={line}
                matches={found?.ranges ?? NONE}
                current={mine}
                top={item.start}
                height={ROW}
                target={line.seq === marked}
              />
            );
          })}
        </div>
        {lines.length === 0 && (
          <Text size="xs" c="dimmed" p="xs">
            {error ?? (state === 'live' || ended ? 'No output yet.' : 'Loading…')}
          </Text>
        )}
      </div>
      <Group justify="space-between" mt={6}>
        <Text size="xs" c="dimmed">
          {lines.length} lines{lines.length >= MAX_LINES ? ` (the newest ${MAX_LINES})` : ''}
          {copied ? ` · ${copied}` : ''}
        </Text>
        <Group gap="xs">
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconCopy size={14} />}
            onClick={copySelection}
          >
            Copy selection
          </Button>
          <Button size="compact-xs" variant="subtle" leftSection={<IconCopy size={14} />} onClick={copyAll}>
            Copy all
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
