/**
 * What the agent sees of hostile dialer text, measured on screen: the kit's
 * own words stay in reading order next to a string that tries to reverse
 * them, a phone number reads as it will be dialled, and nothing overflows
 * the dialog or the card. Every field the kit shows is tried (see
 * test/hostile/fields.ts).
 */
import {expect, html} from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import {BIDI_SPOOFS, UNBROKEN, goodOffer} from '../hostile/corpus.js';
import {FIELDS, NOW, offer} from '../hostile/fields.js';
import {button, settle, visibleText, withDialer} from './support.js';
import {selectPreview, selectTask} from '../../src/core/views.js';
import type {CampaignPreview} from '../../src/elements/campaign-preview/campaign-preview.js';
import type {CampaignTaskCard} from '../../src/elements/campaign-task-card/campaign-task-card.js';

type Host = HTMLElement & {updateComplete: Promise<boolean>};

let clock: sinon.SinonFakeTimers | null = null;
afterEach(() => {
  clock?.restore();
  clock = null;
});

async function mountWithStore(lang = 'en') {
  // The fields' events are dated NOW: the offer stays on show for the whole test.
  clock = sinon.useFakeTimers({now: NOW, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date']});
  const mounted = await withDialer<CampaignPreview>(
    html`<campaign-provider lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'} style="display: block; width: 400px"><campaign-preview></campaign-preview><campaign-task-card></campaign-task-card></campaign-provider>`,
    'campaign-preview',
  );
  mounted.dialer.emit({type: 'agent-state', state: 'available'});
  mounted.dialer.emit(goodOffer('good-1'));
  await settle(mounted.el);
  return mounted;
}

async function mount(lang = 'en') {
  const {provider, el, dialer} = await mountWithStore(lang);
  return {el, card: provider.querySelector('campaign-task-card') as Host, dialer};
}

/** Lets the hosts render, with every collapsible part opened. */
async function render(hosts: Host[]) {
  for (const host of hosts) await settle(host);
  for (const host of hosts) host.shadowRoot!.querySelectorAll('details').forEach((details) => (details.open = true));
  for (const host of hosts) await settle(host);
}

function textNodes(root: ShadowRoot): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('select, style, .visually-hidden, [hidden]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
}

/** Where each character of `node` from `start` to `end` is drawn (its first box), or null when it is not drawn. */
function charBoxes(node: Text, start: number, end: number): (DOMRect | null)[] {
  const range = document.createRange();
  const boxes: (DOMRect | null)[] = [];
  for (let i = start; i < end; i += 1) {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const rect = range.getClientRects()[0];
    boxes.push(rect && rect.width > 0 ? rect : null);
  }
  return boxes;
}

/** The letters of a script, as a page in that direction reads them. */
const READING = {
  ltr: {words: /[A-Za-z]{2,}|[0-9]+/g, ahead: (before: DOMRect, after: DOMRect) => after.left >= before.left},
  rtl: {words: /[\u0621-\u064A]{2,}/g, ahead: (before: DOMRect, after: DOMRect) => after.right <= before.right},
};

/**
 * Words of the page's script (the kit's own, and the fixtures') drawn out of
 * reading order: a letter behind the one before it, or a word behind the one
 * before it in the same text, on the same line. Latin left to right, or
 * Arabic right to left.
 */
function reversedWords(root: ShadowRoot, dir: keyof typeof READING = 'ltr'): string[] {
  const {words, ahead} = READING[dir];
  const reversed: string[] = [];
  const sameLine = (a: DOMRect, b: DOMRect) => Math.abs(a.top - b.top) < 2;
  for (const node of textNodes(root)) {
    let previous: DOMRect | null = null;
    for (const match of node.data.matchAll(words)) {
      const boxes = charBoxes(node, match.index, match.index + match[0].length);
      const letters = boxes.filter((box): box is DOMRect => box !== null);
      const backwards = letters.some((box, i) => i > 0 && sameLine(letters[i - 1], box) && !ahead(letters[i - 1], box));
      const first = letters[0];
      if (backwards || (first && previous && sameLine(previous, first) && !ahead(previous, first))) reversed.push(match[0]);
      previous = letters.at(-1) ?? previous;
    }
  }
  return reversed;
}

/** The digits, `+` and `-` of an element's text in the order they are drawn, left to right and line by line. */
function drawnNumber(element: Element): string {
  const chars: {char: string; box: DOMRect}[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    charBoxes(node, 0, node.data.length).forEach((box, i) => {
      if (box && /[0-9+-]/.test(node.data[i])) chars.push({char: node.data[i], box});
    });
  }
  chars.sort((a, b) => (Math.abs(a.box.top - b.box.top) < 2 ? a.box.left - b.box.left : a.box.top - b.box.top));
  return chars.map((c) => c.char).join('');
}

/** Boxes of elements and text drawn outside `frame` (1 px of rounding allowed). */
function overflowing(root: ShadowRoot, frame: DOMRect): string[] {
  const outside = (rect: DOMRect) => rect.width > 0 && (rect.left < frame.left - 1 || rect.right > frame.right + 1);
  const found: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element.closest('style, .visually-hidden, [hidden]')) continue;
    if (outside(element.getBoundingClientRect())) found.push(`<${element.localName} class="${element.className}">`);
  }
  for (const node of textNodes(root)) {
    const range = document.createRange();
    range.selectNodeContents(node);
    if ([...range.getClientRects()].some(outside))
      found.push(`text in <${node.parentElement!.localName} class="${node.parentElement!.className}">`);
  }
  return found;
}

