export * from './dialer-adapter.js';
export * from './store.js';
export * from './simulated/simulated-dialer.js';
export * from './simulated/demo-campaign.js';
export * from './websocket/websocket-dialer.js';
export * from './simulated/recorded-dialer.js';
