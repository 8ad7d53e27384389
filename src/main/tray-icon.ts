// Tray icon images: the board glyph when no sub-agent works, else the count drawn in (0, 1–9, 9+).
import { type NativeImage, nativeImage } from 'electron';
import { badgeLabel, trayIconPng } from './icons/tray-badge.ts';

export { badgeLabel, trayIconPng };

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