const home = {number: '+55 11 3333-4444', type: 'home'};

/** Every dialer string of a stage set to `v`. */
const STAGES: Record<string, (v: string) => unknown[]> = {
  'an offer': (v) => [
    {type: 'stream-error', code: v, message: v},
    {type: 'limit-reached', scope: 'tenant', code: v, message: v},
    offer({
      campaign: {name: v, skipReasons: {required: false, reasons: [{code: 'busy', label: v}]}},
      contact: {
        name: v,
        phoneNumbers: [{number: '+55 11 91234-5678', label: v, tried: true}, home],
        details: [{label: v, value: v}],
        history: [{at: NOW - 86_400_000, outcome: v, disposition: v}],
      },
    }),
    {type: 'action-failed', action: 'accept', offerId: 'f-1', code: v, message: v},
  ],
  'a reservation': (v) => [
    {type: 'offer-withdrawn', offerId: 'good-1', reason: 'withdrawn'},
    {type: 'reservation-offered', reservationId: 'r-f', campaign: {...(offer().campaign as object), name: v}, at: NOW},
  ],
  'a failed call': (v) => [
    offer({contact: {name: v, phoneNumbers: [{number: '+55 11 91234-5678', label: v}, home], details: [{label: v, value: v}]}}),
    {type: 'call-progress', offerId: 'f-1', callId: 'c-f', phase: 'dialing'},
    {type: 'call-failed', callId: 'c-f', reason: v},
  ],
  'a wrap-up': (v) => [
    offer({campaign: {name: v, wrapUp: {codes: [{code: 'sale', label: v}], allowNote: true, timeoutMs: 60_000}}, contact: {name: v}}),
    {type: 'call-progress', offerId: 'f-1', callId: 'c-f', phase: 'connected'},
    {type: 'call-ended', callId: 'c-f'},
  ],
};

const shown = FIELDS.filter((field) => field.shown && field.kind === 'text');

