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

/** The PNG for a badge label ('' = idle board glyph). */
export function trayIconPng(label: string): Buffer {
  if (label === '') return drawAppIcon(SIZE).png();
  const c = new Canvas(SIZE, SIZE);
  c.roundRect(1, 1, SIZE - 2, SIZE - 2, 7, () => BUSY);
  // One digit large; "9+" smaller so both glyphs fit.
  c.text(label, SIZE / 2, SIZE / 2, label.length === 1 ? 4 : 3, WHITE);
  return c.png();
}
