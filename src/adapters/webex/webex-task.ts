/**
 * Reading a Webex Contact Center task as the kit's protocol: pure functions,
 * no SDK code. The SDK types its task data loosely (campaign settings arrive
 * as strings in `interaction.callProcessingDetails`, the customer in
 * `interaction.callAssociatedDetails`, neither fully declared), so every field
 * is read defensively and anything missing is left for the store's validation
 * to report. The fields read are the ones Webex's own campaign-preview widgets
 * read (see the README's Webex table).
 */
import type {TaskData} from '@webex/contact-center';
import type {Campaign, DialerEventOf, Reason, TimeoutAction} from '../../protocol/index.js';

/** The `data.type` of a task that is a campaign preview reservation. */
export const RESERVATION_TYPE = 'AgentOfferCampaignReservation';

/** How Webex names its two preview modes, in `interaction.outboundType` and in `callProcessingDetails.campaignType`. */
const OUTBOUND_TYPES: Readonly<Record<string, PreviewMode>> = {
  STANDARD_PREVIEW_CAMPAIGN: 'standard',
  DIRECT_PREVIEW_CAMPAIGN: 'direct',
};
const CAMPAIGN_TYPES: Readonly<Record<string, PreviewMode>> = {preview_standard: 'standard', preview_direct: 'direct'};

/** Call-associated variables Webex's desktop keeps for itself: never the contact's details. */
const SYSTEM_VARIABLES = new Set(['ani', 'dn', 'customerName', 'virtualTeamName', 'ronaTimeout', 'FC-DESKTOP-VIEW']);

export type PreviewMode = 'standard' | 'direct';

/** The campaign settings a preview carries, kept apart from the task (later updates may drop them). */
export interface PreviewSettings {
  /** The campaign's name, which Webex also uses as its id. */
  readonly campaignId: string;
  readonly mode: PreviewMode;
  readonly skipDisabled: boolean;
  readonly removeDisabled: boolean;
  readonly autoAction: TimeoutAction | null;
  /** When the dialer applies the auto action, in epoch ms. */
  readonly expiresAt: number | null;
}

/** A call-associated variable, as Webex sends it. */
interface Variable {
  readonly name?: unknown;
  readonly displayName?: unknown;
  readonly value?: unknown;
  readonly agentViewable?: unknown;
  readonly global?: unknown;
}

/** The customer of a preview, kept apart from the task so updates can be merged into it. */
export interface PreviewContact {
  readonly name: string | null;
  readonly number: string | null;
  readonly variables: Readonly<Record<string, Variable>>;
}

/** What the adapter adds to every campaign: settings Webex does not send with the task. */
export interface CampaignExtras {
  readonly wrapUpCodes: readonly Reason[];
  /** The agent's telephony is the browser (WebRTC): a ringing preview call can be ended from the kit. */
  readonly browser: boolean;
}

type Fields = Readonly<Record<string, unknown>>;

const record = (value: unknown): Fields => (value !== null && typeof value === 'object' ? (value as Fields) : {});

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

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

const interactionOf = (data: Partial<TaskData>): Fields => record(data.interaction);
const processingOf = (data: Partial<TaskData>): Fields => record(interactionOf(data).callProcessingDetails);

/** Whether the task is a preview reservation (not yet accepted). */
export function isReservation(data: Partial<TaskData>): boolean {
  return data.type === RESERVATION_TYPE;
}

/**
 * What kind of task this is, by the two fields Webex's widgets read: a
 * preview in one of its modes, `other` for any other kind of call that names
 * its type (a predictive or progressive campaign's, an outdial), or null when
 * neither field is there. `outboundType` is read first: it is the interaction's
 * own field, and the one Webex's desktop checks first.
 */
export function previewKind(data: Partial<TaskData>): PreviewMode | 'other' | null {
  const outbound = text(interactionOf(data).outboundType);
  const type = text(processingOf(data).campaignType);
  const mode = (outbound ? OUTBOUND_TYPES[outbound] : undefined) ?? (type ? CAMPAIGN_TYPES[type.toLowerCase()] : undefined);
  if (mode) return mode;
  return outbound || type ? 'other' : null;
}

/**
 * The preview mode of a task the kit shows, or null for a task that is not a
 * preview. A reservation that names no type is a preview (the SDK raises
 * `task:campaignPreviewReservation` for previews only) in standard mode, as
 * Webex's widgets read any preview that does not say direct.
 */
export function previewModeOf(data: Partial<TaskData>): PreviewMode | null {
  const kind = previewKind(data);
  if (kind === 'other') return null;
  return kind ?? (isReservation(data) ? 'standard' : null);
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
  const kind = previewKind(data);
  return {
    campaignId,
    mode: kind === 'standard' || kind === 'direct' ? kind : (previous?.mode ?? 'standard'),
    skipDisabled: flag(details.campaignPreviewSkipDisabled) ?? previous?.skipDisabled ?? false,
    removeDisabled: flag(details.campaignPreviewRemoveDisabled) ?? previous?.removeDisabled ?? false,
    autoAction: autoAction(details.campaignPreviewAutoAction) ?? previous?.autoAction ?? null,
    expiresAt: epoch(details.campaignPreviewOfferTimeout) ?? previous?.expiresAt ?? null,
  };
}

