// Performance marks for the board's first-render and time-to-interactive figures (bench/board, docs/UI.md).

/** Marks once per page: the bench reads the first entry of each name. */
export function markOnce(name: string): void {
  if (typeof performance === 'undefined' || performance.getEntriesByName(name, 'mark').length) return;
  performance.mark(name);
}

/** Runs after the next frame has been painted: a frame callback, then a task queued from it. */
export function afterNextPaint(run: () => void): void {
  if (typeof requestAnimationFrame === 'undefined') {
    run();
    return;
  }
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      run();
    };
    channel.port2.postMessage(null);
  });
}
