/**
 * Reading a Webex Contact Center task as the kit's protocol: pure functions,
 * no SDK code. The SDK types its task data loosely (campaign settings arrive
 * as strings in `interaction.callProcessingDetails`, some of them missing from
 * its declarations), so every field is read defensively and anything missing
 * is left for the store's validation to report.
 */
import type {TaskData} from '@webex/contact-center';
import type {Campaign, DialerEventOf, Reason, Snapshot, TimeoutAction} from '../../protocol/index.js';

/** The `data.type` of a task that is a campaign preview reservation. */
export const RESERVATION_TYPE = 'AgentOfferCampaignReservation';

/** The campaign settings a reservation carries, kept apart from the task (later updates may drop them). */
export interface PreviewSettings {
  /** The campaign's name, which Webex also uses as its id. */
  readonly campaignId: string;
  readonly skipDisabled: boolean;
  readonly removeDisabled: boolean;
  readonly autoAction: TimeoutAction | null;
  /** When the dialer applies the auto action, in epoch ms. */
  readonly expiresAt: number | null;
}

/** What the adapter adds to every campaign: settings Webex does not send with the task. */
export interface CampaignExtras {
  readonly wrapUpCodes: readonly Reason[];
}

type Fields = Readonly<Record<string, unknown>>;

const record = (value: unknown): Fields =>
  value !== null && typeof value === 'object' ? (value as Fields) : {};

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** Webex sends booleans as the strings "true" and "false". */
const flag = (value: unknown): boolean | null => {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return null;
};

const epoch = (value: unknown): number | null => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
};

const autoAction = (value: unknown): TimeoutAction | null => {
  const action = text(value)?.toLowerCase();
  return action === 'accept' || action === 'skip' || action === 'remove' ? action : null;
};

const processingOf = (data: Partial<TaskData>): Fields => record(record(data.interaction).callProcessingDetails);

/** Whether the task is a preview reservation (not yet accepted). */
export function isReservation(data: Partial<TaskData>): boolean {
  return data.type === RESERVATION_TYPE;
}

/** The campaign a task belongs to, or null for a task that is not a campaign's. */
export function campaignIdOf(data: Partial<TaskData>): string | null {
  return text(processingOf(data).campaignId) ?? text(record(data).campaignId);
}

/**
 * The preview settings in a task's data. Fields the data leaves out keep their
 * value from `previous`: a `CampaignContactUpdated` payload may omit them.
 */
export function readSettings(data: Partial<TaskData>, previous: PreviewSettings | null): PreviewSettings | null {
  const details = processingOf(data);
  const campaignId = campaignIdOf(data) ?? previous?.campaignId;
  if (!campaignId) return null;
  return {
    campaignId,
    skipDisabled: flag(details.campaignPreviewSkipDisabled) ?? previous?.skipDisabled ?? false,
    removeDisabled: flag(details.campaignPreviewRemoveDisabled) ?? previous?.removeDisabled ?? false,
    autoAction: autoAction(details.campaignPreviewAutoAction) ?? previous?.autoAction ?? null,
    expiresAt: epoch(details.campaignPreviewOfferTimeout) ?? previous?.expiresAt ?? null,
  };
}

/**
 * The offer's deadline: the dialer's expiry, or the moment of the offer when
 * the expiry is earlier (an offer that comes expired, or a clock behind the
 * dialer's), which the protocol requires.
 */
function deadlineOf(settings: PreviewSettings, offeredAt: number): number | null {
  return settings.expiresAt === null ? null : Math.max(settings.expiresAt, offeredAt);
}

/** The kit's campaign for a Webex preview campaign. */
export function campaignOf(settings: PreviewSettings, offeredAt: number, extras: CampaignExtras): Campaign {
  const deadline = deadlineOf(settings, offeredAt);
  return {
    id: settings.campaignId,
    name: settings.campaignId,
    // Webex pushes the contact to an available agent and, on accept, calls it
    // from the agent's line: the agent hears it ring (R-M3).
    mode: 'direct',
    timeoutMs: deadline === null ? 0 : deadline - offeredAt,
    timeoutAction: settings.autoAction ?? 'skip',
    allowSkip: !settings.skipDisabled,
    allowRemove: !settings.removeDisabled,
    // Webex reports no ringing phase in which a call could be cancelled (R-C3).
    allowEndCall: false,
    cpa: false,
    // Webex dials the contact's number; the agent does not choose one.
    forceNumber: true,
    ...(extras.wrapUpCodes.length > 0 ? {wrapUp: {codes: [...extras.wrapUpCodes], allowNote: false, timeoutMs: 0}} : {}),
  };
}

/** Call-associated data the agent may see, as the contact's details. */
function detailsOf(data: Partial<TaskData>): Array<{label: string; value: string}> {
  const variables = record(record(data.interaction).callAssociatedData);
  const details: Array<{label: string; value: string}> = [];
  for (const [key, raw] of Object.entries(variables)) {
    const variable = record(raw);
    if (variable.agentViewable === false || variable.agentViewable === 'false') continue;
    const value = typeof variable.value === 'string' || typeof variable.value === 'number' ? String(variable.value) : null;
    if (value === null || value === '') continue;
    details.push({label: text(variable.displayName) ?? text(variable.name) ?? key, value});
  }
  return details;
}

/**
 * The `contact-offered` event for a reservation (or for a hydrated campaign
 * call). Not validated here: the store validates it like any dialer event, so
 * a reservation without a number becomes a visible error rather than a guess.
 */
export function contactOffered(
  offerId: string,
  data: Partial<TaskData>,
  settings: PreviewSettings,
  offeredAt: number,
  extras: CampaignExtras,
): DialerEventOf<'contact-offered'> {
  const processing = processingOf(data);
  // Webex's own widgets read the customer from callAssociatedDetails; the SDK types callProcessingDetails.
  const associated = record(record(data.interaction).callAssociatedDetails);
  const number = text(processing.customerNumber) ?? text(associated.dn) ?? text(processing.dnis) ?? '';
  return {
    type: 'contact-offered',
    offerId,
    campaign: campaignOf(settings, offeredAt, extras),
    contact: {
      id: offerId,
      name: text(processing.customerName) ?? text(associated.customerName) ?? number,
      phoneNumbers: [{number}],
      details: detailsOf(data),
    },
    offeredAt,
    deadline: deadlineOf(settings, offeredAt),
  };
}

/**
 * The snapshot (protocol 1.1) of a campaign call the SDK hydrated after a
 * reload or a reconnection: the call, connected or waiting for its
 * disposition, timed from its preview's start, and nothing else on the desk.
 */
export function hydratedCall(offer: DialerEventOf<'contact-offered'>, ended: boolean): Snapshot {
  return {
    type: 'snapshot',
    agent: null,
    requesting: false,
    reservation: null,
    offer: null,
    call: {
      callId: offer.offerId,
      offerId: offer.offerId,
      campaign: offer.campaign,
      contact: offer.contact,
      phoneNumber: offer.contact.phoneNumbers[0].number,
      startedAt: offer.offeredAt,
      phase: ended ? 'ended' : 'connected',
      cpa: null,
      failReason: null,
      cancelling: false,
      voicemailLeft: false,
      wrapUp: ended && offer.campaign.wrapUp ? {deadline: null, disposition: null} : null,
      callbackAt: null,
    },
    lastFailure: null,
    limit: null,
  };
}

/** When the task started, for timers that must survive a reload. */
export function startedAt(data: Partial<TaskData>, now: number): number {
  return epoch(record(data.interaction).createdTimestamp) ?? epoch(data.eventTime) ?? now;
}
