// Says, in the header, that this device can watch but not change anything.
import { Badge } from '@mantine/core';
import { useBoard } from '../../app/context.tsx';
import { Hint } from '../Hint.tsx';

export const useReadOnly = () => useBoard((s) => s.access.scope === 'read');

export function ReadOnlyBadge() {
  if (!useReadOnly()) return null;
  return (
    <Hint label="This device has a read-only token: it follows the board live but cannot change it">
      <Badge color="gray" variant="outline" data-testid="read-only-badge">
        Read-only
      </Badge>
    </Hint>
  );
}