/**
 * The customer in a task's data. With `previous` (an update of the same
 * contact), what the data leaves out keeps its earlier value and variables are
 * merged by name, as Webex's widgets keep them across updates. The number is
 * `callAssociatedDetails.ani`: for a preview `dn` is the campaign's own line
 * (Webex's widgets use `dn` only for outdial calls).
 */
export function readContact(data: Partial<TaskData>, previous: PreviewContact | null): PreviewContact {
  const interaction = interactionOf(data);
  const associated = record(interaction.callAssociatedDetails);
  const variables = record(interaction.callAssociatedData) as Readonly<Record<string, Variable>>;
  return {
    name: text(associated.customerName) ?? previous?.name ?? null,
    number: text(associated.ani) ?? text(record(variables.ani).value) ?? previous?.number ?? null,
    variables: {...previous?.variables, ...variables},
  };
}

/** Whether an update names another customer than the one on show. */
export function isOtherCustomer(contact: PreviewContact, data: Partial<TaskData>): boolean {
  const ani = text(record(interactionOf(data).callAssociatedDetails).ani);
  return ani !== null && ani !== contact.number;
}

/**
 * The next contact on a task (after a skip, a remove or the dialer's own
 * auto-skip): read afresh, so nothing of the previous customer shows, except
 * the variables when the update carries none (Webex's widgets keep them then).
 */
export function nextContact(data: Partial<TaskData>, previous: PreviewContact): PreviewContact {
  const contact = readContact(data, null);
  return Object.keys(contact.variables).length > 0 ? contact : {...contact, variables: previous.variables};
}

/** Agent-viewable global variables, without Webex's system ones, as the contact's details. */
function detailsOf(contact: PreviewContact): Array<{label: string; value: string}> {
  const details: Array<{label: string; value: string}> = [];
  for (const [key, variable] of Object.entries(contact.variables)) {
    const name = text(variable?.name) ?? key;
    if (SYSTEM_VARIABLES.has(key) || SYSTEM_VARIABLES.has(name)) continue;
    if (flag(variable?.global) !== true || flag(variable?.agentViewable) === false) continue;
    const value = typeof variable.value === 'string' || typeof variable.value === 'number' ? String(variable.value) : '';
    if (value !== '') details.push({label: text(variable.displayName) ?? name, value});
  }
  return details;
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
    mode: settings.mode,
    timeoutMs: deadline === null ? 0 : deadline - offeredAt,
    timeoutAction: settings.autoAction ?? 'skip',
    allowSkip: !settings.skipDisabled,
    allowRemove: !settings.removeDisabled,
    // Webex's widgets end a ringing preview call (task.end()) only when the
    // agent's telephony is the browser; a desk phone hangs up by itself.
    allowEndCall: extras.browser,
    cpa: false,
    // Webex dials the contact's number; the agent does not choose one.
    forceNumber: true,
    ...(extras.wrapUpCodes.length > 0 ? {wrapUp: {codes: [...extras.wrapUpCodes], allowNote: false, timeoutMs: 0}} : {}),
  };
}

/**
 * The `contact-offered` event for a preview's contact. Not validated here: the
 * store validates it like any dialer event, so a preview without a number
 * becomes a visible error rather than a guess.
 */
export function contactOffered(
  offerId: string,
  contact: PreviewContact,
  settings: PreviewSettings,
  offeredAt: number,
  extras: CampaignExtras,
): DialerEventOf<'contact-offered'> {
  const number = contact.number ?? '';
  return {
    type: 'contact-offered',
    offerId,
    campaign: campaignOf(settings, offeredAt, extras),
    contact: {id: offerId, name: contact.name ?? number, phoneNumbers: [{number}], details: detailsOf(contact)},
    offeredAt,
    deadline: deadlineOf(settings, offeredAt),
  };
}

/**
 * When the task's preview started, for timers that must survive a reload: the
 * interaction's creation, which Webex keeps across reconnections.
 */
export function startedAt(data: Partial<TaskData>, now: number): number {
  return epoch(interactionOf(data).createdTimestamp) ?? epoch(data.eventTime) ?? now;
}

/** Whether a task Webex hydrated is waiting for its wrap-up. */
export function inWrapUp(data: Partial<TaskData>): boolean {
  return data.wrapUpRequired === true || interactionOf(data).state === 'wrapUp';
}

/** Whether a task is still a pending preview (not accepted): how Webex brings one back after a reload. */
export function isPendingPreview(data: Partial<TaskData>): boolean {
  return interactionOf(data).state === 'new';
}
