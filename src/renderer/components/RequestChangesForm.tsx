// The small composer behind "Request changes": what should change, sent as the operator's comment.
import { Button, Group, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useController } from '../app/context.tsx';
import { isSendKey, sendKeyHint } from './send-key.ts';

interface Props {
  taskId: string;
  /** After the task went back to its assignee. */
  onDone: () => void;
  onCancel: () => void;
}

export function RequestChangesForm({ taskId, onDone, onCancel }: Props) {
  const controller = useController();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const body = text.trim();

  // A refusal is a notice (as for moves); the text stays for another try.
  const send = async () => {
    if (!body || busy) return;
    setBusy(true);
    const sent = await controller.reviewTask(taskId, 'request_changes', body);
    setBusy(false);
    if (sent) onDone();
  };

  return (
    <form
      data-testid="request-changes-form"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <Textarea
        label="What should change?"
        description={`The assignee gets it as a comment and the task back. ${sendKeyHint()}.`}
        placeholder="Add a test for the empty file…"
        autosize
        minRows={2}
        maxRows={6}
        size="xs"
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (!isSendKey(event)) return;
          event.preventDefault();
          void send();
        }}
        data-autofocus
        autoFocus
      />
      <Group justify="flex-end" gap="xs" mt="xs">
        <Button size="xs" variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button size="xs" type="submit" loading={busy} disabled={!body}>
          Request changes
        </Button>
      </Group>
    </form>
  );
}
