import {createContext} from '@lit/context';
import type {CampaignStore} from '../store/campaign-store.js';

/**
 * The context through which elements find the campaign store. The key is a
 * global symbol so that two copies of the kit on one page still meet.
 */
export const campaignStoreContext = createContext<CampaignStore | undefined>(Symbol.for('campaign-preview-kit/store'));
