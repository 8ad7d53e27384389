// The attention list in the bell's popover: what needs a person now, oldest first, with actions.
import { ScrollArea, Text } from '@mantine/core';
import { useBoard } from '../app/context.tsx';
import { AttentionItemRow } from './AttentionItemRow.tsx';
import { WebNotificationSwitch } from './WebNotificationSwitch.tsx';

/** A board with thousands of tasks in review would otherwise render them all in the popover. */
const SHOWN = 50;

export function AttentionPanel({ onOpenTask }: { onOpenTask: () => void }) {
  const items = useBoard((s) => s.attention.items);
  const loaded = useBoard((s) => s.attention.loaded);
  return (
    <div data-testid="attention-panel">
      <div className="mc-attention-head">
        <Text fw={600} size="sm">
          Needs you
        </Text>
        <Text size="xs" c="dimmed">
          {items.length ? `${items.length} item${items.length === 1 ? '' : 's'}` : ''}
        </Text>
      </div>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm" px="md" py="lg" ta="center" data-testid="attention-empty">
          {loaded
            ? 'Nothing needs you right now. Reviews, silent or failed sessions and expired leases show up here.'
            : 'Loading…'}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={420} type="auto">
          {items.slice(0, SHOWN).map((item) => (
            <AttentionItemRow key={item.key} item={item} onOpenTask={onOpenTask} />
          ))}
          {items.length > SHOWN && (
            <Text size="xs" c="dimmed" px="md" py="xs">
              and {items.length - SHOWN} more
            </Text>
          )}
        </ScrollArea.Autosize>
      )}
      <div className="mc-attention-foot">
        <WebNotificationSwitch />
      </div>
    </div>
  );
}
