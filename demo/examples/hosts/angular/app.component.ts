/**
 * Angular host (README "Angular"): a standalone component that allows the
 * kit's custom elements (CUSTOM_ELEMENTS_SCHEMA) and binds the store as a
 * property. `npm test` checks it with Angular's compiler (ngc, strict
 * templates, as `ng build` does), builds it with Vite (JIT) and drives it in Chromium.
 */
import {Component, CUSTOM_ELEMENTS_SCHEMA} from '@angular/core';
import 'campaign-preview-kit';
import {createCampaignStore, SimulatedDialer, simulatedCampaign} from 'campaign-preview-kit/headless';

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <campaign-provider [store]="store">
      <campaign-preview></campaign-preview>
      <campaign-task-card></campaign-task-card>
    </campaign-provider>
  `,
})
export class AppComponent {
  readonly store = createCampaignStore(new SimulatedDialer(simulatedCampaign({mode: 'preview'})));

  constructor() {
    this.store.dispatch({type: 'set-agent-state', state: 'available'});
  }
}
