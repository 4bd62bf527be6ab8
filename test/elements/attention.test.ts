/**
 * Noticed in the background: a reservation call or a contact that arrives
 * while the page is hidden or not focused shows in the document title, in a
 * desktop notification and as a ring, as `<campaign-provider alerts>` says;
 * nothing while the page is visible and focused.
 *
 * A headless page never becomes hidden or unfocused by itself, so most tests
 * override `document.visibilityState`, `document.hidden` and
 * `document.hasFocus()` and fire the events a browser would. One test moves
 * the focus for real, to another page of the same browser brought to the
 * front (Chromium and Firefox, through puppeteer). What each browser allows
 * (found by these tests):
 * - Chromium: the notification permission is granted through the DevTools
 *   protocol and the notification is really shown (`show` fires); an
 *   AudioContext starts suspended and its `resume()` waits until the page has
 *   had a click or a key press, then runs.
 * - Firefox: the permission is granted through WebDriver BiDi, but headless
 *   Firefox cannot show a notification (`error` fires on it); its
 *   AudioContext never runs, even after a real click (no audio output).
 * - WebKit (WebKitGTK MiniBrowser over WebDriver classic): the permission
 *   cannot be granted (no WebDriver permissions command) and stays `default`,
 *   so a recording fake `Notification` stands in; an AudioContext made without
 *   a gesture is suspended, and resumes once the page has had a real click.
 *   No second page can be brought to the front.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {emulateMedia, executeServerCommand, sendMouse} from '@web/test-runner-commands';
import {ifDefined} from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import {map} from 'rxjs';
import {provideCampaignStore, type CampaignProvider} from '../../src/elements/campaign-provider/campaign-provider.js';
import type {CampaignPreview} from '../../src/elements/campaign-preview/campaign-preview.js';
import {requestAlertPermission} from '../../src/attention/desktop-notification.js';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import type {CampaignStore} from '../../src/store/campaign-store.js';
import {ScriptedDialer, campaign, settle, useFakeClock} from './support.js';

const UA = navigator.userAgent;
const FIREFOX = UA.includes('Firefox/');
const CHROMIUM = /Chrome|Chromium/.test(UA);
const WEBKIT = !FIREFOX && !CHROMIUM;

const DESKTOP_TITLE = 'Agent desktop';

/** Lets the page-visibility check (a microtask after each event) and what follows it run; no timer (they may be fake). */
async function flush(): Promise<void> {
  for (let turn = 0; turn < 3; turn += 1) await Promise.resolve();
}

/**
 * The page as the agent leaves it and comes back: `document.visibilityState`,
 * `document.hidden` and `document.hasFocus()` overridden, and the events a
 * browser fires.
 */
const page = {
  set(hidden: boolean, focused: boolean): void {
    Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => (hidden ? 'hidden' : 'visible')});
    Object.defineProperty(document, 'hidden', {configurable: true, get: () => hidden});
    Object.defineProperty(document, 'hasFocus', {configurable: true, value: () => focused});
  },
  /** To another tab: hidden and unfocused. */
  async hide(): Promise<void> {
    this.set(true, false);
    window.dispatchEvent(new Event('blur'));
    document.dispatchEvent(new Event('visibilitychange'));
    await flush();
  },
  /** To another window side by side: visible, not focused. */
  async blur(): Promise<void> {
    this.set(false, false);
    window.dispatchEvent(new Event('blur'));
    await flush();
  },
  async back(): Promise<void> {
    this.set(false, true);
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('focus'));
    await flush();
  },
  restore(): void {
    for (const key of ['visibilityState', 'hidden', 'hasFocus']) delete (document as unknown as Record<string, unknown>)[key];
  },
};

