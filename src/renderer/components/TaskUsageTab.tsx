// A task's Usage tab: its totals and budget (the owner or a writing device may change it), and its
// usage per session and model, refetched whenever the task's totals move.
import { Badge, Button, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Task } from '../../shared/entities.ts';
import { formatTokens, formatUsd } from '../../shared/money.ts';
import type { TaskUsageBreakdown } from '../../shared/usage.ts';
import { useBoard, useController } from '../app/context.tsx';
import { useReadOnly } from './remote/ReadOnlyBadge.tsx';

function BudgetEditor({ task }: { task: Task }) {
  const controller = useController();
  const readOnly = useReadOnly();
  const [value, setValue] = useState<number | ''>(task.budget_usd ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setValue(task.budget_usd ?? ''), [task.budget_usd]);
  const save = async (budget: number | null) => {
    setError(null);
    try {
      await controller.updateTask(task.id, { budget_usd: budget }, task.version);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  if (readOnly)
    return <Text size="sm">Budget: {task.budget_usd === null ? 'none' : formatUsd(task.budget_usd)}</Text>;
  return (
    <Group gap="xs" align="flex-end">
      <NumberInput
        label="Budget (USD)"
        placeholder="No budget"
        size="xs"
        min={0}
        decimalScale={6}
        w={140}
        value={value}
        error={error}
        onChange={(v) => setValue(v === '' ? '' : Number(v))}
        data-testid="budget-input"
      />
      <Button size="xs" variant="default" onClick={() => void save(value === '' ? null : value)}>
        Save budget
      </Button>
      {task.budget_usd !== null && (
        <Button size="xs" variant="subtle" onClick={() => void save(null)}>
          Remove
        </Button>
      )}
    </Group>
  );
}

export function TaskUsageTab({ task }: { task: Task }) {
  const controller = useController();
  const sessions = useBoard((s) => s.data.sessions);
  const agents = useBoard((s) => s.data.agents);
  const [breakdown, setBreakdown] = useState<TaskUsageBreakdown | null>(null);
  const { input_tokens, output_tokens, cost_usd } = task.usage;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the totals are the signal to refetch
  useEffect(() => {
    let live = true;
    controller.usage
      .ofTask(task.id)
      .then((b) => live && setBreakdown(b))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [controller, task.id, input_tokens, output_tokens, cost_usd]);

  const sessionName = (id: string | null) => {
    if (!id) return 'No session';
    const session = sessions[id];
    return session ? (session.agent_name ?? session.openclaw_session_id) : 'Ended session';
  };
  return (
    <Stack gap="md" data-testid="task-usage">
      <Group gap="lg">
        <Text size="sm">
          Cost <b>{formatUsd(cost_usd)}</b>
          {task.budget_usd !== null && ` of ${formatUsd(task.budget_usd)}`}
        </Text>
        <Text size="sm" c="dimmed">
          {formatTokens(input_tokens)} in · {formatTokens(output_tokens)} out
        </Text>
        {task.over_budget && (
          <Badge color="red" variant="filled">
            Over budget
          </Badge>
        )}
      </Group>
      <BudgetEditor task={task} />
      {!breakdown ? null : breakdown.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No usage reported for this task yet.
        </Text>
      ) : (
        <Table striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Session</Table.Th>
              <Table.Th>Agent</Table.Th>
              <Table.Th>Model</Table.Th>
              <Table.Th ta="right">Input</Table.Th>
              <Table.Th ta="right">Output</Table.Th>
              <Table.Th ta="right">Cost</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {breakdown.rows.map((row) => (
              <Table.Tr key={`${row.session_id}:${row.agent_id}:${row.model}`} data-testid="usage-row">
                <Table.Td>{sessionName(row.session_id)}</Table.Td>
                <Table.Td>{row.agent_id ? (agents[row.agent_id]?.name ?? 'Deleted agent') : '—'}</Table.Td>
                <Table.Td>{row.model}</Table.Td>
                <Table.Td ta="right">{formatTokens(row.input_tokens)}</Table.Td>
                <Table.Td ta="right">{formatTokens(row.output_tokens)}</Table.Td>
                <Table.Td ta="right">{formatUsd(row.cost_usd)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
