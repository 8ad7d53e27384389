// A card's cost chip: what the task's model calls cost so far ("—" when tokens were reported with no
// known cost), red once the cost reached the budget. Hidden while nothing was reported.
import { IconCoin } from '@tabler/icons-react';
import type { Task } from '../../shared/entities.ts';
import { formatTokens, formatUsd } from '../../shared/money.ts';

/** Whether the task has any usage to show. */
export const hasUsage = (task: Task): boolean =>
  task.usage.cost_usd !== null || task.usage.input_tokens + task.usage.output_tokens > 0;

export function usageTitle(task: Task): string {
  const tokens = `${formatTokens(task.usage.input_tokens)} in · ${formatTokens(task.usage.output_tokens)} out`;
  const cost = task.usage.cost_usd === null ? 'cost unknown' : formatUsd(task.usage.cost_usd);
  const budget = task.budget_usd === null ? '' : ` of ${formatUsd(task.budget_usd)} budget`;
  return `${cost}${budget} (${tokens} tokens)${task.over_budget ? ' — over budget' : ''}`;
}

export function CardCostChip({ task }: { task: Task }) {
  if (!hasUsage(task)) return null;
  const title = usageTitle(task);
  return (
    <span
      className={`mc-chip mc-chip-count mc-chip-cost${task.over_budget ? ' mc-chip-over' : ''}`}
      role="img"
      title={title}
      aria-label={title}
      data-testid="card-cost"
      data-over-budget={task.over_budget || undefined}
    >
      <IconCoin size={11} stroke={2.25} aria-hidden />
      {formatUsd(task.usage.cost_usd)}
    </span>
  );
}
