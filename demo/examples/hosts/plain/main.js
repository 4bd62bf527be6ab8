// Plain HTML host (README "Plain HTML"): the bundle, found through index.html's import map.
import {createCampaignStore, SimulatedDialer, simulatedCampaign} from 'campaign-preview-kit';

const store = createCampaignStore(new SimulatedDialer(simulatedCampaign({mode: 'preview'})));
store.dispatch({type: 'set-agent-state', state: 'available'});
document.querySelector('campaign-provider').store = store;
