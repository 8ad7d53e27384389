// The model prices (USD per million tokens): the owner edits them here; devices see them read-only.
import { ActionIcon, Button, Group, NumberInput, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ModelPrice, Prices } from '../../../shared/usage.ts';
import { useBoard } from '../../app/context.tsx';
import type { UsageController } from './usage-controller.ts';

type Rate = 'input_per_mtok' | 'output_per_mtok' | 'cache_read_per_mtok' | 'cache_write_per_mtok';
interface Row {
  model: string;
  rates: Record<Rate, number | ''>;
}
const RATES: { key: Rate; label: string }[] = [
  { key: 'input_per_mtok', label: 'Input' },
  { key: 'output_per_mtok', label: 'Output' },
  { key: 'cache_read_per_mtok', label: 'Cache read' },
  { key: 'cache_write_per_mtok', label: 'Cache write' },
];
const emptyRates = (): Row['rates'] => ({
  input_per_mtok: '',
  output_per_mtok: '',
  cache_read_per_mtok: '',
  cache_write_per_mtok: '',
});

const toRows = (prices: Prices): Row[] =>
  Object.entries(prices).map(([model, p]) => ({
    model,
    rates: {
      input_per_mtok: p.input_per_mtok,
      output_per_mtok: p.output_per_mtok,
      cache_read_per_mtok: p.cache_read_per_mtok ?? '',
      cache_write_per_mtok: p.cache_write_per_mtok ?? '',
    },
  }));

/** Rows with a model name; input and output are required, the cache rates optional. */
export function toPrices(rows: readonly Row[]): Prices {
  const prices: Prices = {};
  for (const row of rows) {
    const model = row.model.trim();
    if (!model) continue;
    const price: ModelPrice = {
      input_per_mtok: Number(row.rates.input_per_mtok || 0),
      output_per_mtok: Number(row.rates.output_per_mtok || 0),
    };
    if (row.rates.cache_read_per_mtok !== '')
      price.cache_read_per_mtok = Number(row.rates.cache_read_per_mtok);
    if (row.rates.cache_write_per_mtok !== '')
      price.cache_write_per_mtok = Number(row.rates.cache_write_per_mtok);
    prices[model] = price;
  }
  return prices;
}

export function PricesEditor({ usage, prices }: { usage: UsageController; prices: Prices }) {
  const owner = useBoard((s) => s.access.deviceId === null);
  const [rows, setRows] = useState<Row[]>(() => toRows(prices));
  const [saved, setSaved] = useState(false);
  useEffect(() => setRows(toRows(prices)), [prices]);

  const change = (index: number, next: Partial<Row>) => {
    setSaved(false);
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...next } : row)));
  };
  const save = async () => {
    try {
      await usage.savePrices(toPrices(rows));
      setSaved(true);
    } catch {
      // The view shows the server's reason.
    }
  };

  if (!owner && rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No prices set.
      </Text>
    );
  return (
    <>
      <Table data-testid="prices-editor" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Model</Table.Th>
            {RATES.map((r) => (
              <Table.Th key={r.key}>{r.label}</Table.Th>
            ))}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; a name may change
            <Table.Tr key={index}>
              <Table.Td>
                <TextInput
                  size="xs"
                  value={row.model}
                  readOnly={!owner}
                  placeholder="model name"
                  aria-label="Model"
                  onChange={(e) => change(index, { model: e.currentTarget.value })}
                />
              </Table.Td>
              {RATES.map((r) => (
                <Table.Td key={r.key}>
                  <NumberInput
                    size="xs"
                    min={0}
                    decimalScale={6}
                    hideControls
                    readOnly={!owner}
                    aria-label={`${r.label} USD per million tokens`}
                    value={row.rates[r.key]}
                    onChange={(value) =>
                      change(index, { rates: { ...row.rates, [r.key]: value === '' ? '' : Number(value) } })
                    }
                  />
                </Table.Td>
              ))}
              <Table.Td>
                {owner && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove ${row.model || 'row'}`}
                    onClick={() => {
                      setSaved(false);
                      setRows((current) => current.filter((_, i) => i !== index));
                    }}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {owner && (
        <Group justify="space-between">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setRows((current) => [...current, { model: '', rates: emptyRates() }])}
          >
            Add model
          </Button>
          <Group gap="xs">
            {saved && (
              <Text size="sm" c="teal" data-testid="prices-saved">
                Saved
              </Text>
            )}
            <Button size="xs" onClick={() => void save()}>
              Save prices
            </Button>
          </Group>
        </Group>
      )}
    </>
  );
}
