// SIGTERM with event streams open: the real headless server exits at once, WAL checkpointed.
import { afterEach, describe, expect, it } from 'vitest';
import { sigtermWithStreams, stopServes } from './testing/serve-process.ts';

afterEach(stopServes);

describe('SIGTERM with event streams open', () => {
  // Three runs, each a fresh server: the bound must hold every time, not on average.
  for (const run of [1, 2, 3]) {
    it(`exits within 500 ms and checkpoints the WAL (run ${run})`, async () => {
      const { code, ms, walCheckpointed } = await sigtermWithStreams('src/core/serve.ts');
      expect(code).toBe(0);
      expect(ms, `SIGTERM → exit took ${ms.toFixed(0)} ms`).toBeLessThan(500);
      expect(walCheckpointed).toBe(true);
    });
  }
});
