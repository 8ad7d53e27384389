// In-page measurements: one page load's marks split into phases, and frame times during a mouse drag.
import type { Page } from '@playwright/test';

export interface LoadPhases {
  /** navigation start → board painted with the snapshot's cards (mc:first-render). */
  firstRenderMs: number;
  /** navigation start → painted and its event stream live (mc:interactive). */
  interactiveMs: number;
  /** navigation start → the app's script starts asking for the snapshot (HTML, JS, CSS, auth check). */
  bootMs: number;
  /** GET /api/snapshot: request start → last byte (server + transfer). */
  fetchMs: number;
  /** last byte → snapshot object in hand (body to string, JSON.parse; plus waiting for the main thread). */
  parseMs: number;
  /** fromSnapshot + store update. */
  storeMs: number;
  /** store update → DOM committed (React render of the board, columns, visible cards). */
  renderMs: number;
  /** commit → after the next paint (style, layout, paint). */
  paintMs: number;
  snapshotBytes: number;
}

const PHASES_IN_PAGE = `(() => {
  const mark = (n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? NaN;
  const res = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/snapshot'));
  return {
    start: mark('mc:snapshot-start'), received: mark('mc:snapshot-received'), built: mark('mc:store-built'),
    commit: mark('mc:board-commit'), painted: mark('mc:first-render'), interactive: mark('mc:interactive'),
    fetchStart: res ? res.requestStart || res.startTime : NaN, fetchEnd: res ? res.responseEnd : NaN,
    bytes: res ? res.encodedBodySize : NaN,
  };
})()`;

const round = (n: number) => Math.round(n * 10) / 10;

/** Loads the board (cookie already set) and waits for mc:interactive. */
export async function loadOnce(page: Page, url: string): Promise<LoadPhases> {
  await page.goto(url);
  // Polled from Node (CDP evaluate): the page's CSP forbids the in-page eval of waitForFunction.
  for (let waited = 0; ; waited += 50) {
    if (await page.evaluate(`performance.getEntriesByName('mc:interactive').length > 0`)) break;
    if (waited > 60_000) throw new Error('the board never became interactive');
    await page.waitForTimeout(50);
  }
  const m = (await page.evaluate(PHASES_IN_PAGE)) as Record<string, number>;
  const v = (k: string) => m[k] as number;
  return {
    firstRenderMs: round(v('painted')),
    interactiveMs: round(v('interactive')),
    bootMs: round(v('start')),
    fetchMs: round(v('fetchEnd') - v('fetchStart')),
    parseMs: round(v('received') - v('fetchEnd')),
    storeMs: round(v('built') - v('received')),
    renderMs: round(v('commit') - v('built')),
    paintMs: round(v('painted') - v('commit')),
    snapshotBytes: v('bytes'),
  };
}

/** Frame deltas (ms) from requestAnimationFrame while `during` runs. */
export async function frameDeltas(page: Page, during: () => Promise<void>): Promise<number[]> {
  await page.evaluate(`(() => {
    const w = window; w.__frames = []; w.__framing = true; let last = performance.now();
    const tick = (t) => { w.__frames.push(t - last); last = t; if (w.__framing) requestAnimationFrame(tick); };
    requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
  })()`);
  await during();
  return (await page.evaluate(`(() => { window.__framing = false; return window.__frames; })()`)) as number[];
}

/** Drags the first card of `from` across every column to the last one, in `steps` mouse moves per column. */
export async function dragAcross(page: Page, from: string, columns: string[], stepsPerColumn = 30) {
  const card = page.locator(`[data-testid="column-${from}"] [data-testid="task-card"]`).first();
  const box = await card.boundingBox();
  if (!box) throw new Error('no card to drag');
  let x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 10, y + 5, { steps: 3 }); // past the 6 px activation distance
  for (const status of columns) {
    const target = await page.getByTestId(`column-${status}`).boundingBox();
    if (!target) continue;
    const tx = target.x + target.width / 2;
    // One mouse move per frame or so: a person dragging produces about that many pointer events.
    for (let i = 1; i <= stepsPerColumn; i += 1) {
      await page.mouse.move(x + ((tx - x) * i) / stepsPerColumn, y + 40 * Math.sin(i / 5));
      await page.waitForTimeout(16);
    }
    x = tx;
  }
  await page.mouse.up();
}
