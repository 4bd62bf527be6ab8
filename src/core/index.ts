export * from './state.js';
export * from './intents.js';
export * from './machine.js';
export {can, canDecide, canRequestContact, outsideEnforcedWindow} from './rules.js';
export * from './views.js';
export * from './time.js';
export * from './calling-window.js';
export * from './callbacks.js';
export {applySnapshot, snapshotOf} from './snapshot.js';
