// Writes the operator's comment on a task; Ctrl/Cmd-Enter sends. A refusal is shown here, the text kept.
import { Alert, Button, Group, Text, Textarea } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useController } from '../app/context.tsx';
import { isSendKey, sendKeyHint } from './send-key.ts';

export function CommentComposer({ taskId }: { taskId: string }) {
  const controller = useController();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const body = text.trim();

  const send = async () => {
    if (!body || busy) return;
    setBusy(true);
    setError(null);
    try {
      await controller.addComment(taskId, body);
      setText('');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <Textarea
        aria-label="Comment"
        placeholder="Write to the agent working on this task…"
        autosize
        minRows={2}
        maxRows={8}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (!isSendKey(event)) return;
          event.preventDefault();
          void send();
        }}
      />
      {error && (
        <Alert color="red" mt="xs" data-testid="comment-error">
          {error}
        </Alert>
      )}
      <Group justify="space-between" mt="xs">
        <Text size="xs" c="dimmed">
          {sendKeyHint()}
        </Text>
        <Button
          type="submit"
          size="xs"
          leftSection={<IconSend size={14} aria-hidden />}
          loading={busy}
          disabled={!body}
        >
          Comment
        </Button>
      </Group>
    </form>
  );
}
