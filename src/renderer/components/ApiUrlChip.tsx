// The desktop header's "API: http://127.0.0.1:4000", one click to copy: agents need it and the port may vary.
import { Button, CopyButton } from '@mantine/core';
import { useBoard } from '../app/context.tsx';
import { Hint } from './Hint.tsx';

export function ApiUrlChip() {
  const apiUrl = useBoard((s) => s.host.apiUrl);
  if (!apiUrl) return null; // a browser's API is the page's own origin; '' means it is not running
  return (
    <CopyButton value={apiUrl}>
      {({ copied, copy }) => (
        <Hint label={copied ? 'Copied' : 'Copy the agent API URL'}>
          <Button size="compact-xs" variant="default" ff="monospace" onClick={copy} data-testid="api-url">
            API: {apiUrl}
          </Button>
        </Hint>
      )}
    </CopyButton>
  );
}
