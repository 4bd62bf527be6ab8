/**
 * The situation a campaign is in, as its pages must see it: the campaign's
 * own events and the commands it ran, folded through the kit's machine. Its
 * snapshot (protocol 1.1) is what a page gets when it connects or subscribes,
 * instead of a replay of everything so far: its size depends on the
 * situation, not on how long the campaign has run.
 */
import type {Intent} from '../../core/intents.js';
import {transition} from '../../core/machine.js';
import {applySnapshot, snapshotOf} from '../../core/snapshot.js';
import {initialState, type Capabilities, type CampaignState} from '../../core/state.js';
import {PROTOCOL_VERSION, parseDialerEvent, type DialerCommand, type Snapshot} from '../../protocol/index.js';

export class CampaignMirror {
  private state: CampaignState;

  constructor(capabilities: Capabilities) {
    this.state = initialState(capabilities);
  }

  /** An event the campaign raised. */
  event(raw: unknown, now: number): void {
    const parsed = parseDialerEvent(raw);
    if (parsed.ok) this.state = transition(this.state, {kind: 'event', event: parsed.value}, now).state;
  }

  /** A command the campaign is about to run: what the agent did, pending until its events come. */
  command(command: DialerCommand, now: number): void {
    this.state = transition(this.state, {kind: 'intent', intent: intentOf(command)}, now).state;
  }

  /** Takes the situation of an earlier snapshot of the same campaign (a journal's, on resume). */
  restore(snapshot: Snapshot, now: number): void {
    this.state = applySnapshot(this.state, snapshot, now);
  }

  snapshot(): Snapshot {
    return {...snapshotOf(this.state), v: PROTOCOL_VERSION};
  }
}

function intentOf(command: DialerCommand): Intent {
  switch (command.type) {
    case 'request-contact':
      return {type: 'request-contact'};
    case 'answer-reservation':
      return {type: 'answer-reservation', reservationId: command.reservationId};
    case 'accept':
      return {type: 'accept', offerId: command.offerId, phoneNumber: command.phoneNumber};
    case 'skip':
      return {type: 'skip', offerId: command.offerId, ...(command.reason === undefined ? {} : {reason: command.reason})};
    case 'remove':
      return {type: 'remove', offerId: command.offerId, ...(command.doNotCall === undefined ? {} : {doNotCall: command.doNotCall})};
    case 'leave-campaign':
      return {type: 'leave', offerId: command.offerId ?? ''};
    case 'cancel-call':
      return {type: 'cancel-call', callId: command.callId};
    case 'end-call':
      return {type: 'end-call', callId: command.callId};
    case 'voicemail-left':
      return {type: 'voicemail-left', callId: command.callId};
    case 'set-disposition':
      return {
        type: 'set-disposition',
        callId: command.callId,
        code: command.code,
        ...(command.note === undefined ? {} : {note: command.note}),
      };
    case 'schedule-callback': {
      const request = {at: command.at, phoneNumber: command.phoneNumber, backToMe: command.backToMe};
      return command.callId === undefined
        ? {type: 'schedule-callback', offerId: command.offerId ?? '', ...request}
        : {type: 'schedule-callback', callId: command.callId, ...request};
    }
    case 'set-agent-state':
      return {type: 'set-agent-state', state: command.state, ...(command.reason === undefined ? {} : {reason: command.reason})};
  }
}
