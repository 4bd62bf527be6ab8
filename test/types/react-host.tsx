/**
 * A React 19 host, written against what the package ships: `campaign-preview-kit/...`
 * resolves through package.json `exports` to dist/*.d.ts and dist/ide/jsx.d.ts (run
 * `npm run build` first). test/core/tsx-types.test.ts type-checks it with
 * test/types/tsconfig.json (strict); each `@ts-expect-error` must stay an error,
 * so that types that fall back to `any` (or lose an event) fail the test.
 */
import type {CampaignIntentEvent, IntentOf} from 'campaign-preview-kit';
import type {CustomElements} from 'campaign-preview-kit/jsx';
import {CallTimer, CampaignPreview, CampaignProvider, CampaignTaskCard} from 'campaign-preview-kit/react';

// The raw elements in React 19's JSX, as the README shows.
declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CustomElements {}
  }
}

const seen: unknown[] = [];
const log = (...values: unknown[]): void => void seen.push(values);

/** A handler written on its own, with the kit's names for the event. */
const onAccept = (e: CampaignIntentEvent<IntentOf<'accept'>>) => log(e.detail.offerId, e.detail.source);

/** The React wrappers: every event a typed `on...` prop. */
export function WithWrappers() {
  return (
    <CampaignProvider
      onCampaignError={(e) => log(e.detail.code, e.detail.kind, e.detail.message)}
      onAccept={(e) => log(e.detail.offerId, e.detail.source)}
      onSkip={(e) => log(e.detail.offerId, e.detail.source)}
      onRemove={(e) => log(e.detail.offerId, e.detail.source)}
    >
      <CampaignPreview
        onRequestContact={(e) => log(e.detail.type, e.detail.source)}
        onAnswerReservation={(e) => log(e.detail.reservationId)}
        onAccept={onAccept}
        onSkip={(e) => log(e.detail.offerId, e.detail.reason)}
        onRemove={(e) => log(e.detail.offerId, e.detail.doNotCall)}
        onLeave={(e) => log(e.detail.offerId)}
        onScheduleCallback={(e) => log('offerId' in e.detail ? e.detail.offerId : e.detail.callId)}
        onTakeControl={(e) => e.preventDefault()}
        onPreviewChange={(e) => log(e.detail.stage)}
      />
      <CampaignTaskCard
        onCancelCall={(e) => log(e.detail.callId)}
        onEndCall={(e) => log(e.detail.callId)}
        onVoicemailLeft={(e) => log(e.detail.callId)}
        onSetDisposition={(e) => log(e.detail.callId, e.detail.code, e.detail.note)}
        onScheduleCallback={(e) => log('callId' in e.detail ? e.detail.callId : e.detail.offerId)}
        onTakeControl={(e) => log(e.detail.source)}
        onTaskChange={(e) => log(e.detail.status)}
      />
      <CallTimer since={0} />
    </CampaignProvider>
  );
}

/** What must not type-check with the wrappers. */
export function WrapperErrors() {
  return (
    <>
      {/* @ts-expect-error a card's call has no offer */}
      <CampaignTaskCard onCancelCall={(e) => log(e.detail.offerId)} />
      {/* @ts-expect-error the detail is typed, not `any` */}
      <CampaignPreview onAccept={(e) => log(e.detail.nope)} />
      {/* @ts-expect-error not an event of the card */}
      <CampaignTaskCard onAccept={() => log()} />
    </>
  );
}

/** The raw elements through the generated JSX types (dist/ide/jsx.d.ts): React 19 listens to `on<event-name>`. */
export function WithElements() {
  return (
    <campaign-provider
      oncampaign-error={(e) => log(e.detail.code)}
      oncampaign-accept={(e) => log(e.detail.offerId, e.detail.source)}
      oncampaign-skip={(e) => log(e.detail.offerId)}
      oncampaign-remove={(e) => log(e.detail.offerId)}
    >
      <campaign-preview
        oncampaign-request-contact={(e) => log(e.detail.source)}
        oncampaign-answer-reservation={(e) => log(e.detail.reservationId)}
        oncampaign-accept={onAccept}
        oncampaign-skip={(e) => log(e.detail.offerId, e.detail.reason)}
        oncampaign-remove={(e) => log(e.detail.offerId, e.detail.doNotCall)}
        oncampaign-leave={(e) => log(e.detail.offerId)}
        oncampaign-schedule-callback={(e) => log('offerId' in e.detail ? e.detail.offerId : e.detail.callId)}
        oncampaign-take-control={(e) => e.preventDefault()}
        oncampaign-preview-change={(e) => log(e.detail.stage)}
      />
      <campaign-task-card
        oncampaign-cancel-call={(e) => log(e.detail.callId)}
        oncampaign-end-call={(e) => log(e.detail.callId)}
        oncampaign-voicemail-left={(e) => log(e.detail.callId)}
        oncampaign-set-disposition={(e) => log(e.detail.callId, e.detail.code)}
        oncampaign-schedule-callback={(e) => log(e.detail.source)}
        oncampaign-take-control={(e) => log(e.detail.source)}
        oncampaign-task-change={(e) => log(e.detail.status)}
      />
      <call-timer since={0} />
    </campaign-provider>
  );
}

/** What must not type-check with the raw elements. */
export function ElementErrors() {
  return (
    <>
      {/* @ts-expect-error the detail is typed, not `any` */}
      <campaign-preview oncampaign-accept={(e) => log(e.detail.nope)} />
      {/* @ts-expect-error a card's call has no offer */}
      <campaign-task-card oncampaign-end-call={(e) => log(e.detail.offerId)} />
    </>
  );
}
