// The modal's Deliverables tab: files (path copyable; on the desktop, shown in their folder; previewed for
// the owner), URLs (a new tab with no opener in a browser; the OS browser on the desktop; never fetched),
// artifacts.
import { Anchor, Button, Code, Group, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconEye, IconFile, IconFolderOpen, IconLink, IconPackage } from '@tabler/icons-react';
import { useState } from 'react';
import type { Deliverable } from '../../shared/entities.ts';
import { useBoard, useController } from '../app/context.tsx';
import { CopyValueButton } from './CopyValueButton.tsx';
import { lazyPart, MountWhen } from './lazy-part.tsx';
import { RelativeTime } from './RelativeTime.tsx';

/** Loads on first use, with the Markdown renderer behind it. */
const DeliverablePreview = lazyPart(() => import('./preview/DeliverablePreview.tsx'), 'DeliverablePreview');

const ICONS = { file: IconFile, url: IconLink, artifact: IconPackage } as const;

const isHttp = (value: string | null): value is string => !!value && /^https?:\/\//i.test(value);

function DeliverableRow({ d }: { d: Deliverable }) {
  const controller = useController();
  // The desktop window may not open new windows itself: main opens links and reveals files for it.
  const canOpen = useBoard((s) => s.host.canOpenDeliverables);
  // The server reads the file from the owner's disk; device tokens are refused, so they get no button.
  const canPreview = useBoard((s) => s.access.deviceId === null) && d.deliverable_type === 'file' && !!d.path;
  const [previewing, setPreviewing] = useState(false);
  const open = () => void controller.openDeliverable(d.task_id, d.id);
  const Icon = ICONS[d.deliverable_type];
  return (
    <Group align="flex-start" wrap="nowrap" data-testid="deliverable-item">
      <ThemeIcon
        variant="light"
        color="gray"
        size={32}
        radius="md"
        role="img"
        aria-label={d.deliverable_type}
      >
        <Icon size={18} stroke={1.75} aria-hidden />
      </ThemeIcon>
      <Stack gap={2} style={{ minWidth: 0 }}>
        {d.deliverable_type === 'url' && isHttp(d.path) ? (
          <Anchor
            href={d.path}
            target="_blank"
            rel="noopener noreferrer"
            fw={500}
            onClick={
              canOpen
                ? (e) => {
                    e.preventDefault();
                    open();
                  }
                : undefined
            }
          >
            {d.title}
          </Anchor>
        ) : (
          <Text fw={500}>{d.title}</Text>
        )}
        {d.path && d.deliverable_type !== 'url' && (
          <Group gap="xs" wrap="nowrap">
            <Code style={{ overflowWrap: 'anywhere' }}>{d.path}</Code>
            <CopyValueButton value={d.path} label="Copy path" size="compact-xs" />
            {canOpen && (
              <Button
                size="compact-xs"
                variant="light"
                onClick={open}
                leftSection={<IconFolderOpen size={12} aria-hidden />}
              >
                Show in folder
              </Button>
            )}
            {canPreview && (
              <Button
                size="compact-xs"
                variant="light"
                aria-expanded={previewing}
                onClick={() => setPreviewing((p) => !p)}
                leftSection={<IconEye size={12} aria-hidden />}
              >
                {previewing ? 'Hide preview' : 'Preview'}
              </Button>
            )}
          </Group>
        )}
        <MountWhen when={previewing}>
          {previewing && <DeliverablePreview id={d.id} title={d.title} />}
        </MountWhen>
        {d.description && (
          <Text size="sm" c="dimmed">
            {d.description}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          <RelativeTime iso={d.created_at} />
        </Text>
      </Stack>
    </Group>
  );
}

export function DeliverableList({ taskId }: { taskId: string }) {
  const deliverables = useBoard((s) => s.data.deliverables[taskId]);
  const loading = useBoard((s) => s.loading[taskId] ?? false);
  if (!deliverables?.length)
    return loading ? <Loader size="sm" /> : <Text c="dimmed">No deliverables yet.</Text>;
  return (
    <Stack gap="md">
      {deliverables.map((d) => (
        <DeliverableRow key={d.id} d={d} />
      ))}
    </Stack>
  );
}
