/**
 * The DOM-free part of the kit: the dialer protocol, the campaign state
 * machine and the adapters. Imports in Node with no DOM.
 */
export * from './protocol/index.js';
export * from './core/index.js';
export * from './adapters/index.js';
export * from './store/index.js';
export {selectAttention, type Attention} from './core/attention.js';
