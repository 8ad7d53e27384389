// Tray icon images: the board glyph when no sub-agent works, else the count drawn in (0, 1–9, 9+),
// plus the "needs you" dot while the attention list is not empty.
import { type NativeImage, nativeImage } from 'electron';
import { badgeLabel, trayIconPng } from './icons/tray-badge.ts';

export { badgeLabel, trayIconPng };

const cache = new Map<string, NativeImage>();

/**
 * The image for `count` (and the dot when something `needsYou`). On macOS the count goes in the
 * tray title instead (menu-bar text is the platform idiom), so the icon stays the idle glyph there;
 * the dot is drawn on every platform.
 */
export function trayImage(
  count: number,
  platform: NodeJS.Platform = process.platform,
  needsYou = false,
): NativeImage {
  const label = platform === 'darwin' ? '' : badgeLabel(count);
  const key = `${label}|${needsYou}`;
  let image = cache.get(key);
  if (!image) {
    image = nativeImage.createFromBuffer(trayIconPng(label, needsYou), { scaleFactor: 2 });
    cache.set(key, image);
  }
  return image;
}
