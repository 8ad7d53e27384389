// Splits a snippet at its highlight offsets, so the palette marks matches with elements (never HTML).
export interface Part {
  text: string;
  marked: boolean;
}

/** `[start, end)` ranges in JavaScript string indices; out-of-order or overlapping ones are skipped. */
export function highlightParts(text: string, highlights: ReadonlyArray<readonly [number, number]>): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const [start, end] of highlights) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
