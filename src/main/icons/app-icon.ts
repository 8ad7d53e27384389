// The app icon: a rounded indigo square holding a three-column board. Drawn in code, written by
// scripts/generate-icons.ts into resources/ (electron-builder turns it into .icns/.ico).
import { Canvas, type Rgba } from './canvas.ts';

const WHITE: Rgba = [255, 255, 255, 255];
const CARD: Rgba = [199, 210, 254, 255];

export function drawAppIcon(size: number): Canvas {
  const c = new Canvas(size, size);
  const u = size / 32; // design grid: 32 units
  const top: Rgba = [79, 70, 229, 255];
  const bottom: Rgba = [49, 46, 129, 255];
  const gradient = (y: number): Rgba => {
    const t = y / size;
    return [0, 1, 2]
      .map((i) => Math.round((top[i] ?? 0) * (1 - t) + (bottom[i] ?? 0) * t))
      .concat(255) as unknown as Rgba;
  };
  c.roundRect(Math.round(u), Math.round(u), Math.round(30 * u), Math.round(30 * u), 6 * u, gradient);
  // Three columns, the cards in them at different heights: a board at a glance.
  const cards = [3, 2, 1];
  cards.forEach((count, col) => {
    const x = Math.round((6 + col * 7.5) * u);
    c.roundRect(x, Math.round(6 * u), Math.round(5.5 * u), Math.round(1.5 * u), 0.75 * u, () => WHITE);
    for (let i = 0; i < count; i++) {
      const y = Math.round((9.5 + i * 5.5) * u);
      c.roundRect(x, y, Math.round(5.5 * u), Math.round(4.5 * u), 1 * u, () => CARD);
    }
  });
  return c;
}
