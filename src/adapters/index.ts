export * from './dialer-adapter.js';
export * from './simulated/simulated-dialer.js';
export * from './simulated/sample-campaign.js';
export * from './websocket/websocket-dialer.js';
export * from './simulated/recorded-dialer.js';
