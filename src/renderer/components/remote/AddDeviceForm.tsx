// Name a device and choose what it may do; the server answers with its token (and the panel its link).
import { Button, Group, SegmentedControl, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { DeviceScope } from '../../../shared/devices.ts';

export function AddDeviceForm(props: { busy: boolean; onAdd: (name: string, scope: DeviceScope) => void }) {
  const [name, setName] = useState('');
  const [scope, setScope] = useState<DeviceScope>('read');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        props.onAdd(name.trim(), scope);
        setName('');
      }}
    >
      <Group gap="xs" align="end" wrap="nowrap">
        <TextInput
          label="Add a device"
          placeholder="e.g. iPad, living-room laptop"
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <SegmentedControl
          aria-label="What the device may do"
          value={scope}
          onChange={(value) => setScope(value as DeviceScope)}
          data={[
            { value: 'read', label: 'Read-only' },
            { value: 'write', label: 'Read & write' },
          ]}
        />
        <Button
          type="submit"
          loading={props.busy}
          disabled={!name.trim()}
          leftSection={<IconPlus size={16} aria-hidden />}
        >
          Add
        </Button>
      </Group>
    </form>
  );
}
