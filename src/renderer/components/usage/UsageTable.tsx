// Sums per agent or per model: reports, tokens in and out, cost ("—" when none is known).
import { Table, Text } from '@mantine/core';
import { formatTokens, formatUsd } from '../../../shared/money.ts';
import type { UsageRow } from '../../../shared/usage.ts';

export function UsageTable(props: {
  rows: readonly UsageRow[];
  label: string;
  name: (key: string | null) => string;
  testId: string;
}) {
  const { rows, label, name, testId } = props;
  if (!rows.length)
    return (
      <Text size="sm" c="dimmed">
        Nothing yet.
      </Text>
    );
  return (
    <Table striped highlightOnHover data-testid={testId} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{label}</Table.Th>
          <Table.Th ta="right">Reports</Table.Th>
          <Table.Th ta="right">Input</Table.Th>
          <Table.Th ta="right">Output</Table.Th>
          <Table.Th ta="right">Cost</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key ?? '∅'}>
            <Table.Td>{name(row.key)}</Table.Td>
            <Table.Td ta="right">{row.reports}</Table.Td>
            <Table.Td ta="right">{formatTokens(row.input_tokens)}</Table.Td>
            <Table.Td ta="right">{formatTokens(row.output_tokens)}</Table.Td>
            <Table.Td
              ta="right"
              title={
                row.unpriced_reports ? `${row.unpriced_reports} reports without a known cost` : undefined
              }
            >
              {formatUsd(row.cost_usd)}
              {row.unpriced_reports > 0 && row.cost_usd !== null ? '+' : ''}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
