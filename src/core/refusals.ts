/** Notices, and what a refused command gives back to the agent. */
import {
  MAX_NOTICE_CODE,
  MAX_NOTICE_MESSAGE,
  clipText,
  type DialerAction,
  type DialerCommand,
  type DialerCommandType,
} from '../protocol/index.js';
import {DECISION_COMMAND} from './rules.js';
import {MAX_NOTICES, type CampaignState, type KitNoticeCode, type NoticeKind} from './state.js';

const COMMAND_ACTION: Record<DialerCommandType, DialerAction> = {
  'request-contact': 'request-contact',
  'answer-reservation': 'answer-reservation',
  accept: 'accept',
  skip: 'skip',
  remove: 'remove',
  'leave-campaign': 'leave-campaign',
  'cancel-call': 'cancel-call',
  'end-call': 'end-call',
  'voicemail-left': 'voicemail-left',
  'set-disposition': 'set-disposition',
  'schedule-callback': 'schedule-callback',
  'set-agent-state': 'set-agent-state',
};

/** The adapter could not deliver `command`: a notice, and the agent may try again. */
export function commandRefused(state: CampaignState, command: DialerCommand, code: string, message: string): CampaignState {
  return onActionFailed(state, COMMAND_ACTION[command.type], offerIdOf(command), code, message);
}

function offerIdOf(command: DialerCommand): string | undefined {
  return 'offerId' in command ? command.offerId : undefined;
}

/**
 * Raises a notice: the one place notices are made. Its code and message are
 * cut to `MAX_NOTICE_CODE` and `MAX_NOTICE_MESSAGE` (with an ellipsis),
 * whatever an adapter or a dialer said; only the last `MAX_NOTICES` are kept.
 */
export function addNotice(
  state: CampaignState,
  kind: NoticeKind,
  action: DialerAction | null,
  code: string,
  message: string,
): CampaignState {
  const notice = {
    id: state.nextNoticeId,
    kind,
    action,
    code: clipText(code, MAX_NOTICE_CODE),
    message: clipText(message, MAX_NOTICE_MESSAGE),
  };
  return {
    ...state,
    notices: [...state.notices, notice].slice(-MAX_NOTICES),
    nextNoticeId: state.nextNoticeId + 1,
  };
}

/** The notices of `code` go (the outage is over, the slow dialer answered). */
export function withoutNotice(state: CampaignState, code: KitNoticeCode): CampaignState {
  return state.notices.some((n) => n.code === code) ? {...state, notices: state.notices.filter((n) => n.code !== code)} : state;
}

export function onActionFailed(
  state: CampaignState,
  action: DialerAction,
  offerId: string | undefined,
  code: string,
  message: string,
): CampaignState {
  let next = addNotice(state, 'action-failed', action, code, message);
  switch (action) {
    case 'request-contact':
      next = {...next, requesting: false};
      break;
    case 'answer-reservation':
      if (next.reservation) next = {...next, reservation: {...next.reservation, answering: false}};
      break;
    case 'accept':
    case 'skip':
    case 'remove':
    case 'leave-campaign': {
      const offer = next.offer;
      const decided = offer?.decision && DECISION_COMMAND[offer.decision.action] === action;
      const mine = offerId === undefined || offerId === offer?.offerId;
      if (offer && decided && mine) {
        // The dialer refused: the offer is the agent's to decide again.
        next = {...next, offer: {...offer, decision: null, acceptedAt: null, slow: false}, acceptedNumber: null};
        next = withoutNotice(next, 'dialer-slow');
      } else if (offer && action === 'accept' && !offer.decision && offer.acceptedAt !== null && mine) {
        // The dialer's own accept at the deadline failed: the offer is over, not connecting.
        next = withoutNotice({...next, offer: {...offer, acceptedAt: null, slow: false}}, 'dialer-slow');
      }
      break;
    }
    case 'cancel-call':
      if (next.call) next = {...next, call: {...next.call, cancelling: false}};
      break;
    case 'end-call':
      if (next.call) next = {...next, call: {...next.call, ending: false}};
      break;
    case 'voicemail-left':
      if (next.call) next = {...next, call: {...next.call, voicemailLeft: false}};
      break;
    case 'set-disposition':
      if (next.call?.wrapUp) next = {...next, call: {...next.call, wrapUp: {...next.call.wrapUp, disposition: null}}};
      break;
    case 'schedule-callback':
      // Refused: the agent may try again, wherever it was scheduled from.
      if (next.offer && (offerId === undefined || offerId === next.offer.offerId))
        next = {...next, offer: {...next.offer, callbackAt: null}};
      if (next.call && offerId === undefined) next = {...next, call: {...next.call, callbackAt: null}};
      break;
    case 'set-agent-state':
      break;
  }
  return next;
}
