// Renderer entry: pick the backend, settle browser auth, start the bootstrap, render the board.
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { createRoot } from 'react-dom/client';
import { establishSession, submitToken } from './app/auth.ts';
import { createController } from './app/bootstrap.ts';
import { BoardProvider } from './app/context.tsx';
import type { IpcBackend } from './backend/ipc-backend.ts';
import { selectBackend } from './backend/select-backend.ts';
import { App } from './components/App.tsx';
import { createBoardStore } from './store/store.ts';
import { theme } from './theme.ts';

const { backend, kind } = selectBackend();
const store = createBoardStore();
const controller = createController(backend, store);

async function init(): Promise<void> {
  if (kind === 'ipc') {
    store.setState({ auth: 'ok' });
    // A clicked native notification asks the board to open its task (main → mc:open-task).
    (backend as IpcBackend).onOpenTask((id) => controller.openTask(id));
    controller.start();
    return;
  }
  try {
    const auth = await establishSession();
    store.setState({ auth });
    if (auth === 'ok') controller.start();
  } catch {
    // The server is not answering yet: keep asking, the indicator says so.
    store.setState({ connection: 'offline' });
    setTimeout(init, 2_000);
  }
}

const onToken = async (token: string) => {
  await submitToken(token);
  store.setState({ auth: 'ok' });
  controller.start();
};

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <BoardProvider store={store} controller={controller}>
        <App origin={window.location.origin} onToken={onToken} />
      </BoardProvider>
    </MantineProvider>,
  );
void init();
