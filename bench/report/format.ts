// Number formats and a Markdown table for the report.

export const ms = (v: number) => `${v} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const pct = (ratio: number) => `${Math.round(ratio * 100)} %`;
export const verdict = (ok: boolean) => (ok ? '**met**' : '**not met**');

export function table(head: string[], rows: Array<Array<string | number>>): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}
