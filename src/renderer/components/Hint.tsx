// A hover and keyboard-focus hint drawn by CSS (styles.css `.mc-hint`): the header's tooltips, without a
// positioning library in the board's first chunk. The element it wraps keeps its own accessible name.
import type { ReactNode } from 'react';

export function Hint(props: { label: string; align?: 'center' | 'end'; children: ReactNode }) {
  return (
    <span className="mc-hint" data-hint={props.label} data-align={props.align ?? 'center'}>
      {props.children}
    </span>
  );
}
