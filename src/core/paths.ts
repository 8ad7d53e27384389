// Finds the project's folders from wherever this code runs: the sources, or the serve bundle in out/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above `from` whose package.json is Mission Control's. */
export function projectRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'mission-control')
          return dir;
      } catch {
        // not ours, or unreadable: keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no Mission Control package.json above ${from}`);
    dir = parent;
  }
}
