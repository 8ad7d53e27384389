// One line of the log viewer: its seq in a gutter (not selected with the text), its text as spans.
import { memo } from 'react';
import { markMatches } from './ansi.ts';
import type { ViewLine } from './use-log-lines.ts';

interface Props {
  line: ViewLine;
  /** Find matches in this line, `[start, end)` into its plain text. */
  matches: ReadonlyArray<readonly [number, number]>;
  /** Which of `matches` is the current one, if any. */
  current: number | null;
  top: number;
  height: number;
  /** The search hit's line, marked for a moment. */
  target?: boolean;
}

export const LogRow = memo(function LogRow({ line, matches, current, top, height, target }: Props) {
  const pieces = markMatches(line.segments, matches, current);
  return (
    <div
      className={`log-row log-${line.stream}${target ? ' log-row-target' : ''}`}
      data-testid="log-line"
      data-seq={line.seq}
      style={{ transform: `translateY(${top}px)`, height }}
    >
      <span className="log-seq" aria-hidden>
        {line.seq}
      </span>
      <span className="log-text">
        {pieces.map((piece, i) => {
          const style =
            piece.color || piece.background
              ? { color: piece.color, background: piece.background }
              : undefined;
          const className = piece.className || undefined;
          if (piece.mark === 'none')
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: pieces have no identity beyond their place
              <span key={i} className={className} style={style}>
                {piece.text}
              </span>
            );
          return (
            <mark
              // biome-ignore lint/suspicious/noArrayIndexKey: pieces have no identity beyond their place
              key={i}
              className={`${className ?? ''} log-match${piece.mark === 'current' ? ' log-match-current' : ''}`}
              style={style}
            >
              {piece.text}
            </mark>
          );
        })}
      </span>
    </div>
  );
});
