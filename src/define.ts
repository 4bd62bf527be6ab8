/** Registers every element of the kit (safe to run more than once). */
import './elements/call-timer/define.js';
import './elements/campaign-task-card/define.js';
import './elements/campaign-preview/define.js';
import './elements/campaign-provider/define.js';
