// The tray images as PNG bytes (no Electron here, so the icon script can run under plain Node).
import { drawAppIcon } from './app-icon.ts';
import { Canvas, type Rgba } from './canvas.ts';

/** What the icon (or the macOS title) shows for `count` active sub-agents: '', '1'…'9', '9+'. */
export function badgeLabel(count: number): string {
  if (count <= 0) return '';
  return count > 9 ? '9+' : String(count);
}

const SIZE = 32; // drawn at 2× for a 16-pt tray slot; crisp on HiDPI, scaled down elsewhere
const BUSY: Rgba = [22, 163, 74, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const NEEDS_YOU: Rgba = [239, 68, 68, 255];
const CLEAR: Rgba = [0, 0, 0, 0];
/** The "needs you" dot: top-right corner, with a transparent ring cut around it so it reads on any icon. */
const DOT = { cx: 26, cy: 6, r: 6, ring: 2 };

function circle(c: Canvas, cx: number, cy: number, r: number, color: Rgba): void {
  c.roundRect(cx - r, cy - r, 2 * r, 2 * r, r, () => color);
}

/**
 * The PNG for a badge label ('' = idle board glyph), with the "needs you" dot when the attention
 * list is not empty. With the dot, the count moves down-left so the two never overlap.
 */
export function trayIconPng(label: string, needsYou = false): Buffer {
  let c: Canvas;
  if (label === '') c = drawAppIcon(SIZE);
  else {
    c = new Canvas(SIZE, SIZE);
    c.roundRect(1, 1, SIZE - 2, SIZE - 2, 7, () => BUSY);
    // One digit large; "9+" smaller so both glyphs fit.
    const [cx, cy] = needsYou ? [12, 19] : [SIZE / 2, SIZE / 2];
    c.text(label, cx, cy, label.length === 1 ? 4 : 3, WHITE);
  }
  if (needsYou) {
    circle(c, DOT.cx, DOT.cy, DOT.r + DOT.ring, CLEAR);
    circle(c, DOT.cx, DOT.cy, DOT.r, NEEDS_YOU);
  }
  return c.png();
}
