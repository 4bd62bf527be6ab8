/**
 * The hostile input corpus (test/hostile/corpus.ts) through the elements in
 * Chromium: no markup or script gets into the page, what the protocol refuses
 * is shown as an error, and the next valid offer is shown with its actions.
 */
import {expect, html} from '@open-wc/testing';
import '../../src/define.js';
import {HOSTILE_CORPUS, goodOffer} from '../hostile/corpus.js';
import {button, plain, settle, useFakeClock, visibleText, withDialer} from './support.js';
import type {CampaignPreview} from '../../src/elements/campaign-preview/campaign-preview.js';

const INJECTED = 'img, iframe, object, embed, script, b, [data-pwned], a[href^="javascript"]';

async function mount() {
  const {provider, el, dialer} = await withDialer<CampaignPreview>(
    html`<campaign-provider><campaign-preview></campaign-preview><campaign-task-card></campaign-task-card></campaign-provider>`,
    'campaign-preview',
  );
  const card = provider.querySelector('campaign-task-card')! as unknown as HTMLElement & {updateComplete: Promise<boolean>};
  dialer.emit({type: 'agent-state', state: 'available'});
  dialer.emit(goodOffer('good-1'));
  await settle(el);
  return {el, card, dialer};
}

describe(`hostile dialer input in the elements: ${HOSTILE_CORPUS.length} classes`, () => {
  for (const hostile of HOSTILE_CORPUS) {
    it(hostile.name, async () => {
      const {el, card, dialer} = await mount();
      for (const event of hostile.events()) dialer.events.next(event);
      await settle(el);
      await settle(card);
      for (const host of [el, card]) expect(host.shadowRoot!.querySelector(INJECTED), host.localName).to.equal(null);
      expect((window as {__pwned?: unknown}).__pwned).to.equal(undefined);
      if (hostile.refused) expect(visibleText(el)).to.contain('The dialer sent something the kit could not read');

      // The next valid input is applied (a limit, if one was reached, is cleared first).
      dialer.emit({type: 'limit-cleared'});
      dialer.emit(goodOffer('good-2', {}, {name: 'Ana Souza'}));
      await settle(el);
      expect(visibleText(el)).to.contain('Ana Souza');
      expect(button(el, 'Accept'), 'Accept').to.exist;
    });
  }

  it('a burst of 5,000 offers is drawn once, ends on the last, and only the last is announced', async () => {
    const clock = useFakeClock();
    const {el, dialer} = await mount();
    let draws = 0;
    const observer = new MutationObserver(() => (draws += 1));
    observer.observe(el.shadowRoot!.querySelector('[part=dialog]')!, {subtree: true, childList: true, characterData: true});
    for (let i = 0; i < 5_000; i += 1) dialer.emit(goodOffer(`burst-${i}`, {}, {name: `Contact ${i}`}));
    await settle(el);
    observer.disconnect();
    expect(visibleText(el)).to.contain('Contact 4999');
    expect(draws, 'DOM updates of the dialog').to.be.at.most(2);
    const said = new Set<string>();
    for (let second = 0; second < 10; second += 1) {
      await clock.tickAsync(1_000);
      said.add(plain(el.shadowRoot!.querySelector('[role=status]')!.textContent!).replace(/\. Skipping.*/, ''));
    }
    expect([...said].filter((text) => text.startsWith('Campaign contact: Contact'))).to.deep.equal(['Campaign contact: Contact 4999']);
  });
});
