/**
 * React 19 host (README "React"): the kit's React components on a simulated
 * campaign. Built with Vite and driven in Chromium by `npm test`
 * (test/hosts/hosts.test.mjs).
 */
import {createRoot} from 'react-dom/client';
import {createCampaignStore, SimulatedDialer, simulatedCampaign} from 'campaign-preview-kit/headless';
import {CampaignPreview, CampaignProvider, CampaignTaskCard} from 'campaign-preview-kit/react';

const store = createCampaignStore(new SimulatedDialer(simulatedCampaign({mode: 'preview'})));
store.dispatch({type: 'set-agent-state', state: 'available'});

createRoot(document.getElementById('root')!).render(
  <CampaignProvider store={store}>
    <CampaignPreview />
    <CampaignTaskCard />
  </CampaignProvider>,
);
