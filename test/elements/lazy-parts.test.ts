/**
 * The parts loaded only when needed (the pt-BR and Arabic messages, the
 * callback and wrap-up forms): an element whose language is known waits for
 * its messages and draws no frame in English; a form renders nothing until
 * it is here, then appears; `updateComplete` waits for both. Each test
 * records every text the element showed from its creation.
 *
 * The order matters: each part is loaded once per page, and each test first
 * checks that what it is about is not loaded yet.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {selectPreview, selectTask} from '../../src/core/views.js';
import {loadedMessages} from '../../src/i18n/index.js';
import type {CampaignPreview} from '../../src/elements/campaign-preview/campaign-preview.js';
import type {CampaignTaskCard} from '../../src/elements/campaign-task-card/campaign-task-card.js';
import {ScriptedDialer, button, plain, settle, visibleText} from './support.js';

const WRAP_UP = {codes: [{code: 'sale', label: 'Renewed'}], allowNote: true, timeoutMs: 0};
const CALLBACKS = {allowOtherNumber: false, allowBackToMe: false};

/** A preview's view and a task card's task from a real store: a contact offered, or its call ended with a wrap-up owed. */
function views(campaign: Record<string, unknown> = {}) {
  const dialer = new ScriptedDialer();
  const store = createCampaignStore(dialer);
  dialer.emit({type: 'agent-state', state: 'available'});
  dialer.offer('o1', {timeoutMs: 20_000, ...campaign});
  const preview = selectPreview(store.snapshot(), Date.now());
  store.dispatch({type: 'accept', offerId: 'o1'});
  dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'connected'});
  const connected = selectTask(store.snapshot(), Date.now())!;
  dialer.emit({type: 'call-ended', callId: 'c1'});
  const ended = selectTask(store.snapshot(), Date.now())!;
  store.dispose();
  return {preview, connected, ended};
}

interface Frame {
  readonly text: string;
  /** Every text and attribute value seen so far, old values included. */
  readonly seen: readonly string[];
}

/**
 * Appends `el` to `parent` and records, from before its first update, every
 * text its shadow root ever held: each mutation's old value (text, attribute)
 * and each added node's text and attributes, and the whole text at each
 * mutation delivery (a "frame": a delivery follows each update, before any
 * module can arrive).
 */
function record(parent: Element, el: HTMLElement) {
  const seen: string[] = [];
  const frames: Frame[] = [];
  const collect = (node: Node) => {
    seen.push(node.textContent ?? '');
    if (node instanceof Element) for (const el of [node, ...node.querySelectorAll('*')]) for (const a of el.attributes) seen.push(a.value);
  };
  parent.append(el);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.oldValue !== null) seen.push(r.oldValue);
      if (r.type === 'characterData') seen.push(r.target.textContent ?? '');
      if (r.type === 'attributes') seen.push((r.target as Element).getAttribute(r.attributeName!) ?? '');
      r.addedNodes.forEach(collect);
      r.removedNodes.forEach(collect);
    }
    frames.push({text: plain(el.shadowRoot!.textContent ?? ''), seen: [...seen]});
  });
  observer.observe(el.shadowRoot!, {
    subtree: true,
    childList: true,
    characterData: true,
    characterDataOldValue: true,
    attributes: true,
    attributeOldValue: true,
  });
  return {
    frames,
    /** Everything seen, once the element has settled. */
    async all(): Promise<string> {
      await (el as unknown as {updateComplete: Promise<unknown>}).updateComplete;
      observer.takeRecords();
      observer.disconnect();
      return plain([...seen, el.shadowRoot!.textContent ?? ''].join(' | '));
    },
  };
}

/** English words that would show in a frame drawn before the element's language arrived. */
const ENGLISH = [
  'Accept',
  'Skip',
  'Remove',
  'Leave campaign',
  'Campaign contact',
  'Campaign call',
  'Connected',
  'Contact icon',
  'Skipping in',
];
const expectNoEnglish = (text: string) => {
  // Whole words: Remover is not Remove.
  for (const words of ENGLISH) expect(text, `"${words}" was shown`).not.to.match(new RegExp(`(?<!\\p{L})${words}(?!\\p{L})`, 'u'));
};

