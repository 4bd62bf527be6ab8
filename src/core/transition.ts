import type {DialerCommand} from '../protocol/index.js';
import type {CampaignState} from './state.js';

/** What one input does: the next state, and the commands for the dialer. */
export interface Transition {
  readonly state: CampaignState;
  readonly commands: readonly DialerCommand[];
}

export const unchanged = (state: CampaignState): Transition => ({state, commands: []});
