// The lines of a session log as the viewer shows them: followed live through the controller, parsed
// for colours once on arrival, folded into React state at most once per frame, the oldest dropped
// beyond MAX_LINES so a chatty session cannot take the tab's memory.
import { useEffect, useRef, useState } from 'react';
import type { LogLine } from '../../../shared/logs.ts';
import { useController } from '../../app/context.tsx';
import type { ConnectionState } from '../../backend/backend.ts';
import { ansiSegments, plainText, type Segment } from './ansi.ts';

export const MAX_LINES = 50_000;
/** Lines loaded when the viewer opens (the log stream's own default). */
export const TAIL = 1_000;

export interface ViewLine {
  seq: number;
  stream: LogLine['stream'];
  at: string;
  segments: Segment[];
  /** The text without its escapes: what find searches and copy copies. */
  plain: string;
}

export interface LogView {
  lines: readonly ViewLine[];
  state: ConnectionState;
  ended: boolean;
  error: string | null;
}

const toView = (line: LogLine): ViewLine => {
  const segments = ansiSegments(line.text);
  return { seq: line.seq, stream: line.stream, at: line.at, segments, plain: plainText(segments) };
};

const nextFrame =
  typeof requestAnimationFrame === 'function'
    ? requestAnimationFrame
    : (fn: () => void) => setTimeout(fn, 16) as unknown as number;

/** Given `after`, loads every line after that seq instead of the last TAIL lines. */
export function useLogLines(sessionId: string, after?: number): LogView {
  const controller = useController();
  const [view, setView] = useState<LogView>({ lines: [], state: 'connecting', ended: false, error: null });
  const pending = useRef<ViewLine[]>([]);

  useEffect(() => {
    let frame = false;
    let alive = true;
    pending.current = [];
    setView({ lines: [], state: 'connecting', ended: false, error: null });
    const flush = () => {
      frame = false;
      if (!alive) return;
      const fresh = pending.current;
      pending.current = [];
      setView((v) => {
        const lines =
          v.lines.length + fresh.length > MAX_LINES
            ? [...v.lines, ...fresh].slice(-MAX_LINES)
            : [...v.lines, ...fresh];
        return { ...v, lines };
      });
    };
    const stop = controller.followLog(
      sessionId,
      TAIL,
      {
        onLines(lines) {
          pending.current.push(...lines.map(toView));
          if (!frame) {
            frame = true;
            nextFrame(flush);
          }
        },
        onState: (state) => setView((v) => (v.state === state ? v : { ...v, state })),
        onEnded: () => setView((v) => ({ ...v, ended: true })),
        onError: (error) => setView((v) => ({ ...v, error: error.message })),
      },
      after,
    );
    return () => {
      alive = false;
      stop();
    };
  }, [controller, sessionId, after]);
  return view;
}
