import {expect, fixture, html} from '@open-wc/testing';
import '../../src/define.js';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {registerCampaignStore} from '../../src/context/store-registry.js';
import {provideCampaignStore, type CampaignProvider} from '../../src/elements/campaign-provider/campaign-provider.js';
import {ScriptedDialer, button, settle} from './support.js';

describe('<campaign-provider>', () => {
  it('provides a store registered by name to elements in several places, and follows its replacement', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <campaign-provider store-name="webex"><campaign-preview></campaign-preview></campaign-provider>
      <campaign-provider store-name="webex"><campaign-task-card></campaign-task-card></campaign-provider>
    </div>`);
    const preview = page.querySelector('campaign-preview')!;
    const card = page.querySelector('campaign-task-card')!;
    const dialer = new ScriptedDialer();
    const withdraw = registerCampaignStore(createCampaignStore(dialer), 'webex');
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer();
    await settle(preview);
    await settle(card);
    expect(button(preview, 'Accept')).to.exist;
    expect(card.getAttribute('status')).to.equal('previewing');
    withdraw();
    await settle(preview);
    expect(button(preview, 'Accept')).to.equal(undefined);
  });

  it('follows a store name set after it is in the page (as React sets properties)', async () => {
    const provider = await fixture<CampaignProvider>(html`<campaign-provider><campaign-preview></campaign-preview></campaign-provider>`);
    const dialer = new ScriptedDialer();
    registerCampaignStore(createCampaignStore(dialer), 'late');
    provider.storeName = 'late';
    await provider.updateComplete;
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer();
    const preview = provider.querySelector('campaign-preview')!;
    await settle(preview);
    expect(button(preview, 'Accept')).to.exist;
  });

  it('a store provided after the elements are in the page reaches them, inside shadow roots too (provideCampaignStore)', async () => {
    const desktop = await fixture<HTMLDivElement>(html`<div><campaign-preview></campaign-preview><section></section></div>`);
    const shadow = desktop.querySelector('section')!.attachShadow({mode: 'open'});
    shadow.innerHTML = '<campaign-preview></campaign-preview>';
    const previews = [desktop.querySelector('campaign-preview')!, shadow.querySelector('campaign-preview')!];
    await settle(previews[0]);
    expect(button(previews[0], 'Campaign'), 'no store yet').to.equal(undefined);

    const dialer = new ScriptedDialer();
    provideCampaignStore(desktop, createCampaignStore(dialer));
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer();
    for (const preview of previews) {
      await settle(preview);
      expect(button(preview, 'Accept'), 'provided late').to.exist;
    }
  });

  it('follows a language change on an ancestor inside a shadow root', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({mode: 'open'});
    root.innerHTML = '<section lang="en"><campaign-task-card></campaign-task-card></section>';
    const card = root.querySelector('campaign-task-card')!;
    card.task = {
      status: 'connected',
      campaign: {
        id: 'c',
        name: 'C',
        mode: 'standard',
        timeoutMs: 0,
        timeoutAction: 'skip',
        allowSkip: true,
        allowRemove: true,
        allowEndCall: true,
        cpa: true,
      },
      inCharge: true,
      contact: null,
      startedAt: Date.now(),
      callId: 'x',
      canCancel: false,
      cancelling: false,
      canEnd: false,
      ending: false,
      voicemailPrompt: false,
      voicemailLeft: false,
      failReason: null,
      wrapUp: null,
      callback: null,
      finished: false,
    };
    await settle(card);
    expect(card.shadowRoot!.textContent).to.contain('Connected');
    root.querySelector('section')!.setAttribute('lang', 'pt-BR');
    await new Promise((resolve) => setTimeout(resolve));
    await settle(card);
    expect(card.shadowRoot!.textContent).to.contain('Conectado');
  });

  it('themes the elements inside it: theme="dark" and dark-mode', async () => {
    const provider = await fixture<CampaignProvider>(
      html`<campaign-provider dark-mode><campaign-task-card></campaign-task-card></campaign-provider>`,
    );
    const surface = () => getComputedStyle(provider.querySelector('campaign-task-card')!).getPropertyValue('--cpk-color-surface').trim();
    expect(surface()).to.equal('#1d2127');
    provider.theme = 'high-contrast';
    await provider.updateComplete;
    expect(surface()).to.equal('#ffffff');
  });
});
