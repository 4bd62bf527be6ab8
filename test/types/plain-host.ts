/**
 * A host without React (plain DOM, Vue, Svelte, Preact...), written against what
 * the package ships: its types must type-check without React's, and
 * test/core/tsx-types.test.ts checks that this program loads no file of
 * `react`, `@types/react` or `@lit/react` (test/types/tsconfig.plain.json).
 */
import {createCampaignStore, type CampaignIntentEvent, type IntentOf} from 'campaign-preview-kit';
import {selectPreview} from 'campaign-preview-kit/headless';
import type {CustomElements} from 'campaign-preview-kit/jsx';

const seen: unknown[] = [];
const log = (...values: unknown[]): void => void seen.push(values);

log(createCampaignStore, selectPreview);
document.addEventListener('campaign-accept', (e) => log(e.detail.offerId, e.detail.source));
document.addEventListener('campaign-set-disposition', (e) => log(e.detail.callId, e.detail.code));
document.addEventListener('campaign-error', (e) => log(e.detail.code));
// @ts-expect-error the detail is typed, not `any`
document.addEventListener('campaign-accept', (e) => log(e.detail.nope));

/** The generated JSX types, as a JSX framework other than React sees them. */
const props: CustomElements['campaign-preview'] = {
  'oncampaign-accept': (e) => log(e.detail.offerId),
  'oncampaign-skip': (e: CampaignIntentEvent<IntentOf<'skip'>>) => log(e.detail.reason),
};
log(props);
