export * from './intent-event.js';
export * from './error-event.js';
export * from './change-event.js';
