// The foot of a column that holds only part of its tasks (Done): a loader while a page comes, else a button.
import { Button, Group, Loader } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';

export interface ColumnPaging {
  /** More tasks exist on the server than the column holds. */
  more: boolean;
  loading: boolean;
  /** Load the next page when the list is scrolled near its end (off while a filter narrows it). */
  auto: boolean;
  /** `auto`: asked by scrolling, not by the button. */
  onMore: (auto: boolean) => void;
}

export function ColumnMore({ paging }: { paging: ColumnPaging }) {
  if (!paging.more) return null;
  return (
    <Group justify="center" py={8} data-testid="column-more">
      {paging.loading ? (
        <Loader size="xs" aria-label="Loading older tasks" />
      ) : (
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconChevronDown size={14} />}
          onClick={() => paging.onMore(false)}
        >
          Older tasks
        </Button>
      )}
    </Group>
  );
}
