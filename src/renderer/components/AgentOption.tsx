// An agent in a picker (assignee, reassign): its avatar, marked as one (the emoji, or the initial where the
// emoji would be an empty box), then its name.
import type { SelectProps } from '@mantine/core';
import type { Agent } from '../../shared/entities.ts';
import { avatarText } from './avatar-text.ts';

export const agentOptionRenderer =
  (agents: Record<string, Agent>): SelectProps['renderOption'] =>
  ({ option }) => {
    const agent = agents[option.value];
    return (
      <span className="mc-agent-option">
        {agent && (
          <span className="mc-option-avatar" data-avatar aria-hidden>
            {avatarText(agent)}
          </span>
        )}
        {option.label}
      </span>
    );
  };