describe('hostile dialer text on screen', () => {
  describe("the kit's words stay in reading order", () => {
    for (const field of shown) {
      for (const spoof of BIDI_SPOOFS) {
        it(`${field.name}: ${spoof.name}`, async () => {
          const {el, card, dialer} = await mount();
          for (const event of field.events(spoof.value)) dialer.events.next(event);
          const hosts = [el, card];
          await render(hosts);
          const host = field.shown === 'preview' ? el : card;
          if (!field.name.includes('skipReasons') && !field.name.includes('wrapUp')) {
            expect(host.shadowRoot!.textContent, 'the value is on show').to.contain('αβγ');
          }
          for (const each of hosts) expect(reversedWords(each.shadowRoot!), each.localName).to.deep.equal([]);
        });
      }
    }
  });

  describe("every dialer string spoofed at once: the kit's words stay in reading order", () => {
    for (const [stage, events] of Object.entries(STAGES)) {
      for (const spoof of BIDI_SPOOFS) {
        it(`${stage}: ${spoof.name}`, async () => {
          const {el, card, dialer} = await mount();
          for (const event of events(spoof.value as string)) dialer.events.next(event);
          await render([el, card]);
          for (const each of [el, card]) expect(reversedWords(each.shadowRoot!), each.localName).to.deep.equal([]);
        });
      }
    }
  });

  describe("in Arabic, right to left, with text that forces left to right: the kit's words stay in reading order", () => {
    const spoofs = [
      {name: 'an unbalanced left-to-right override', value: '\u202Dabc def'},
      {name: 'an unbalanced left-to-right embedding', value: 'abc\u202A def'},
      {name: 'an unclosed left-to-right isolate', value: '\u2066abc def'},
    ];
    for (const [stage, events] of Object.entries(STAGES)) {
      for (const spoof of spoofs) {
        it(`${stage}: ${spoof.name}`, async () => {
          const {el, card, dialer} = await mount('ar');
          for (const event of events(spoof.value)) dialer.events.next(event);
          await render([el, card]);
          expect(el.shadowRoot!.textContent, 'in Arabic').to.match(/[\u0621-\u064A]/);
          for (const each of [el, card]) expect(reversedWords(each.shadowRoot!, 'rtl'), each.localName).to.deep.equal([]);
        });
      }
    }
  });

  describe('a phone number reads as it is dialled', () => {
    const numbers = [{number: '+55 11 91234-5678'}, {number: '+55 11 3333-4444'}];
    for (const spoof of BIDI_SPOOFS) {
      it(`after a label with ${spoof.name}, in a choice of numbers and alone`, async () => {
        const {el, dialer} = await mount();
        const labelled = numbers.map((n) => ({...n, label: spoof.value as string}));
        dialer.emit(offer({contact: {name: spoof.value, phoneNumbers: labelled}}));
        await settle(el);
        const choices = [...el.shadowRoot!.querySelectorAll('[part=numbers] label')];
        expect(choices.map(drawnNumber)).to.deep.equal(numbers.map((n) => n.number.replace(/\s/g, '')));

        choices[1].querySelector('input')!.click();
        await settle(el);
        button(el, 'Accept')!.click();
        const accept = dialer.sent.find((c) => c.type === 'accept') as {phoneNumber?: string} | undefined;
        expect(accept?.phoneNumber, 'dialled').to.equal(numbers[1].number);

        dialer.emit(offer({offer: {offerId: 'f-2'}, contact: {phoneNumbers: [labelled[0]]}}));
        await settle(el);
        expect(drawnNumber(el.shadowRoot!.querySelector('.number')!)).to.equal(numbers[0].number.replace(/\s/g, ''));
      });
    }
  });

  describe('long unbroken text stays inside the dialog and the card', () => {
    const long = [
      ...shown.map((field) => ({field, value: UNBROKEN})),
      ...FIELDS.filter((f) => f.kind === 'number').map((field) => ({field, value: '9'.repeat(40)})),
    ];
    for (const {field, value} of long) {
      it(field.name, async () => {
        const {el, card, dialer} = await mount();
        for (const event of field.events(value)) dialer.events.next(event);
        await render([el, card]);
        const frames: [Host, string][] = [
          [el, '[part=dialog]'],
          [card, '[part=base]'],
        ];
        for (const [host, selector] of frames) {
          const frame = host.shadowRoot!.querySelector(selector);
          if (!frame) continue;
          expect(overflowing(host.shadowRoot!, frame.getBoundingClientRect()), host.localName).to.deep.equal([]);
        }
        expect(document.documentElement.scrollWidth, 'no horizontal scrollbar').to.be.at.most(document.documentElement.clientWidth);
      });
    }
  });

  describe('a part that cannot be rendered does not take the dialog or the card down', () => {
    it('a host-driven view with a date no platform can format: the contact and Accept are still shown', async () => {
      const {el, dialer, store} = await mountWithStore();
      dialer.emit(offer({contact: {history: [{at: NOW - 1_000, outcome: 'busy'}]}}));
      const view = selectPreview(store.snapshot(), NOW);
      const contact = {...view.offer!.contact, history: [{at: 1e20, outcome: 'busy'}]};
      const standalone = document.createElement('campaign-preview');
      el.after(standalone);
      standalone.view = {...view, offer: {...view.offer!, contact}};
      await settle(standalone);
      expect(visibleText(standalone)).to.contain('Maria Oliveira').and.contain('This part could not be shown.');
      expect(button(standalone, 'Accept')).to.exist;
    });

    it('a host-driven task whose wrap-up is malformed: the card still shows the call', async () => {
      const {dialer, store, el} = await mountWithStore();
      dialer.emit(offer({campaign: {wrapUp: {codes: [{code: 'sale', label: 'Sale'}], allowNote: false, timeoutMs: 0}}}));
      dialer.emit({type: 'call-progress', offerId: 'f-1', callId: 'c-f', phase: 'connected'});
      dialer.emit({type: 'call-ended', callId: 'c-f'});
      const task = selectTask(store.snapshot(), NOW)!;
      const card = document.createElement('campaign-task-card') as CampaignTaskCard;
      el.after(card);
      card.task = {...task, wrapUp: {...task.wrapUp!, codes: null as never}};
      await settle(card);
      expect(visibleText(card)).to.contain('Maria Oliveira').and.contain('Ended').and.contain('This part could not be shown.');
    });
  });
});
