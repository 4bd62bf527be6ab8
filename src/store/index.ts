export * from './campaign-store.js';
export {createCampaignStore, settingsOf, type StoreOptions} from './create-campaign-store.js';
export * from './share-campaign-store.js';
