/**
 * A React host: the kit's React components wired to a dialer adapter.
 * Type-checked with the project (`npm test`); copy it into a React app.
 */
import {useMemo, useState} from 'react';
import {createCampaignStore, type DialerAdapter} from 'campaign-preview-kit/headless';
import {CampaignPreview, CampaignProvider, CampaignTaskCard} from 'campaign-preview-kit/react';

export function CampaignPanel({dialer}: {dialer: DialerAdapter}) {
  const store = useMemo(() => createCampaignStore(dialer), [dialer]);
  const [lastError, setLastError] = useState<string | null>(null);
  return (
    <CampaignProvider store={store} onCampaignError={(event) => setLastError(event.detail.message)}>
      <CampaignPreview onAccept={(event) => console.info('accepting', event.detail.offerId, event.detail.phoneNumber)} />
      <CampaignTaskCard onTaskChange={(event) => console.info('task', event.detail.status)} />
      {lastError && <p role="alert">{lastError}</p>}
    </CampaignProvider>
  );
}
