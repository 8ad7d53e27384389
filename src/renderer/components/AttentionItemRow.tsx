// One item of the attention list with its one-click actions: open, approve / request changes (review),
// reassign (lease expired, stuck), dismiss.
import { ActionIcon, Button, Group, Text, ThemeIcon } from '@mantine/core';
import {
  IconAlertTriangle,
  IconClockX,
  IconCoin,
  IconEye,
  IconHeartbeat,
  IconRepeat,
  IconWebhook,
  IconX,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { AttentionItem } from '../../shared/entities.ts';
import type { AttentionKind } from '../../shared/enums.ts';
import { useController } from '../app/context.tsx';
import { ReassignPicker } from './ReassignPicker.tsx';
import { RelativeTime } from './RelativeTime.tsx';
import { RequestChangesForm } from './RequestChangesForm.tsx';
import { useReadOnly } from './remote/ReadOnlyBadge.tsx';

const KINDS: Record<AttentionKind, { icon: typeof IconEye; color: string; label: string }> = {
  review: { icon: IconEye, color: 'blue', label: 'Review' },
  stale_session: { icon: IconHeartbeat, color: 'yellow', label: 'Silent session' },
  failed_session: { icon: IconAlertTriangle, color: 'red', label: 'Failed session' },
  lease_expired: { icon: IconClockX, color: 'orange', label: 'Lease expired' },
  stuck: { icon: IconRepeat, color: 'red', label: 'Stuck' },
  over_budget: { icon: IconCoin, color: 'grape', label: 'Over budget' },
  webhook_failing: { icon: IconWebhook, color: 'red', label: 'Webhook failing' },
};

type Mode = 'actions' | 'changes' | 'reassign';

export function AttentionItemRow({ item, onOpenTask }: { item: AttentionItem; onOpenTask: () => void }) {
  const controller = useController();
  const readOnly = useReadOnly();
  const [mode, setMode] = useState<Mode>('actions');
  const kind = KINDS[item.kind] ?? { icon: IconAlertTriangle, color: 'gray', label: item.kind };
  const Icon = kind.icon;
  const taskId = item.task_id;
  const canReassign = item.kind === 'lease_expired' || item.kind === 'stuck';

  return (
    <div className="mc-attention-row" data-testid="attention-item" data-kind={item.kind} data-key={item.key}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <ThemeIcon variant="light" color={kind.color} radius="xl" size={28}>
          <Icon size={16} stroke={1.75} aria-hidden />
        </ThemeIcon>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {item.message}
          </Text>
          <Text size="xs" c="dimmed">
            {kind.label} · <RelativeTime iso={item.since} />
          </Text>
          {mode === 'actions' && (
            <Group gap={6} mt={6}>
              {taskId && (
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() => {
                    onOpenTask();
                    controller.openTask(taskId);
                  }}
                >
                  Open
                </Button>
              )}
              {!readOnly && item.kind === 'review' && taskId && (
                <>
                  <Button
                    size="compact-xs"
                    color="green"
                    onClick={() => void controller.reviewTask(taskId, 'approve')}
                  >
                    Approve
                  </Button>
                  <Button size="compact-xs" variant="default" onClick={() => setMode('changes')}>
                    Request changes
                  </Button>
                </>
              )}
              {!readOnly && canReassign && taskId && (
                <Button size="compact-xs" variant="default" onClick={() => setMode('reassign')}>
                  Reassign
                </Button>
              )}
            </Group>
          )}
          {mode === 'changes' && taskId && (
            <div style={{ marginTop: 6 }}>
              <RequestChangesForm
                taskId={taskId}
                onDone={() => setMode('actions')}
                onCancel={() => setMode('actions')}
              />
            </div>
          )}
          {mode === 'reassign' && taskId && (
            <ReassignPicker
              taskId={taskId}
              onDone={() => void controller.dismissAttention(item.key)}
              onCancel={() => setMode('actions')}
            />
          )}
        </div>
        {!readOnly && (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label="Dismiss"
            title="Dismiss until it changes again"
            onClick={() => void controller.dismissAttention(item.key)}
          >
            <IconX size={14} aria-hidden />
          </ActionIcon>
        )}
      </Group>
    </div>
  );
}
