// What an agent's avatar shows: its emoji where this machine can draw it, else its initial. A Linux
// without an emoji font draws most emoji as empty boxes, which read as a broken page.

const drawable = new Map<string, boolean>();
let context: CanvasRenderingContext2D | null | undefined;

function canvas(): CanvasRenderingContext2D | null {
  if (context === undefined) {
    try {
      const element = document.createElement('canvas');
      element.width = 32;
      element.height = 32;
      context = element.getContext('2d', { willReadFrequently: true });
    } catch {
      context = null;
    }
    if (context) {
      context.font = '24px sans-serif';
      context.textBaseline = 'top';
    }
  }
  return context;
}

const pixels = (ctx: CanvasRenderingContext2D, text: string) => {
  ctx.clearRect(0, 0, 32, 32);
  ctx.fillText(text, 0, 0);
  return ctx.getImageData(0, 0, 32, 32).data;
};

/** A private-use code point no font draws: what "no glyph" looks like here. */
const NO_GLYPH = '\u{10FFFD}';

/** True unless the text draws exactly like a missing glyph (or there is no canvas to ask: trust it). */
function canDraw(text: string): boolean {
  const known = drawable.get(text);
  if (known !== undefined) return known;
  const ctx = canvas();
  let result = true;
  if (ctx) {
    const missing = pixels(ctx, NO_GLYPH);
    const drawn = pixels(ctx, text);
    result = drawn.some((value, i) => value !== missing[i]);
  }
  drawable.set(text, result);
  return result;
}

/** Cached per emoji, so a card pays a map lookup. */
export function avatarText(agent: { avatar_emoji: string; name: string }): string {
  return canDraw(agent.avatar_emoji) ? agent.avatar_emoji : (agent.name.trim()[0] ?? '?').toUpperCase();
}
