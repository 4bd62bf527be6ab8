export * from './campaign-store.js';
export * from './create-campaign-store.js';
