import {CampaignProvider} from './campaign-provider.js';
import {defineOnce} from '../define-once.js';

defineOnce('campaign-provider', CampaignProvider);
