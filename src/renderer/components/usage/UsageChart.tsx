// Cost or tokens per UTC day over the window, one bar a day (days without reports are zero).
import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { formatTokens, formatUsd } from '../../../shared/money.ts';
import type { UsageRow } from '../../../shared/usage.ts';
import { windowStart } from './usage-controller.ts';

export function chartData(rows: readonly UsageRow[], days: number, now = Date.now()) {
  const byDay = new Map(rows.map((r) => [r.key, r]));
  const first = Date.parse(`${windowStart(days, now)}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(first + i * 86_400_000).toISOString().slice(0, 10);
    const row = byDay.get(day);
    return {
      day: day.slice(5),
      cost: row?.cost_usd ?? 0,
      tokens: row ? row.input_tokens + row.output_tokens : 0,
    };
  });
}

export function UsageChart(props: { rows: readonly UsageRow[]; days: number; metric: 'cost' | 'tokens' }) {
  const { rows, days, metric } = props;
  if (!rows.length)
    return (
      <Text size="sm" c="dimmed" data-testid="usage-chart-empty">
        No usage reported in these days.
      </Text>
    );
  return (
    <div data-testid="usage-chart">
      <BarChart
        h={220}
        data={chartData(rows, days)}
        dataKey="day"
        series={[
          metric === 'cost'
            ? { name: 'cost', label: 'Cost', color: 'teal.6' }
            : { name: 'tokens', label: 'Tokens', color: 'blue.6' },
        ]}
        valueFormatter={(value) => (metric === 'cost' ? formatUsd(value) : formatTokens(value))}
        tickLine="y"
        gridAxis="y"
      />
    </div>
  );
}
