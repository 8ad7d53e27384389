// Tray icon images: the board glyph when no sub-agent works, else the count drawn in (0, 1–9, 9+).
import { type NativeImage, nativeImage } from 'electron';
import { drawAppIcon } from './icons/app-icon.ts';
import { Canvas, type Rgba } from './icons/canvas.ts';

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

const cache = new Map<string, NativeImage>();

/**
 * The image for `count`. On macOS the count goes in the tray title instead (menu-bar text is the
 * platform idiom), so the icon stays the idle glyph there.
 */
export function trayImage(count: number, platform: NodeJS.Platform = process.platform): NativeImage {
  const label = platform === 'darwin' ? '' : badgeLabel(count);
  let image = cache.get(label);
  if (!image) {
    image = nativeImage.createFromBuffer(trayIconPng(label), { scaleFactor: 2 });
    cache.set(label, image);
  }
  return image;
}
