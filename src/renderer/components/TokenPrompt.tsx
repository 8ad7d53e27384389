// Asked when the browser has no valid session: paste the token once; it becomes an HttpOnly cookie.
import { Alert, Button, Center, Code, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';

export function TokenPrompt({ onSubmit }: { onSubmit: (token: string) => Promise<void> }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(token);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Center h="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" maw={460} w="100%">
        <form onSubmit={submit}>
          <Stack>
            <Title order={3}>Mission Control</Title>
            <Text size="sm">
              This board needs the server's access token. Open the link that <Code>npm run serve</Code>{' '}
              printed (it ends in <Code>#token=…</Code>), or paste the token from the <Code>token</Code> file
              in the data directory.
            </Text>
            <PasswordInput
              label="Access token"
              value={token}
              onChange={(e) => setToken(e.currentTarget.value)}
              autoFocus
              data-testid="token-input"
            />
            {error && <Alert color="red">{error}</Alert>}
            <Button type="submit" loading={busy} disabled={!token.trim()}>
              Connect
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
