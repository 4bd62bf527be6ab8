import {CallTimer} from './call-timer.js';
import {defineOnce} from '../define-once.js';

defineOnce('call-timer', CallTimer);
