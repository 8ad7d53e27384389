// Chromium CPU profile (CDP Profiler) of a page load or a drag, with self time attributed to source files
// through the bundle's source map, so a minified profile still says which package the time goes to.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SourceMapConsumer } from 'source-map-js';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  name: string;
  ms: number;
  share: number;
}
export interface ProfileSummary {
  busyMs: number;
  byArea: ProfileShare[];
  byFunction: ProfileShare[];
}

/** Profiles what `run` makes the page do (sampling every 100 µs). */
export async function profile(page: Page, run: () => Promise<void>): Promise<Profile> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await run();
  const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  return p;
}

const consumers = new Map<string, SourceMapConsumer | null>();
/** The source map of a served bundle, read from out/web (what the server serves). */
function consumerFor(url: string, webDir: string): SourceMapConsumer | null {
  const file = /\/assets\/([^/?#]+\.js)/.exec(url)?.[1];
  if (!file) return null;
  if (!consumers.has(file)) {
    const map = join(webDir, 'assets', `${file}.map`);
    consumers.set(
      file,
      existsSync(map) ? new SourceMapConsumer(JSON.parse(readFileSync(map, 'utf8'))) : null,
    );
  }
  return consumers.get(file) ?? null;
}

const areaOf = (source: string): string => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1] as string;
  const own = /(src\/[^/]+\/[^/]+)/.exec(source) ?? /([^/]+\/[^/]+)$/.exec(source);
  return own ? (own[1] as string) : source;
};

export function summarize(p: Profile, webDir: string, top = 12): ProfileSummary {
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  const byArea = new Map<string, number>();
  const byFn = new Map<string, number>();
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  let busy = 0;
  for (const [id, us] of self) {
    const { functionName, url, lineNumber, columnNumber } = (nodes.get(id) as Node).callFrame;
    if (functionName === '(idle)') continue;
    busy += us;
    let area = url ? url.replace(/^https?:\/\/[^/]+/, '') : `(${functionName || 'native'})`;
    let fn = functionName || '(anonymous)';
    const map = url ? consumerFor(url, webDir) : null;
    if (map && lineNumber >= 0) {
      const pos = map.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
      if (pos.source) {
        area = areaOf(pos.source);
        fn = `${pos.name ?? fn} (${area}:${pos.line})`;
      }
    }
    byArea.set(area, (byArea.get(area) ?? 0) + us);
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  }
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({
        name,
        ms: Math.round(us / 100) / 10,
        share: Math.round((us / Math.max(1, busy)) * 1000) / 10,
      }));
  return { busyMs: Math.round(busy / 100) / 10, byArea: list(byArea), byFunction: list(byFn) };
}

/** The bundle's size as served (the one index-*.js in out/web/assets). */
export function bundleBytes(webDir: string): number {
  const js = readdirSync(join(webDir, 'assets')).filter((f) => f.endsWith('.js'));
  return js.reduce((sum, f) => sum + readFileSync(join(webDir, 'assets', f)).length, 0);
}
