// Ctrl-Enter (Cmd-Enter on a Mac) sends a composer; plain Enter is a new line.
import type { KeyboardEvent } from 'react';

export const isSendKey = (event: KeyboardEvent) => event.key === 'Enter' && (event.ctrlKey || event.metaKey);

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** The hint under a composer, in this machine's words. */
export const sendKeyHint = () => (isMac() ? 'Cmd+Enter sends' : 'Ctrl+Enter sends');
