import {CampaignPreview} from './campaign-preview.js';
import {defineOnce} from '../define-once.js';

defineOnce('campaign-preview', CampaignPreview);