/** A provider with a preview, around a scripted dialer; the agent Available. */
async function desktop(alerts: string | null = 'title', wrapper = (inner: ReturnType<typeof html>) => inner) {
  const tree = await fixture<HTMLElement>(
    wrapper(html`<campaign-provider alerts=${ifDefined(alerts ?? undefined)}><campaign-preview></campaign-preview></campaign-provider>`),
  );
  const provider = (tree.localName === 'campaign-provider' ? tree : tree.querySelector('campaign-provider'))! as CampaignProvider;
  const dialer = new ScriptedDialer();
  const store = createCampaignStore(dialer);
  provider.store = store;
  await provider.updateComplete;
  const preview = provider.querySelector('campaign-preview') as CampaignPreview;
  // Drawn, in its language: a language loaded on demand (pt-BR, ar) is here once it has.
  await preview.updateComplete;
  dialer.emit({type: 'agent-state', state: 'available'});
  return {tree, provider, preview, dialer, store};
}

function reservation(dialer: ScriptedDialer, reservationId = 'r1', name = 'Renewals'): void {
  dialer.emit({type: 'reservation-offered', reservationId, campaign: campaign({name}), at: Date.now()});
}

// ---- notifications: the real one where the browser grants it, a recording fake where not ----

interface Shown {
  readonly title: string;
  readonly options: NotificationOptions;
  closed: boolean;
  click(): void;
}

const granted = (await executeServerCommand('notification-permission', {state: 'granted'})) as {available: boolean; reason?: string};
const REAL_NOTIFICATIONS = granted.available && typeof Notification !== 'undefined' && Notification.permission === 'granted';
const NOTIFICATIONS = REAL_NOTIFICATIONS
  ? 'real Notification, permission granted through the browser'
  : "recording fake Notification: the browser's driver cannot grant the permission";

/**
 * Records the notifications the kit makes: the browser's real Notification
 * (a subclass that keeps each instance) where the permission could be
 * granted (unless `fake`), else a fake with the permission `permission`.
 */
function recordNotifications(permission: NotificationPermission = 'granted', fake = !REAL_NOTIFICATIONS): Shown[] {
  const shown: Shown[] = [];
  const Real = window.Notification;
  let Recording: typeof Notification;
  if (!fake) {
    Recording = class extends Real {
      constructor(title: string, options: NotificationOptions = {}) {
        super(title, options);
        const entry: Shown = {title, options, closed: false, click: () => this.dispatchEvent(new Event('click'))};
        shown.push(entry);
        this.addEventListener('close', () => (entry.closed = true));
        const close = this.close.bind(this);
        this.close = () => {
          entry.closed = true;
          close();
        };
      }
    } as typeof Notification;
  } else {
    class Fake extends EventTarget {
      static permission = permission;
      static requestPermission = sinon.spy(async () => permission);
      constructor(title: string, options: NotificationOptions = {}) {
        super();
        const entry: Shown = {title, options, closed: false, click: () => this.dispatchEvent(new Event('click'))};
        shown.push(entry);
        this.close = () => (entry.closed = true);
      }
      close(): void {}
    }
    Recording = Fake as unknown as typeof Notification;
  }
  Object.defineProperty(window, 'Notification', {configurable: true, writable: true, value: Recording});
  restoreAfter.push(() => Object.defineProperty(window, 'Notification', {configurable: true, writable: true, value: Real}));
  return shown;
}

// ---- the ring: what the page's real AudioContext is asked to do ----

interface AudioLog {
  /** Each oscillator started, with its frequency. */
  readonly notes: {frequency: number}[];
  readonly counts: {stops: number; resumes: number; suspends: number; closes: number};
  /** Resolves once `count` notes have started (the context runs on its own time, not the fake clock). */
  played(count: number): Promise<void>;
  /** Resolves at the next `suspend()` or `close()` of a context. */
  quiet(): Promise<void>;
}

