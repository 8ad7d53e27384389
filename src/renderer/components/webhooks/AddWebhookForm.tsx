// Add a webhook: its URL, and optionally one agent whose news it receives and which event types.
import { Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { EVENT_TYPES, type EventType } from '../../../shared/events.ts';
import type { WebhookCreate } from '../../../shared/webhooks.ts';
import { useBoard } from '../../app/context.tsx';
import { selectAgents } from '../../store/selectors.ts';

export function AddWebhookForm(props: { busy: boolean; onAdd: (input: WebhookCreate) => void }) {
  const [url, setUrl] = useState('');
  const [agentId, setAgentId] = useState<string | null>(null);
  const [events, setEvents] = useState<EventType[]>([]);
  const agents = useBoard(selectAgents);
  const options = agents.map((a) => ({ value: a.id, label: a.name }));
  const submit = () => {
    const trimmed = url.trim();
    if (!trimmed) return;
    props.onAdd({ url: trimmed, events, ...(agentId ? { agent_id: agentId } : {}) });
    setUrl('');
    setAgentId(null);
    setEvents([]);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Group gap="xs" align="end" wrap="wrap">
        <TextInput
          label="URL"
          placeholder="https://runner.example.com/hooks"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          style={{ flex: 2, minWidth: 220 }}
          data-testid="webhook-url"
        />
        <Select
          label="Only the news of"
          placeholder="Every event"
          data={options}
          value={agentId}
          onChange={setAgentId}
          clearable
          style={{ flex: 1, minWidth: 160 }}
        />
        <MultiSelect
          label="Event types"
          placeholder={events.length ? undefined : 'All'}
          data={[...EVENT_TYPES]}
          value={events}
          onChange={(picked) => setEvents(picked as EventType[])}
          searchable
          clearable
          style={{ flex: 1, minWidth: 160 }}
          data-testid="webhook-events"
        />
        <Button
          type="submit"
          disabled={props.busy || !url.trim()}
          leftSection={<IconPlus size={16} aria-hidden />}
        >
          Add webhook
        </Button>
      </Group>
    </form>
  );
}
