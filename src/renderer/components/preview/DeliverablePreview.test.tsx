// The Preview button of file deliverables: owner only, Markdown without its HTML, JSON pretty-printed,
// images, and the server's refusal shown.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DeliverablePreview } from '../../../shared/search.ts';
import { BackendError } from '../../backend/backend.ts';
import { FakeBackend } from '../../fake-backend.ts';
import { renderBoard } from '../../render-board.tsx';
import { emptyBoard } from '../../store/board-data.ts';
import { aDeliverable, aTask } from '../../test-fixtures.ts';
import { DeliverableList } from '../DeliverableList.tsx';

const deliverables = [
  aDeliverable({ id: 'd1', deliverable_type: 'url', title: 'PR', path: 'https://example.com/pr' }),
  aDeliverable({ id: 'd2', deliverable_type: 'file', title: 'Report', path: '/tmp/report.md' }),
];
const view = (answer: (id: string) => DeliverablePreview, deviceId: string | null = null) => {
  const backend = new FakeBackend();
  backend.handlers['deliverables.preview'] = (input) => answer((input as { id: string }).id);
  const state = { data: { ...emptyBoard(), tasks: { t1: aTask() }, deliverables: { t1: deliverables } } };
  return renderBoard(
    <DeliverableList taskId="t1" />,
    { ...state, access: { scope: 'read', deviceId } },
    backend,
  );
};
const markdown = (content: string): DeliverablePreview => ({
  kind: 'markdown',
  mime: 'text/markdown',
  size: content.length,
  content,
});

describe('deliverable preview', () => {
  it('renders Markdown with its raw HTML as text: no script or img element is created', async () => {
    const source =
      '# Findings\n\nSee <img src=x onerror="window.pwned=1"> here.\n\n<script>window.pwned=2</script>\n\n![chart](https://tracker.example/pixel.png)';
    const { backend } = view(() => markdown(source));
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = await screen.findByTestId('markdown-preview');
    expect(backend.calls.find((c) => c.command === 'deliverables.preview')?.input).toEqual({ id: 'd2' });
    expect(screen.getByRole('heading', { name: 'Findings' })).toBeInTheDocument();
    expect(preview).toHaveTextContent('See <img src=x onerror="window.pwned=1"> here.');
    expect(preview).toHaveTextContent('<script>window.pwned=2</script>');
    expect(preview.querySelector('img, script')).toBeNull();
    expect(preview).toHaveTextContent('[image: chart https://tracker.example/pixel.png]');
    expect((window as { pwned?: number }).pwned).toBeUndefined();
    await userEvent.click(screen.getByRole('button', { name: 'Hide preview' }));
    expect(screen.queryByTestId('markdown-preview')).not.toBeInTheDocument();
  });

  it('pretty-prints JSON, shows text as text, and shows images from their data URL', async () => {
    let next: DeliverablePreview = { kind: 'json', mime: 'application/json', size: 9, content: '{"a":[1]}' };
    view(() => next);
    const button = screen.getByRole('button', { name: 'Preview' });
    await userEvent.click(button);
    await screen.findByTestId('deliverable-preview');
    expect(screen.getByTestId('deliverable-preview').querySelector('pre')?.textContent).toBe(
      '{\n  "a": [\n    1\n  ]\n}',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Hide preview' }));
    next = { kind: 'text', mime: 'text/plain', size: 12, content: '<b>bold</b>' };
    await userEvent.click(button);
    expect((await screen.findByTestId('deliverable-preview')).querySelector('b')).toBeNull();
    expect(screen.getByTestId('deliverable-preview')).toHaveTextContent('<b>bold</b>');
    await userEvent.click(screen.getByRole('button', { name: 'Hide preview' }));
    next = { kind: 'image', mime: 'image/png', size: 3, data_url: 'data:image/png;base64,AAAA' };
    await userEvent.click(button);
    expect(await screen.findByRole('img', { name: 'Report' })).toHaveAttribute(
      'src',
      'data:image/png;base64,AAAA',
    );
  });

  it('shows the server’s refusal, and offers no preview to a device or for a URL', async () => {
    view(() => {
      throw new BackendError('too_large', 'the file is larger than 1048576 bytes (2000000)', 413);
    });
    expect(screen.getAllByRole('button', { name: 'Preview' })).toHaveLength(1); // the file, not the URL
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await screen.findByTestId('preview-error')).toHaveTextContent('larger than 1048576 bytes');
  });

  it('offers no preview on a device token', () => {
    view(() => markdown('x'), 'device-1');
    expect(screen.queryByRole('button', { name: 'Preview' })).not.toBeInTheDocument();
  });
});
