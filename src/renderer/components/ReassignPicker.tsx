// Gives a task that lost its lease to an agent (assigned to it, status assigned), then clears the item.
import { Button, Group, Select } from '@mantine/core';
import { useState } from 'react';
import { useBoard, useController } from '../app/context.tsx';
import { selectAgents } from '../store/selectors.ts';
import { agentOptionRenderer } from './AgentOption.tsx';

interface Props {
  taskId: string;
  onDone: () => void;
  onCancel: () => void;
}

const PRESENCE = { online: ' · online', away: ' · away', offline: ' · offline', unknown: '' } as const;

export function ReassignPicker({ taskId, onDone, onCancel }: Props) {
  const controller = useController();
  const agents = useBoard(selectAgents);
  const agentsById = useBoard((s) => s.data.agents);
  const current = useBoard((s) => s.data.tasks[taskId]?.assigned_agent_id ?? null);
  const [agentId, setAgentId] = useState<string | null>(current);
  const [busy, setBusy] = useState(false);

  const assign = async () => {
    if (!agentId) return;
    setBusy(true);
    const done = await controller.reassignTask(taskId, agentId);
    setBusy(false);
    if (done) onDone();
  };

  return (
    <Group gap={6} mt={6} wrap="nowrap" data-testid="reassign-picker">
      <Select
        aria-label="Assign to"
        placeholder="Pick an agent"
        size="xs"
        searchable
        data={agents.map((a) => ({ value: a.id, label: a.name + PRESENCE[a.presence] }))}
        renderOption={agentOptionRenderer(agentsById)}
        value={agentId}
        onChange={setAgentId}
        nothingFoundMessage="No such agent"
        // Inside the bell's popover: a portal would count as a click outside and close it.
        comboboxProps={{ withinPortal: false }}
        style={{ flex: 1, minWidth: 0 }}
      />
      <Button size="xs" onClick={() => void assign()} loading={busy} disabled={!agentId}>
        Assign
      </Button>
      <Button size="xs" variant="subtle" color="gray" onClick={onCancel}>
        Cancel
      </Button>
    </Group>
  );
}
