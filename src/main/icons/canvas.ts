// A tiny RGBA canvas: rounded rectangles and a 3×5 pixel font, enough for the app and tray icons.
import { encodePng } from './png.ts';

export type Rgba = readonly [number, number, number, number];

const GLYPHS: Record<string, readonly string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '001', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
  '+': ['000', '010', '111', '010', '000'],
};
const GLYPH_W = 3;
const GLYPH_H = 5;

export class Canvas {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.pixels = new Uint8Array(width * height * 4);
  }

  set(x: number, y: number, [r, g, b, a]: Rgba): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 4;
    this.pixels.set([r, g, b, a], i);
  }

  get(x: number, y: number): Rgba {
    const i = (y * this.width + x) * 4;
    const p = this.pixels;
    return [p[i] ?? 0, p[i + 1] ?? 0, p[i + 2] ?? 0, p[i + 3] ?? 0];
  }

  /** Fills a rectangle whose corners are rounded by `radius`; `color` may vary with y (gradients). */
  roundRect(x0: number, y0: number, w: number, h: number, radius: number, color: (y: number) => Rgba): void {
    for (let y = y0; y < y0 + h; y++) {
      for (let x = x0; x < x0 + w; x++) {
        const dx = Math.max(x0 + radius - x - 0.5, 0, x + 0.5 - (x0 + w - radius));
        const dy = Math.max(y0 + radius - y - 0.5, 0, y + 0.5 - (y0 + h - radius));
        if (dx * dx + dy * dy <= radius * radius) this.set(x, y, color(y));
      }
    }
  }

  /** Width in pixels of `text` drawn at `scale` with one pixel column of spacing. */
  static textWidth(text: string, scale: number): number {
    return text.length * (GLYPH_W + 1) * scale - scale;
  }

  /** Draws `text` (digits and '+') centred on (cx, cy), each font pixel a scale × scale square. */
  text(text: string, cx: number, cy: number, scale: number, color: Rgba): void {
    let x = Math.round(cx - Canvas.textWidth(text, scale) / 2);
    const y = Math.round(cy - (GLYPH_H * scale) / 2);
    for (const char of text) {
      const rows = GLYPHS[char];
      if (!rows) throw new Error(`no glyph for ${char}`);
      rows.forEach((row, gy) => {
        for (let gx = 0; gx < GLYPH_W; gx++) {
          if (row[gx] !== '1') continue;
          for (let py = 0; py < scale; py++)
            for (let px = 0; px < scale; px++) this.set(x + gx * scale + px, y + gy * scale + py, color);
        }
      });
      x += (GLYPH_W + 1) * scale;
    }
  }

  png(): Buffer {
    return encodePng(this.width, this.height, this.pixels);
  }
}
