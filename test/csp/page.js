// Every element, a whole campaign, and contact names carrying markup, under the strict policy.
import {createCampaignStore, SimulatedDialer} from '/dist/index.js';
import {demoCampaign} from '/demo/demo-campaign.ts';

const {script} = demoCampaign(new URLSearchParams('mode=direct&cpa=false&autoAvailable=true&ringSeconds=1&timeout=20'));
const hostile = {
  ...script,
  latencyMs: 100,
  contacts: script.contacts.map((contact) => ({...contact, name: `<img src=x onerror="window.__pwned = 1">${contact.name}`})),
};
document.querySelector('campaign-provider').store = createCampaignStore(new SimulatedDialer(hostile));
document.querySelector('call-timer').since = Date.now();
