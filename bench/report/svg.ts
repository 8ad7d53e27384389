// Grouped bar charts as plain SVG strings (no chart library): one group per x label, one bar per series.

export interface BarChart {
  title: string;
  unit: string;
  groups: string[];
  series: Array<{ name: string; values: number[] }>;
  /** Logarithmic y axis, for values spanning several orders of magnitude. */
  log?: boolean;
  /** A dashed horizontal line, e.g. a target. */
  line?: { value: number; label: string };
}

const COLORS = ['#4263eb', '#adb5bd', '#f08c00', '#2f9e44', '#ae3ec9', '#e03131'];
const W = 760;
const H = 360;
const PAD = { left: 70, right: 20, top: 44, bottom: 84 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (v: number) =>
  v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toPrecision(2);

/** 1, 2 or 5 × 10^k: the smallest such step at least `raw`. */
function niceStep(raw: number): number {
  const base = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((m) => m * base >= raw) ?? 10) * base;
}

/** Splits a label into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export function barChart(chart: BarChart): string {
  const all = chart.series.flatMap((s) => s.values).concat(chart.line ? [chart.line.value] : []);
  const positive = all.filter((v) => v > 0);
  const step = niceStep(Math.max(...positive) / 4);
  const max = chart.log
    ? Math.max(...positive) * 1.3
    : Math.ceil((Math.max(...positive) * 1.05) / step) * step;
  const min = chart.log ? 10 ** Math.floor(Math.log10(Math.min(...positive))) : 0;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => {
    const f = chart.log
      ? (Math.log10(Math.max(v, min)) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
      : v / max;
    return PAD.top + plotH * (1 - f);
  };
  const ticks = chart.log
    ? Array.from({ length: Math.ceil(Math.log10(max / min)) + 1 }, (_, i) => min * 10 ** i).filter(
        (t) => t <= max,
      )
    : Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step);
  const groupW = (W - PAD.left - PAD.right) / chart.groups.length;
  const barW = Math.min(40, (groupW * 0.8) / chart.series.length);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12" role="img" aria-label="${esc(chart.title)}">`,
    `<title>${esc(chart.title)}</title>`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${esc(chart.title)}</text>`,
  ];
  for (const t of ticks) {
    out.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(t)}" y2="${y(t)}" stroke="#e9ecef"/>`,
      `<text x="${PAD.left - 6}" y="${y(t) + 4}" text-anchor="end" fill="#495057">${fmt(t)}</text>`,
    );
  }
  out.push(
    `<text transform="translate(16 ${PAD.top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#495057">${esc(chart.unit)}${chart.log ? ' (log)' : ''}</text>`,
  );
  chart.groups.forEach((group, g) => {
    const x0 = PAD.left + g * groupW + (groupW - barW * chart.series.length) / 2;
    chart.series.forEach((s, i) => {
      const v = s.values[g] ?? 0;
      const top = y(v);
      out.push(
        `<rect x="${x0 + i * barW}" y="${top}" width="${barW - 2}" height="${Math.max(0, PAD.top + plotH - top)}" fill="${COLORS[i % COLORS.length]}"><title>${esc(`${s.name} · ${group}: ${fmt(v)} ${chart.unit}`)}</title></rect>`,
      );
    });
    const cx = PAD.left + g * groupW + groupW / 2;
    wrap(group, Math.max(8, Math.floor(groupW / 7))).forEach((line, n) => {
      out.push(
        `<text x="${cx}" y="${H - PAD.bottom + 16 + n * 14}" text-anchor="middle">${esc(line)}</text>`,
      );
    });
  });
  if (chart.line) {
    const ly = y(chart.line.value);
    out.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${ly}" y2="${ly}" stroke="#e03131" stroke-dasharray="6 4"/>`,
      `<text x="${PAD.left + 4}" y="${ly - 4}" fill="#e03131">${esc(chart.line.label)}</text>`,
    );
  }
  chart.series.forEach((s, i) => {
    const x = PAD.left + i * 170;
    out.push(
      `<rect x="${x}" y="${H - 26}" width="12" height="12" fill="${COLORS[i % COLORS.length]}"/>`,
      `<text x="${x + 18}" y="${H - 16}">${esc(s.name)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
