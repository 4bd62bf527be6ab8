export {PROTOCOL_VERSION} from './version.js';
export * from './limits.js';
export * from './events.js';
export * from './commands.js';
export * from './parse.js';
export * from './wire.js';
export * from './describe-error.js';
export * from './excerpt.js';