function recordAudio(): AudioLog {
  const notes: {frequency: number}[] = [];
  const counts = {stops: 0, resumes: 0, suspends: 0, closes: 0};
  const waiting: {count: number; resolve: () => void}[] = [];
  let quiet: (() => void) | null = null;
  const proto = AudioScheduledSourceNode.prototype;
  const {start, stop} = proto;
  sinon.replace(proto, 'start', function (this: AudioScheduledSourceNode, ...args: Parameters<typeof start>) {
    const result = start.apply(this, args);
    if (this instanceof OscillatorNode) notes.push({frequency: this.frequency.value});
    for (const waiter of waiting.splice(0)) (notes.length >= waiter.count ? waiter.resolve : () => waiting.push(waiter))();
    return result;
  });
  sinon.replace(proto, 'stop', function (this: AudioScheduledSourceNode, ...args: Parameters<typeof stop>) {
    counts.stops += 1;
    return stop.apply(this, args);
  });
  for (const [name, counter] of [
    ['resume', 'resumes'],
    ['suspend', 'suspends'],
    ['close', 'closes'],
  ] as const) {
    const original = AudioContext.prototype[name];
    sinon.replace(AudioContext.prototype, name, function (this: AudioContext) {
      counts[counter] += 1;
      if (name !== 'resume') {
        quiet?.();
        quiet = null;
      }
      return original.call(this);
    });
  }
  return {
    notes,
    counts,
    played: (count) => new Promise<void>((resolve) => (notes.length >= count ? resolve() : waiting.push({count, resolve}))),
    quiet: () => new Promise<void>((resolve) => (quiet = resolve)),
  };
}

/** A real click on the page: from then on it may start audio (user activation). */
async function clickThePage(): Promise<void> {
  await sendMouse({type: 'click', position: [2, 2]});
  await sendMouse({type: 'move', position: [0, 0]});
}

const restoreAfter: (() => unknown)[] = [];

