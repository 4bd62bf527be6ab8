import '../call-timer/define.js';
import {CampaignTaskCard} from './campaign-task-card.js';
import {defineOnce} from '../define-once.js';

defineOnce('campaign-task-card', CampaignTaskCard);
