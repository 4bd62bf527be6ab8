/**
 * Registers every element of the kit (safe to run more than once). The
 * provider comes first so that it is ready when the elements inside it ask
 * for the store.
 */
import './elements/campaign-provider/define.js';
import './elements/call-timer/define.js';
import './elements/campaign-task-card/define.js';
import './elements/campaign-preview/define.js';
