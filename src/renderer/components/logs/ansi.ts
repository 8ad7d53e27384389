// ANSI colours of a log line as plain segments (text + classes + inline colour), for React to render
// as spans: never HTML. Find matches split segments further, so a match can be marked with elements.
import Anser from 'anser';

export interface Segment {
  text: string;
  /** Space-separated classes: the 16 named colours (themed in CSS) and decorations. */
  className: string;
  /** Palette (256) and true colours, as `rgb(r, g, b)`. */
  color?: string;
  background?: string;
}

const BASIC = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
const CUBE = [0, 95, 135, 175, 215, 255];

/** A palette entry of xterm's 256 colours: a class for the first 16, else an rgb colour. */
function palette(n: number): { name?: string; rgb?: string } {
  if (n < 8) return { name: BASIC[n] };
  if (n < 16) return { name: `bright-${BASIC[n - 8]}` };
  if (n < 232) {
    const i = n - 16;
    return { rgb: `rgb(${CUBE[Math.floor(i / 36)]}, ${CUBE[Math.floor(i / 6) % 6]}, ${CUBE[i % 6]})` };
  }
  const grey = 8 + 10 * (n - 232);
  return { rgb: `rgb(${grey}, ${grey}, ${grey})` };
}

/** Anser's `ansi-red` / `ansi-palette-208` / `ansi-truecolor` (with its r, g, b) as a class or a colour. */
function colour(name: string | null, truecolor: string | null | undefined): { name?: string; rgb?: string } {
  if (!name) return {};
  if (name === 'ansi-truecolor') return truecolor ? { rgb: `rgb(${truecolor})` } : {};
  const pal = /^ansi-palette-(\d+)$/.exec(name);
  if (pal) return palette(Number(pal[1]));
  return { name: name.slice('ansi-'.length) };
}

// Anything that starts an escape: most lines have none and skip the parser.
const ESC = '\u001b';

export function ansiSegments(text: string): Segment[] {
  if (!text.includes(ESC)) return [{ text, className: '' }];
  const entries = Anser.ansiToJson(text, { json: true, remove_empty: true, use_classes: true });
  return entries.map((entry) => {
    const fg = colour(entry.fg, entry.fg_truecolor);
    const bg = colour(entry.bg, entry.bg_truecolor);
    const classes = [
      fg.name ? `log-fg-${fg.name}` : '',
      bg.name ? `log-bg-${bg.name}` : '',
      ...entry.decorations.map((d) => `log-${d}`),
    ].filter(Boolean);
    const segment: Segment = { text: entry.content, className: classes.join(' ') };
    if (fg.rgb) segment.color = fg.rgb;
    if (bg.rgb) segment.background = bg.rgb;
    return segment;
  });
}

/** What the line reads as, without its escapes: what find searches and copy copies. */
export const plainText = (segments: readonly Segment[]) => segments.map((s) => s.text).join('');

export interface Piece extends Segment {
  /** Part of a find match: `current` for the one the find bar points at. */
  mark: 'none' | 'match' | 'current';
}

/** Splits segments at the `[start, end)` ranges of `matches` (offsets into the plain text). */
export function markMatches(
  segments: readonly Segment[],
  matches: ReadonlyArray<readonly [number, number]>,
  current: number | null,
): Piece[] {
  if (matches.length === 0) return segments.map((s) => ({ ...s, mark: 'none' }));
  const pieces: Piece[] = [];
  let offset = 0;
  for (const segment of segments) {
    const end = offset + segment.text.length;
    let at = offset;
    for (let m = 0; m < matches.length && at < end; m++) {
      const [from, to] = matches[m] as readonly [number, number];
      if (to <= at || from >= end) continue;
      if (from > at)
        pieces.push({ ...segment, text: segment.text.slice(at - offset, from - offset), mark: 'none' });
      const stop = Math.min(to, end);
      pieces.push({
        ...segment,
        text: segment.text.slice(Math.max(from, at) - offset, stop - offset),
        mark: m === current ? 'current' : 'match',
      });
      at = stop;
    }
    if (at < end) pieces.push({ ...segment, text: segment.text.slice(at - offset), mark: 'none' });
    offset = end;
  }
  return pieces;
}

/** Case-insensitive `[start, end)` ranges of `query` in `text`. */
export function findIn(text: string, query: string): Array<[number, number]> {
  if (!query) return [];
  const hay = text.toLowerCase();
  const needle = query.toLowerCase();
  const found: Array<[number, number]> = [];
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length))
    found.push([at, at + needle.length]);
  return found;
}
