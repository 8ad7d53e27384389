// Summarises a .cpuprofile (node --cpu-prof): self time by function and by package, to say where the time goes.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const area = (url: string): string => {
  if (!url) return '(native: GC, program, socket writes)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith('node:')) return url;
  const src = /\/(src\/[^/]+\/[^/]+|bench\/[^/]+)/.exec(url);
  return src ? (src[1] as string) : url;
};

export function summarizeProfile(file: string, top = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  // Shares are of busy time: the idle pseudo-function (waiting for I/O) is left out.
  for (const [id] of selfUs)
    if ((byId.get(id) as ProfileNode).callFrame.functionName === '(idle)') selfUs.delete(id);
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = (byId.get(id) as ProfileNode).callFrame;
    const key = `${functionName || '(anonymous)'} ${area(url)}:${lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    pkg.set(area(url), (pkg.get(area(url)) ?? 0) + us);
  }
  const rank = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({
        name,
        ms: Math.round(us / 1000),
        share: `${((100 * us) / total).toFixed(1)} %`,
      }));
  return { busyMs: Math.round(total / 1000), functions: rank(fn), areas: rank(pkg) };
}

const markdownTable = (rows: Array<{ name: string; ms: number; share: string }>) =>
  [
    '| self time in | ms | share of busy |',
    '|---|---|---|',
    ...rows.map((r) => `| \`${r.name}\` | ${r.ms} | ${r.share} |`),
  ].join('\n');

if (import.meta.main) {
  const markdown = process.argv.includes('--markdown');
  for (const file of process.argv.slice(2).filter((a) => a !== '--markdown')) {
    const s = summarizeProfile(file);
    if (markdown) {
      console.log(
        `Busy (not idle) time sampled: ${s.busyMs} ms.\n\nBy package or folder:\n\n${markdownTable(s.areas)}\n`,
      );
      console.log(`By function:\n\n${markdownTable(s.functions)}\n`);
      continue;
    }
    console.log(`${file}: ${s.busyMs} ms busy`);
    console.table(s.areas);
    console.table(s.functions);
  }
}
