import { afterEach, describe, expect, it, vi } from 'vitest';

/** A canvas that draws the given characters as something and everything else as the missing-glyph box. */
function fakeCanvas(drawable: string[]) {
  let last = '';
  const context = {
    font: '',
    textBaseline: '',
    clearRect: () => {},
    fillText: (text: string) => {
      last = text;
    },
    getImageData: () => ({ data: Uint8ClampedArray.from([drawable.includes(last) ? 255 : 0]) }),
  };
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(
    context as unknown as CanvasRenderingContext2D,
  );
}

const freshModule = async () => {
  vi.resetModules();
  return import('./avatar-text.ts');
};

describe('avatarText', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the emoji where this machine can draw it', async () => {
    fakeCanvas(['🦊']);
    const { avatarText } = await freshModule();
    expect(avatarText({ avatar_emoji: '🦊', name: 'Ada' })).toBe('🦊');
  });

  it('shows the initial instead of an empty box where it cannot', async () => {
    fakeCanvas([]);
    const { avatarText } = await freshModule();
    expect(avatarText({ avatar_emoji: '🦊', name: 'ada' })).toBe('A');
  });

  it('trusts the emoji when there is no canvas to ask', async () => {
    const { avatarText } = await freshModule(); // test-setup: jsdom's getContext answers null
    expect(avatarText({ avatar_emoji: '🐝', name: 'Grace' })).toBe('🐝');
  });
});
