// Header button and Ctrl/Cmd-K for the command palette, which loads on first use.
import { ActionIcon } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useBoard, useBoardStore } from '../../app/context.tsx';
import { setUi } from '../../store/store.ts';
import { Hint } from '../Hint.tsx';
import { lazyPart, MountWhen } from '../lazy-part.tsx';

const CommandPalette = lazyPart(() => import('./CommandPalette.tsx'), 'CommandPalette');

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function SearchButton() {
  const store = useBoardStore();
  const open = useBoard((s) => s.ui.paletteOpen);
  const show = () => setUi(store, { paletteOpen: true });
  // Also from inside a text field: no field of the board uses the combination itself.
  useHotkeys([['mod+K', show]], []);
  return (
    <>
      <Hint label={`Search everything (${isMac ? 'Cmd' : 'Ctrl'}-K)`}>
        <ActionIcon variant="default" size="lg" aria-label="Search everything" onClick={show}>
          <IconSearch size={18} stroke={1.75} aria-hidden />
        </ActionIcon>
      </Hint>
      <MountWhen when={open}>
        <CommandPalette />
      </MountWhen>
    </>
  );
}
