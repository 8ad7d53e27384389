// A file deliverable's contents, read from the owner's disk by the server (GET
// /api/deliverables/:id/preview): text, pretty-printed JSON, Markdown (loaded on first use, its HTML
// shown as text), images. Loaded when opened; the server's refusal (too large, a directory) is shown.
import { Alert, Code, Image, Loader, Paper, ScrollArea, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { DeliverablePreview as Preview } from '../../../shared/search.ts';
import { useController } from '../../app/context.tsx';
import { lazyPart } from '../lazy-part.tsx';

const MarkdownView = lazyPart(() => import('./MarkdownView.tsx'), 'MarkdownView');

const pretty = (json: string) => {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
};

function Body({ preview, title }: { preview: Preview; title: string }) {
  const content = preview.content ?? '';
  if (preview.kind === 'image' && preview.data_url?.startsWith('data:image/'))
    return <Image src={preview.data_url} alt={title} fit="contain" mah={400} w="auto" />;
  if (preview.kind === 'markdown') return <MarkdownView source={content} />;
  return (
    <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {preview.kind === 'json' ? pretty(content) : content}
    </Code>
  );
}

export function DeliverablePreview({ id, title }: { id: string; title: string }) {
  const controller = useController();
  const [state, setState] = useState<{ preview?: Preview; error?: string }>({});
  useEffect(() => {
    let current = true;
    controller.search
      .preview(id)
      .then((preview) => current && setState({ preview }))
      .catch(
        (error: unknown) =>
          current && setState({ error: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      current = false;
    };
  }, [controller, id]);
  if (state.error)
    return (
      <Alert color="yellow" variant="light" title="No preview" data-testid="preview-error">
        {state.error}
      </Alert>
    );
  if (!state.preview) return <Loader size="sm" aria-label="Loading the preview" />;
  return (
    <Paper withBorder radius="sm" p="xs" data-testid="deliverable-preview" data-kind={state.preview.kind}>
      <ScrollArea.Autosize mah={420} type="auto">
        <Body preview={state.preview} title={title} />
      </ScrollArea.Autosize>
      <Text size="xs" c="dimmed" mt={4}>
        {state.preview.mime} · {state.preview.size.toLocaleString('en-US')} bytes
      </Text>
    </Paper>
  );
}