/**
 * Mounts a host-driven element under `<div lang><section>`, recording from before its first update
 * (see `record`), and resolves once its `updateComplete` has.
 */
async function mount<T extends CampaignPreview | CampaignTaskCard>(lang: string, el: T) {
  const host = await fixture<HTMLDivElement>(html`<div lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'}><section></section></div>`);
  const section = host.querySelector('section')!;
  const shown = record(section, el);
  await el.updateComplete;
  return {el, section, ...shown};
}
const preview = (view: CampaignPreview['view']) => Object.assign(document.createElement('campaign-preview'), {view});
const card = (task: CampaignTaskCard['task']) => Object.assign(document.createElement('campaign-task-card'), {task});

describe('lazy languages and forms', () => {
  it('a pt-BR element waits for its messages: its first frame is already Portuguese, and updateComplete waits for it', async () => {
    expect(loadedMessages('pt-BR'), 'Portuguese is not loaded before').to.equal(undefined);
    const {el, frames, all} = await mount('pt-BR', card(views().connected));
    expect(visibleText(el)).to.contain('Chamada de campanha').and.contain('Conectado');
    expect(el.shadowRoot!.querySelector('[part=icon]')!.getAttribute('aria-label')).to.equal('Contato');
    const seen = await all();
    expect(frames.length, 'frames were recorded').to.be.greaterThan(0);
    expect(frames[0].text).to.contain('Chamada de campanha');
    expectNoEnglish(seen);
  });

  it('so does an Arabic one, right to left', async () => {
    expect(loadedMessages('ar'), 'Arabic is not loaded before').to.equal(undefined);
    const {el, frames, all} = await mount('ar', preview(views().preview));
    for (const name of ['قبول', 'تخطي', 'إزالة', 'مغادرة الحملة']) expect(button(el, name), name).to.exist;
    const seen = await all();
    expect(frames[0].text).to.contain('قبول');
    expectNoEnglish(seen);
  });

  it('a change of language at run time loads the new one, then draws in it, with no frame in English meanwhile', async () => {
    const {el, section, all} = await mount('ar', preview(views().preview));
    expect(button(el, 'قبول')).to.exist;
    expect(loadedMessages('pt-PT'), 'European Portuguese is not at hand before').to.equal(undefined);
    section.setAttribute('lang', 'pt-PT');
    // The change reaches the element through its MutationObserver: one update later.
    await settle(el);
    expect(button(el, 'Aceitar'), 'drawn in the new language').to.exist;
    expect(loadedMessages('pt-PT')?.accept).to.equal('Aceitar');
    expectNoEnglish(await all());
    // And back: a language already here draws at once.
    section.setAttribute('lang', 'ar');
    await settle(el);
    expect(button(el, 'قبول')).to.exist;
  });

  it('the callback form renders nothing until it is loaded, then appears; the rest of the dialog does not wait', async () => {
    const {el, frames, all} = await mount('en', preview(views({callbacks: CALLBACKS}).preview));
    expect(button(el, 'Schedule callback'), 'there once updateComplete resolves').to.exist;
    const seen = await all();
    expect(frames[0].text, 'the dialog is drawn first').to.contain('Accept');
    expect(frames[0].text, 'without the form').not.to.contain('Schedule callback');
    expect(seen).not.to.contain('This part could not be shown.');
    button(el, 'Schedule callback')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=callback] input[type=datetime-local]')).to.exist;
  });

  it('the wrap-up form renders nothing until it is loaded, then appears; the rest of the card does not wait', async () => {
    const {el, frames, all} = await mount('en', card(views({wrapUp: WRAP_UP}).ended));
    expect(button(el, 'Save disposition'), 'there once updateComplete resolves').to.exist;
    expect(el.shadowRoot!.querySelector('[part=wrap-up] select')).to.exist;
    const seen = await all();
    expect(frames[0].text, 'the card is drawn first').to.contain('Campaign call');
    expect(frames[0].text, 'without the form').not.to.contain('Save disposition');
    expect(seen).not.to.contain('This part could not be shown.');
  });

  it('a form already loaded is drawn with the first frame', async () => {
    const {frames, all} = await mount('pt-BR', preview(views({callbacks: CALLBACKS}).preview));
    await all();
    expect(frames[0].text).to.contain('Aceitar').and.contain('Agendar retorno');
  });
});
