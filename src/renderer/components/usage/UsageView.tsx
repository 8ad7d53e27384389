// The Usage view: cost (or tokens) per UTC day as a chart, per agent and per model as tables, and the
// model prices that price reports sent without a cost. Live while open: a usage report refetches the sums.
import '@mantine/charts/styles.css';
import { Alert, Drawer, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconChartBar } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useBoard } from '../../app/context.tsx';
import { PricesEditor } from './PricesEditor.tsx';
import { UsageChart } from './UsageChart.tsx';
import { UsageTable } from './UsageTable.tsx';
import { USAGE_WINDOWS, type UsageController } from './usage-controller.ts';

/** The newest usage report the stream brought (its event id), to refetch the sums on. */
const selectLatestReport = (s: { data: { feed: readonly { id: number; type: string }[] } }) =>
  s.data.feed.find((f) => f.type === 'usage_recorded')?.id ?? 0;

export function UsageView(props: { usage: UsageController; opened: boolean; onClose: () => void }) {
  const { usage, opened } = props;
  const state = useStore(usage.store);
  const agents = useBoard((s) => s.data.agents);
  const latest = useBoard(selectLatestReport);
  const [metric, setMetric] = useState<'cost' | 'tokens'>('cost');

  useEffect(() => {
    if (opened) void usage.load();
  }, [opened, usage]);
  useEffect(() => {
    if (opened && latest) usage.refresh();
  }, [opened, latest, usage]);

  const agentName = (key: string | null) => (key ? (agents[key]?.name ?? 'Deleted agent') : 'No agent');
  return (
    <Drawer
      opened={opened}
      onClose={props.onClose}
      position="right"
      size="xl"
      title={
        <Group gap="xs" wrap="nowrap">
          <IconChartBar size={20} stroke={1.75} aria-hidden />
          <Title order={4}>Usage and cost</Title>
        </Group>
      }
    >
      <Stack gap="lg" data-testid="usage-view">
        {state.error && (
          <Alert color="red" title="That did not work" icon={<IconAlertCircle size={18} aria-hidden />}>
            {state.error}
          </Alert>
        )}
        <Group justify="space-between">
          <SegmentedControl
            size="xs"
            value={String(state.days)}
            onChange={(days) => void usage.setDays(Number(days))}
            data={USAGE_WINDOWS.map((d) => ({ value: String(d), label: `${d} days` }))}
            aria-label="Window"
          />
          <SegmentedControl
            size="xs"
            value={metric}
            onChange={(value) => setMetric(value as 'cost' | 'tokens')}
            data={[
              { value: 'cost', label: 'Cost' },
              { value: 'tokens', label: 'Tokens' },
            ]}
            aria-label="Chart shows"
          />
        </Group>
        {!state.loaded ? (
          <Loader size="sm" aria-label="Loading usage" />
        ) : (
          <>
            <UsageChart rows={state.byDay} days={state.days} metric={metric} />
            <Stack gap="xs">
              <Title order={5}>By agent</Title>
              <UsageTable rows={state.byAgent} label="Agent" name={agentName} testId="usage-agents" />
            </Stack>
            <Stack gap="xs">
              <Title order={5}>By model</Title>
              <UsageTable
                rows={state.byModel}
                label="Model"
                name={(key) => key ?? '—'}
                testId="usage-models"
              />
            </Stack>
          </>
        )}
        <Stack gap="xs">
          <Title order={5}>Prices</Title>
          <Text size="sm" c="dimmed">
            USD per million tokens, used for reports sent without a cost. None are built in; a report with no
            cost and no price shows as “—”.
          </Text>
          <PricesEditor usage={usage} prices={state.prices} />
        </Stack>
      </Stack>
    </Drawer>
  );
}
