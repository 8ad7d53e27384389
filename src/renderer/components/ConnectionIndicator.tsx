// Live / reconnecting / offline, from the backend's own connection state.
import { Badge } from '@mantine/core';
import { useBoard } from '../app/context.tsx';
import { Hint } from './Hint.tsx';

const LOOK = {
  live: { color: 'green', label: 'Live', hint: 'Changes appear as they happen' },
  connecting: { color: 'yellow', label: 'Connecting', hint: 'Opening the event stream' },
  reconnecting: {
    color: 'orange',
    label: 'Reconnecting',
    hint: 'Lost the server; retrying and will catch up',
  },
  offline: { color: 'red', label: 'Offline', hint: 'The server cannot be reached; still retrying' },
} as const;

export function ConnectionIndicator() {
  const state = useBoard((s) => s.connection);
  const look = LOOK[state];
  return (
    <Hint label={look.hint}>
      <Badge
        color={look.color}
        variant="dot"
        size="lg"
        data-testid="connection"
        data-state={state}
        role="status"
      >
        {look.label}
      </Badge>
    </Hint>
  );
}
