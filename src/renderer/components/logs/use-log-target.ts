// A search hit's line in the log viewer: once that seq is loaded, scroll it to the middle of the view
// and mark it for a moment. Once only: later lines and the person's own scrolling are left alone.
import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { TAIL, type ViewLine } from './use-log-lines.ts';

/** How long the line stays marked (the CSS fade takes as long). */
export const TARGET_MARK_MS = 4_000;

/**
 * Where to load a target's log from: the TAIL lines before it and everything after, so a line older
 * than the last TAIL is loaded too (and a recent one still comes with at least the usual tail).
 */
export const loadAfter = (targetSeq: number | null | undefined): number | undefined =>
  targetSeq ? Math.max(0, targetSeq - TAIL) : undefined;

/** Answers the seq to mark, while it is marked. */
export function useLogTarget(
  lines: readonly ViewLine[],
  targetSeq: number | null | undefined,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
): number | null {
  const done = useRef(false);
  const [marked, setMarked] = useState<number | null>(null);

  useEffect(() => {
    if (!targetSeq || done.current) return;
    const index = lines.findIndex((l) => l.seq === targetSeq);
    if (index < 0) return;
    done.current = true;
    virtualizer.scrollToIndex(index, { align: 'center' });
    setMarked(targetSeq);
  }, [lines, targetSeq, virtualizer]);

  useEffect(() => {
    if (marked === null) return;
    const timer = setTimeout(() => setMarked(null), TARGET_MARK_MS);
    return () => clearTimeout(timer);
  }, [marked]);

  return marked;
}