describe('noticed in the background', () => {
  let titleBefore = '';
  before(() => (titleBefore = document.title));
  beforeEach(() => (document.title = DESKTOP_TITLE));
  afterEach(async () => {
    page.restore();
    sinon.restore();
    for (const restore of restoreAfter.splice(0).reverse()) await restore();
  });
  after(() => (document.title = titleBefore));

  describe('the title', () => {
    it('a contact arriving while the page is hidden flashes in the title once a second; the title comes back exactly on return', async () => {
      const clock = useFakeClock();
      const {dialer} = await desktop();
      await page.hide();
      expect(document.title, 'nothing to tell yet').to.equal(DESKTOP_TITLE);
      dialer.offer('o1');
      expect(document.title).to.equal('Campaign contact: Maria Oliveira');
      await clock.tickAsync(1_000);
      expect(document.title).to.equal(DESKTOP_TITLE);
      await clock.tickAsync(1_000);
      expect(document.title).to.equal('Campaign contact: Maria Oliveira');
      await page.back();
      expect(document.title).to.equal(DESKTOP_TITLE);
      await clock.tickAsync(5_000);
      expect(document.title, 'no more flashing').to.equal(DESKTOP_TITLE);
    });

    it('nothing while the page is visible and focused, nor later for a contact the agent saw there', async () => {
      const clock = useFakeClock();
      const {dialer} = await desktop('title notification ring');
      const shown = recordNotifications();
      dialer.offer('o1');
      await clock.tickAsync(3_000);
      expect(document.title).to.equal(DESKTOP_TITLE);
      await page.hide();
      expect(document.title, 'the agent saw this contact before leaving').to.equal(DESKTOP_TITLE);
      for (let second = 1; second <= 2; second += 1) {
        await clock.tickAsync(1_000);
        expect(document.title, `after ${second} s`).to.equal(DESKTOP_TITLE);
      }
      expect(shown).to.have.length(0);
    });

    it('a page that is visible but not focused (another window in front) counts as away', async () => {
      useFakeClock();
      const {dialer} = await desktop();
      await page.blur();
      dialer.offer('o1');
      expect(document.title).to.equal('Campaign contact: Maria Oliveira');
      await page.back();
      expect(document.title).to.equal(DESKTOP_TITLE);
    });

    it('a reservation call, then its contact: each says its own, the contact replacing the reservation call once answered', async () => {
      useFakeClock();
      const {dialer, store} = await desktop();
      await page.hide();
      reservation(dialer, 'r1', 'Renewals');
      expect(document.title).to.equal('Reservation call: Renewals');
      store.dispatch({type: 'answer-reservation', reservationId: 'r1'});
      expect(document.title, 'answered: nothing waits').to.equal(DESKTOP_TITLE);
      dialer.emit({type: 'reservation-answered', reservationId: 'r1'});
      dialer.offer('o1', {}, {name: 'João Silva'});
      expect(document.title).to.equal('Campaign contact: João Silva');
    });

    it('stops when the agent decides, and the next contact is a new alert', async () => {
      const clock = useFakeClock();
      const {dialer, store} = await desktop();
      await page.hide();
      dialer.offer('o1');
      await clock.tickAsync(1_000);
      store.dispatch({type: 'skip', offerId: 'o1'});
      expect(document.title).to.equal(DESKTOP_TITLE);
      await clock.tickAsync(2_000);
      expect(document.title).to.equal(DESKTOP_TITLE);
      dialer.offer('o2', {}, {name: 'Ana Costa'});
      expect(document.title).to.equal('Campaign contact: Ana Costa');
    });

    it('stops at the deadline, when the kit takes the timeout action', async () => {
      const clock = useFakeClock();
      const {dialer} = await desktop();
      await page.hide();
      dialer.offer('o1', {timeoutMs: 5_000, timeoutAction: 'skip'});
      await clock.tickAsync(4_000);
      expect(document.title).to.equal('Campaign contact: Maria Oliveira');
      await clock.tickAsync(1_000);
      expect(dialer.sent.at(-1)).to.deep.include({type: 'skip', offerId: 'o1', source: 'timeout'});
      expect(document.title).to.equal(DESKTOP_TITLE);
    });

    it('stops when the dialer withdraws the contact or the reservation call', async () => {
      useFakeClock();
      const {dialer} = await desktop();
      await page.hide();
      dialer.offer('o1');
      dialer.emit({type: 'offer-withdrawn', offerId: 'o1', reason: 'withdrawn'});
      expect(document.title).to.equal(DESKTOP_TITLE);
      reservation(dialer, 'r2');
      expect(document.title).to.equal('Reservation call: Renewals');
      dialer.emit({type: 'reservation-withdrawn', reservationId: 'r2', reason: 'missed'});
      expect(document.title).to.equal(DESKTOP_TITLE);
    });

    it('stops when the store is disposed', async () => {
      const clock = useFakeClock();
      const {dialer, store} = await desktop();
      await page.hide();
      dialer.offer('o1');
      store.dispose();
      expect(document.title).to.equal(DESKTOP_TITLE);
      await clock.tickAsync(2_000);
      expect(document.title).to.equal(DESKTOP_TITLE);
    });

    it('a title the page sets during the alert is the one that comes back', async () => {
      const clock = useFakeClock();
      const {dialer} = await desktop();
      await page.hide();
      dialer.offer('o1');
      document.title = 'Agent desktop (3)';
      await clock.tickAsync(1_000);
      expect(document.title).to.equal('Agent desktop (3)');
      await clock.tickAsync(1_000);
      expect(document.title).to.equal('Campaign contact: Maria Oliveira');
      await page.back();
      expect(document.title).to.equal('Agent desktop (3)');
    });

    it('under prefers-reduced-motion: reduce the alert stays still, without flashing', async () => {
      const clock = useFakeClock();
      if (CHROMIUM) {
        await emulateMedia({reducedMotion: 'reduce'});
        restoreAfter.push(() => emulateMedia({reducedMotion: 'no-preference'}));
      } else {
        // Only Chromium's DevTools protocol emulates the media feature here.
        const real = window.matchMedia.bind(window);
        sinon.replace(window, 'matchMedia', (query: string) =>
          query === '(prefers-reduced-motion: reduce)' ? ({...real(query), matches: true} as MediaQueryList) : real(query),
        );
      }
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
      const {dialer} = await desktop();
      await page.hide();
      dialer.offer('o1');
      for (let second = 1; second <= 3; second += 1) {
        await clock.tickAsync(1_000);
        expect(document.title, `after ${second} s`).to.equal('Campaign contact: Maria Oliveira');
      }
      await page.back();
      expect(document.title).to.equal(DESKTOP_TITLE);
    });

    it('in the language of the provider: Brazilian Portuguese', async () => {
      useFakeClock();
      const {dialer} = await desktop('title', (inner) => html`<div lang="pt-BR">${inner}</div>`);
      await page.hide();
      reservation(dialer, 'r1', 'Renovações');
      expect(document.title).to.equal('Chamada de reserva: Renovações');
    });

    it('names isolated where bidi text could reorder the sentence: Arabic, or a right-to-left name; left bare otherwise', async () => {
      useFakeClock();
      const arabic = await desktop('title', (inner) => html`<div lang="ar">${inner}</div>`);
      await page.hide();
      arabic.dialer.offer('o1');
      expect(document.title).to.equal('جهة اتصال الحملة: \u2068Maria Oliveira\u2069');
      arabic.dialer.emit({type: 'offer-withdrawn', offerId: 'o1', reason: 'withdrawn'});
      arabic.provider.remove();
      const english = await desktop();
      english.dialer.offer('o2', {}, {name: 'مريم \u202eحداد'});
      expect(document.title, 'an override inside the name stays inside it').to.equal('Campaign contact: \u2068مريم \u202eحداد\u2069');
      english.dialer.emit({type: 'offer-withdrawn', offerId: 'o2', reason: 'withdrawn'});
      english.dialer.offer('o3');
      expect(document.title, 'no invisible characters in a plain title').to.equal('Campaign contact: Maria Oliveira');
    });

    it('focus moving into a frame of the page is not away', async () => {
      useFakeClock();
      const {tree, dialer} = await desktop('title', (inner) => html`<div>${inner}<iframe title="CRM" srcdoc=${'<input>'}></iframe></div>`);
      const frame = tree.querySelector('iframe')!;
      if (!frame.contentDocument?.querySelector('input'))
        await new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
      frame.contentDocument!.querySelector('input')!.focus();
      await flush();
      expect(document.hasFocus()).to.equal(true);
      dialer.offer('o1');
      expect(document.title).to.equal(DESKTOP_TITLE);
    });
  });

  describe('the alerts attribute', () => {
    it('default title: no notification nor ring unless asked for', async () => {
      useFakeClock();
      const audio = recordAudio();
      const shown = recordNotifications();
      const {dialer, provider} = await desktop(null);
      expect(provider.alerts).to.equal('title');
      await page.hide();
      dialer.offer('o1');
      expect(document.title).to.equal('Campaign contact: Maria Oliveira');
      expect(shown).to.have.length(0);
      expect(audio.notes).to.have.length(0);
    });

    for (const off of ['', 'none']) {
      it(`alerts="${off}" turns everything off`, async () => {
        const clock = useFakeClock();
        const shown = recordNotifications();
        const {dialer} = await desktop(off);
        await page.hide();
        dialer.offer('o1');
        await clock.tickAsync(2_000);
        expect(document.title).to.equal(DESKTOP_TITLE);
        expect(shown).to.have.length(0);
      });
    }

    it('a change of alerts applies at once: none stops the alert on; title starts it again for the contact still waiting', async () => {
      useFakeClock();
      const {dialer, provider} = await desktop('title');
      await page.hide();
      dialer.offer('o1');
      expect(document.title).to.equal('Campaign contact: Maria Oliveira');
      provider.alerts = 'none';
      await provider.updateComplete;
      expect(document.title).to.equal(DESKTOP_TITLE);
      provider.alerts = 'title';
      await provider.updateComplete;
      expect(document.title, 'the contact still waits: told again').to.equal('Campaign contact: Maria Oliveira');
    });

    it('a provider removed from the page takes its alert with it', async () => {
      useFakeClock();
      const {dialer, provider} = await desktop();
      await page.hide();
      dialer.offer('o1');
      provider.remove();
      expect(document.title).to.equal(DESKTOP_TITLE);
    });

    it('two providers of one store alert once, as the first asks', async () => {
      const clock = useFakeClock();
      const shown = recordNotifications();
      const tree = await fixture<HTMLDivElement>(html`<div>
        <campaign-provider alerts="notification"><campaign-preview></campaign-preview></campaign-provider>
        <campaign-provider alerts="title notification"><campaign-task-card></campaign-task-card></campaign-provider>
      </div>`);
      const dialer = new ScriptedDialer();
      const store = createCampaignStore(dialer);
      const [first, second] = tree.querySelectorAll('campaign-provider');
      first.store = store;
      second.store = store;
      await first.updateComplete;
      await second.updateComplete;
      await page.hide();
      dialer.offer('o1');
      await clock.tickAsync(1_000);
      expect(shown.map((n) => n.title)).to.deep.equal(['Campaign contact: Maria Oliveira']);
      expect(document.title, 'the first provider asks for no title').to.equal(DESKTOP_TITLE);
      first.remove();
      expect(shown[0].closed, "the first provider gone, the second one's alerts take over").to.equal(true);
      expect(document.title).to.equal('Campaign contact: Maria Oliveira');
      expect(shown).to.have.length(2);
    });

    it('a tab that mirrors another tab in charge never alerts', async () => {
      useFakeClock();
      const shown = recordNotifications();
      const provider = await fixture<CampaignProvider>(html`<campaign-provider alerts="title notification"></campaign-provider>`);
      const dialer = new ScriptedDialer();
      const real = createCampaignStore(dialer);
      // A host's own store, as a mirroring tab's: the same state, not in charge.
      const mirror: CampaignStore = {...real, state$: real.state$.pipe(map((state) => ({...state, inCharge: false})))};
      provider.store = mirror;
      await provider.updateComplete;
      await page.hide();
      dialer.offer('o1');
      expect(document.title).to.equal(DESKTOP_TITLE);
      expect(shown).to.have.length(0);
    });

    it('provideCampaignStore(host, store, {alerts}) alerts from a host element, and stops when the store is withdrawn', async () => {
      useFakeClock();
      const shown = recordNotifications();
      const host = await fixture<HTMLDivElement>(html`<div lang="pt-BR"><campaign-preview></campaign-preview></div>`);
      await host.querySelector('campaign-preview')!.updateComplete;
      const dialer = new ScriptedDialer();
      const swap = provideCampaignStore(host, createCampaignStore(dialer), {alerts: 'notification'});
      await page.hide();
      dialer.offer('o1');
      expect(document.title, 'no title asked for').to.equal(DESKTOP_TITLE);
      expect(shown.map((n) => n.title)).to.deep.equal(['Contato da campanha: Maria Oliveira']);
      swap(undefined);
      expect(shown[0].closed).to.equal(true);
    });

    it('provideCampaignStore without options gives the title', async () => {
      useFakeClock();
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const dialer = new ScriptedDialer();
      const swap = provideCampaignStore(host, createCampaignStore(dialer));
      await page.hide();
      reservation(dialer);
      expect(document.title).to.equal('Reservation call: Renewals');
      swap(undefined);
      expect(document.title).to.equal(DESKTOP_TITLE);
    });
  });

  describe(`the desktop notification (${NOTIFICATIONS})`, () => {
    it("one per contact, tagged by it, staying until acted on, in the agent's words with the countdown; closed when the agent decides", async () => {
      useFakeClock();
      const shown = recordNotifications();
      const {dialer, store} = await desktop('notification');
      await page.hide();
      dialer.offer('o1', {timeoutMs: 30_000, timeoutAction: 'skip'});
      expect(shown).to.have.length(1);
      expect(shown[0].title).to.equal('Campaign contact: Maria Oliveira');
      expect(shown[0].options).to.deep.include({
        body: 'Accept, skip or remove the contact in the agent desktop.\nSkipping in 0:30',
        tag: 'campaign-preview-kit:offer:o1',
        requireInteraction: true,
        lang: 'en',
      });
      expect(document.title, 'no title asked for').to.equal(DESKTOP_TITLE);
      store.dispatch({type: 'remove', offerId: 'o1'});
      expect(shown[0].closed).to.equal(true);
    });

    it('a reservation call, then the next contact: the first closed, the second with its own tag', async () => {
      useFakeClock();
      const shown = recordNotifications();
      const {dialer} = await desktop('notification');
      await page.hide();
      reservation(dialer);
      dialer.offer('o1');
      expect(shown.map((n) => [n.title, n.options.body, n.options.tag, n.closed])).to.deep.equal([
        ['Reservation call: Renewals', 'Answer the reservation call in the agent desktop.', 'campaign-preview-kit:reservation:r1', true],
        [
          'Campaign contact: Maria Oliveira',
          'Accept, skip or remove the contact in the agent desktop.\nSkipping in 0:30',
          'campaign-preview-kit:offer:o1',
          false,
        ],
      ]);
    });

    it('closed when the agent comes back to the page', async () => {
      useFakeClock();
      const shown = recordNotifications();
      const {dialer} = await desktop('notification');
      await page.hide();
      dialer.offer('o1');
      await page.back();
      expect(shown.map((n) => n.closed)).to.deep.equal([true]);
    });

    it('clicking it focuses the window and the Campaign contact dialog, and closes it', async () => {
      useFakeClock();
      const shown = recordNotifications();
      const {dialer, preview} = await desktop('notification');
      const focusWindow = sinon.spy(window, 'focus');
      await page.hide();
      dialer.offer('o1');
      await settle(preview);
      (document.activeElement as HTMLElement | null)?.blur();
      shown[0].click();
      expect(focusWindow.calledOnce).to.equal(true);
      const focused = preview.shadowRoot!.activeElement;
      expect(focused?.getAttribute('role')).to.equal('dialog');
      expect(focused?.getAttribute('aria-labelledby')).to.be.a('string');
      expect(shown[0].closed).to.equal(true);
    });

    it('nothing without the permission, and the kit never asks for it', async () => {
      useFakeClock();
      if (REAL_NOTIFICATIONS) {
        await executeServerCommand('notification-permission', {state: 'prompt'});
        restoreAfter.push(() => executeServerCommand('notification-permission', {state: 'granted'}));
        expect(Notification.permission).to.equal('default');
      }
      const shown = recordNotifications('default');
      const ask = REAL_NOTIFICATIONS
        ? sinon.spy(window.Notification, 'requestPermission')
        : (window.Notification.requestPermission as sinon.SinonSpy);
      const {dialer} = await desktop('notification');
      await page.hide();
      dialer.offer('o1');
      expect(shown).to.have.length(0);
      expect(ask.called).to.equal(false);
    });

    it('requestAlertPermission() answers with the permission (granted: no prompt)', async () => {
      recordNotifications('granted');
      expect(await requestAlertPermission()).to.equal('granted');
    });

    it('requestAlertPermission() asks the browser when the agent has not answered yet (a recording fake: no headless prompt can be answered)', async () => {
      recordNotifications('default', true);
      expect(await requestAlertPermission()).to.equal('default');
      expect((window.Notification.requestPermission as sinon.SinonSpy).calledOnce).to.equal(true);
    });
  });

  describe("the ring (the page's real AudioContext, recorded)", () => {
    // Before any test clicks the page: afterwards the page has had user activation for good.
    it('in a page the agent never clicked nor typed in, the context cannot start: asked to resume, nothing is played', async function () {
      const activation = (navigator as Navigator & {userActivation?: {hasBeenActive: boolean}}).userActivation;
      if (activation?.hasBeenActive) this.skip();
      const clock = useFakeClock();
      const audio = recordAudio();
      const {dialer, store} = await desktop('ring');
      await page.hide();
      dialer.offer('o1');
      await clock.tickAsync(5_000);
      expect(audio.counts.resumes, 'each ring asks the context to resume').to.be.greaterThan(0);
      expect(audio.notes, 'no note waits to be played all at once later').to.have.length(0);
      const quiet = audio.quiet();
      store.dispatch({type: 'skip', offerId: 'o1'});
      await quiet;
      expect(audio.counts.suspends).to.equal(1);
    });

    /** A desktop with `alerts`, in a page the agent has clicked: its AudioContext may run. */
    async function clickedDesktop(test: Mocha.Context, alerts: string) {
      // Headless Firefox has no audio output: its AudioContext stays suspended even after a real click.
      if (FIREFOX) test.skip();
      await clickThePage();
      const clock = useFakeClock();
      return {clock, audio: recordAudio(), ...(await desktop(alerts))};
    }

    it('a background contact rings, two tones again every 2.5 s, and stops when the agent decides; the context is suspended', async function () {
      const {clock, audio, dialer, store} = await clickedDesktop(this, 'ring');
      dialer.offer('o0');
      await clock.tickAsync(3_000);
      expect(audio.notes, 'nothing while the page is visible and focused').to.have.length(0);
      store.dispatch({type: 'skip', offerId: 'o0'});
      await page.hide();
      dialer.offer('o1');
      // WebKit makes the context suspended and runs it a moment later (resume): the first ring plays then.
      await audio.played(4);
      expect(audio.notes.map((n) => n.frequency)).to.deep.equal([784, 659, 784, 659]);
      await clock.tickAsync(2_500);
      expect(audio.notes).to.have.length(8);
      const quiet = audio.quiet();
      const stopsBefore = audio.counts.stops;
      store.dispatch({type: 'accept', offerId: 'o1', phoneNumber: '+55 11 91234-5678'});
      expect(audio.counts.stops - stopsBefore, 'each note still to sound is stopped (after a short fade)').to.be.greaterThan(0);
      await quiet;
      expect(audio.counts.suspends).to.equal(1);
      await clock.tickAsync(5_000);
      expect(audio.notes, 'no more rings').to.have.length(8);
    });

    it("stops when the agent comes back to the page, and the provider's removal closes the context", async function () {
      const {clock, audio, dialer, provider} = await clickedDesktop(this, 'ring title');
      await page.hide();
      reservation(dialer);
      await audio.played(4);
      expect(audio.notes).to.have.length(4);
      const quiet = audio.quiet();
      await page.back();
      await quiet;
      expect(document.title).to.equal(DESKTOP_TITLE);
      await clock.tickAsync(5_000);
      expect(audio.notes).to.have.length(4);
      provider.remove();
      expect(audio.counts.closes).to.equal(1);
    });
  });

  describe('with the focus really moved away', () => {
    it('another page of the browser brought to the front: the title alerts, and comes back when this page is in front again', async function () {
      // WebKit's WebDriver classic session has one page here: no other page to bring to the front.
      if (WEBKIT) this.skip();
      const {dialer} = await desktop();
      const blurred = new Promise((resolve) => window.addEventListener('blur', resolve, {once: true}));
      const away = (await executeServerCommand('focus-other-page')) as {available: boolean; reason?: string};
      expect(away, away.reason).to.deep.equal({available: true});
      await blurred;
      await flush();
      expect(document.hasFocus()).to.equal(false);
      dialer.offer('o1');
      expect(document.title).to.equal('Campaign contact: Maria Oliveira');
      const focused = new Promise((resolve) => window.addEventListener('focus', resolve, {once: true}));
      await executeServerCommand('focus-test-page');
      await focused;
      await flush();
      expect(document.title).to.equal(DESKTOP_TITLE);
    });
  });
});
