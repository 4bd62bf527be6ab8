import type {CpaResult, TimeoutAction} from '../protocol/index.js';
import type {CampaignButtonReason, TaskStatus} from '../core/views.js';
import type {Isolated} from './isolate.js';

/**
 * Every string the kit shows or announces. Hosts may override any of them per
 * instance. Text from the dialer comes in `Isolated` (see `isolate`).
 */
export interface Messages {
  campaign: string;
  /** What the Campaign button does now, or why it cannot (its accessible description and tooltip). */
  campaignButtonReasons: Record<CampaignButtonReason, string>;
  campaignContact: string;
  reservationTitle: string;
  reservationText: (campaign: Isolated) => string;
  directHint: string;
  answer: string;
  waitingForContact: string;
  accept: string;
  skip: string;
  remove: string;
  leave: string;
  phoneNumbers: string;
  details: string;
  countdown: (action: TimeoutAction, time: string) => string;
  countdownDue: (action: TimeoutAction) => string;
  /** `seconds` for choosing a plural form, `formatted` to show. */
  countdownAnnouncement: (action: TimeoutAction, seconds: number, formatted: string) => string;
  attemptFailed: (contact: Isolated, reason: Isolated) => string;
  nextContact: string;
  limitTitle: string;
  acceptBlockedByLimit: string;
  dismiss: string;
  errorTitle: string;
  /** In place of a part of the dialog or the card that could not be shown. */
  partUnavailable: string;
  invalidEvent: string;
  campaignCall: string;
  contactIcon: string;
  elapsed: string;
  status: Record<TaskStatus, string>;
  cancelCall: string;
  /** The Cancel button's accessible name: which call it cancels. */
  cancelCallTo: (contact: Isolated) => string;
  cancelling: string;
  voicemailPrompt: string;
  voicemailLeft: string;
  voicemailDone: string;
  /** Announced when an answering machine is reached (R-U6): what to do. */
  voicemailAnnouncement: string;
  failReason: (reason: Isolated) => string;
  cpa: Record<CpaResult, string>;
  modes: Record<'preview' | 'standard' | 'direct', string>;
  contactOffered: (contact: Isolated) => string;
  numberTypes: Record<'mobile' | 'home' | 'work' | 'other', string>;
  numberTried: string;
  numberForced: string;
  skipReason: string;
  chooseReason: string;
  noReason: string;
  skipNeedsReason: string;
  doNotCall: string;
  history: (count: string) => string;
  localTime: (time: string, zone: string) => string;
  outsideWindow: (start: string, end: string) => string;
  acceptBlockedByWindow: string;
  wrapUp: string;
  disposition: string;
  chooseDisposition: string;
  dispositionNote: string;
  saveDisposition: string;
  dispositionSaved: (label: Isolated) => string;
  wrapUpEndsIn: (time: string) => string;
  wrapUpOver: string;
  /** Announced when a disposition is owed after the call, with the time left (or none). */
  wrapUpAnnouncement: (time: string | null) => string;
  /** `seconds` for choosing a plural form, `formatted` to show. */
  wrapUpSecondsLeft: (seconds: number, formatted: string) => string;
  dispositionNeeded: string;
  offline: string;
  /** A reservation call that stopped ringing before the agent answered it. */
  reservationMissedTitle: string;
  reservationMissed: string;
  /** The dialog's text while the accepted contact's call is being placed. */
  connecting: (contact: Isolated) => string;
  /** The accepted call has not started after a while (`connectingNoticeMs`). */
  dialerSlowTitle: string;
  dialerSlow: string;
  endCall: string;
  /** The End call button's accessible name: which call it ends. */
  endCallTo: (contact: Isolated) => string;
  ending: string;
  /** Another tab of the same agent is in charge: this one only shows. */
  elsewhere: string;
  useHere: string;
  /** The Use here button's accessible description. */
  useHereHint: string;
  /** A desktop notification's title for a reservation call (the contact's is `contactOffered`). */
  alertReservation: (campaign: Isolated) => string;
  alertReservationBody: string;
  alertOfferBody: string;
  scheduleCallback: string;
  callbackTime: (zone: string) => string;
  callbackYourTime: (time: string) => string;
  callbackNumber: string;
  callbackBackToMe: string;
  saveCallback: string;
  closeCallback: string;
  callbackScheduled: (time: string) => string;
  callbackProblems: Record<'not-allowed' | 'past' | 'outside-window' | 'number' | 'back-to-me', string>;
}

export type MessageOverrides = Partial<Messages>;
