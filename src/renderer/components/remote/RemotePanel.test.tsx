import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Device } from '../../../shared/devices.ts';
import type { RemoteStatus } from '../../../shared/remote.ts';
import { renderBoard } from '../../render-board.tsx';
import { BoardToolbar } from '../BoardToolbar.tsx';
import { ReadOnlyBadge } from './ReadOnlyBadge.tsx';
import { RemoteButton } from './RemoteButton.tsx';

const LAN = 'http://192.168.1.20:4000';

/** A backend that behaves like the server's /api/remote and /api/devices for the owner. */
function serverLike(backend: import('../../fake-backend.ts').FakeBackend) {
  let status: RemoteStatus = { enabled: false, urls: [], addresses: ['192.168.1.20'], fixed: false };
  const devices: Device[] = [];
  backend.handlers['remote.status'] = () => status;
  backend.handlers['remote.set'] = (input) => {
    const { enabled } = input as { enabled: boolean };
    status = { ...status, enabled, urls: enabled ? [LAN] : [] };
    return status;
  };
  backend.handlers['devices.list'] = () => structuredClone(devices);
  backend.handlers['devices.create'] = (input) => {
    const { name, scope } = input as { name: string; scope: 'read' | 'write' };
    const device: Device = {
      id: `d${devices.length + 1}`,
      name,
      scope,
      created_at: '2026-01-31T12:00:00.000Z',
      last_used_at: null,
      revoked_at: null,
    };
    devices.push(device);
    return { device, token: 'mcd_secret+/=' };
  };
  backend.handlers['devices.revoke'] = (input) => {
    const device = devices.find((d) => d.id === (input as { id: string }).id);
    if (device) device.revoked_at = '2026-01-31T12:05:00.000Z';
    return { id: device?.id };
  };
}

describe('Other devices panel', () => {
  it('switches LAN access on, issues a read-only device with its link and QR code, and revokes it', async () => {
    const user = userEvent.setup();
    const view = renderBoard(<RemoteButton />);
    serverLike(view.backend);
    await user.click(screen.getByRole('button', { name: 'Other devices' }));
    const toggle = await screen.findByRole('switch', { name: /Allow other devices on my network/ });
    expect(toggle).not.toBeChecked();
    expect(screen.getByText(/On, it listens on 192\.168\.1\.20/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Add a device')).not.toBeInTheDocument();

    await user.click(toggle);
    await waitFor(() => expect(toggle).toBeChecked());
    expect(view.backend.calls).toContainEqual({ command: 'remote.set', input: { enabled: true } });
    expect(screen.getByTestId('remote-urls')).toHaveTextContent(LAN);

    await user.type(screen.getByLabelText('Add a device'), 'iPad');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    const issued = await screen.findByTestId('issued-device');
    expect(view.backend.calls).toContainEqual({
      command: 'devices.create',
      input: { name: 'iPad', scope: 'read' },
    });
    const link = `${LAN}/#token=${encodeURIComponent('mcd_secret+/=')}`;
    expect(within(issued).getByTestId('device-link')).toHaveValue(link);
    const qr = await within(issued).findByRole('img', { name: 'QR code of the link for iPad' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(within(issued).getByRole('button', { name: 'Copy' })).toBeInTheDocument();

    const row = screen.getByTestId('device-row');
    expect(row).toHaveTextContent('iPad');
    expect(row).toHaveAttribute('data-revoked', 'false');
    await user.click(screen.getByRole('button', { name: 'Revoke iPad' }));
    await waitFor(() => expect(screen.getByTestId('device-row')).toHaveAttribute('data-revoked', 'true'));
    // The token shown once goes away with the device it belonged to.
    expect(screen.queryByTestId('issued-device')).not.toBeInTheDocument();
  });

  it('shows what the server refused, in words', async () => {
    const user = userEvent.setup();
    const view = renderBoard(<RemoteButton />);
    serverLike(view.backend);
    view.backend.handlers['remote.set'] = () => {
      throw new Error('This machine has no network address other devices could reach');
    };
    await user.click(screen.getByRole('button', { name: 'Other devices' }));
    await user.click(await screen.findByRole('switch', { name: /Allow other devices on my network/ }));
    expect(await screen.findByTestId('remote-error')).toHaveTextContent(/no network address/);
  });

  it('is hidden from devices, and a read-only device sees a badge and no New task button', () => {
    const access = { scope: 'read' as const, deviceId: 'd1' };
    renderBoard(
      <>
        <ReadOnlyBadge />
        <RemoteButton />
        <BoardToolbar />
      </>,
      { access },
    );
    expect(screen.getByTestId('read-only-badge')).toHaveTextContent('Read-only');
    expect(screen.queryByRole('button', { name: 'Other devices' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /New task/ })).not.toBeInTheDocument();
  });

  it('shows the owner no badge and every control', () => {
    renderBoard(
      <>
        <ReadOnlyBadge />
        <RemoteButton />
        <BoardToolbar />
      </>,
    );
    expect(screen.queryByTestId('read-only-badge')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Other devices' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /New task/ })).toBeInTheDocument();
  });
});
