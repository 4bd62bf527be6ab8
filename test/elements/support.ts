import {expect, fixture} from '@open-wc/testing';
import {a11ySnapshot, findAccessibilityNode} from '@web/test-runner-commands';
import type {TemplateResult} from 'lit';
import {Observable, Subject} from 'rxjs';
import sinon from 'sinon';
import '../../src/define.js';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import type {DialerAdapter} from '../../src/adapters/dialer-adapter.js';
import type {Capabilities} from '../../src/core/state.js';
import type {CampaignProvider} from '../../src/elements/campaign-provider/campaign-provider.js';
import type {Campaign, Contact, DialerCommand} from '../../src/protocol/index.js';
import {ALL_ACTIONS, campaign, contact} from '../core/fixtures.js';

export {campaign, contact};

/** A dialer the test drives by hand: push events, read the commands it got. */
export class ScriptedDialer implements DialerAdapter {
  readonly events = new Subject<unknown>();
  readonly events$ = this.events.asObservable();
  readonly sent: DialerCommand[] = [];
  refuse: ((command: DialerCommand) => Error | null) | null = null;

  constructor(readonly capabilities: Capabilities = {enforcesTimeout: false, actions: ALL_ACTIONS}) {}

  send(command: DialerCommand): Observable<void> {
    this.sent.push(command);
    const error = this.refuse?.(command) ?? null;
    return new Observable((s) => (error ? s.error(error) : s.complete()));
  }

  emit(event: Record<string, unknown>): void {
    this.events.next(event);
  }

  offer(offerId = 'o1', campaignOverrides: Partial<Campaign> = {}, contactOverrides: Partial<Contact> = {}): void {
    const c = campaign(campaignOverrides);
    const now = Date.now();
    this.emit({
      type: 'contact-offered',
      offerId,
      campaign: c,
      contact: contact(contactOverrides),
      offeredAt: now,
      deadline: c.timeoutMs ? now + c.timeoutMs : null,
    });
  }
}

/** Mounts `template` inside a provider wired to a scripted dialer. */
export async function withDialer<T extends Element>(template: TemplateResult, selector: string, dialer = new ScriptedDialer()) {
  const provider = await fixture<CampaignProvider>(template);
  const store = createCampaignStore(dialer);
  provider.store = store;
  await provider.updateComplete;
  const el = provider.querySelector(selector) as unknown as T & {updateComplete: Promise<boolean>};
  return {provider, el, dialer, store};
}

/** Lets Lit render after a change. */
export async function settle(el: {updateComplete: Promise<boolean>}): Promise<void> {
  await el.updateComplete;
  await el.updateComplete;
}

let fakeClock: sinon.SinonFakeTimers | null = null;

/** Fake time for the rest of the current test; restored after it whatever happens. */
export function useFakeClock(): sinon.SinonFakeTimers {
  fakeClock = sinon.useFakeTimers({
    now: new Date('2026-03-02T12:00:00.000Z').getTime(),
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  return fakeClock;
}

afterEach(() => {
  fakeClock?.restore();
  fakeClock = null;
});

/** The shadow-root button whose visible name starts with `name`, if rendered. */
export function button(el: Element, name: string): HTMLButtonElement | undefined {
  return [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name);
}

/** Text of the element's shadow root, whitespace collapsed, bidi isolates removed. */
export function visibleText(el: Element): string {
  return plain(el.shadowRoot!.textContent ?? '');
}

export function plain(text: string): string {
  return text
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const CHROMIUM = /Chrome|Chromium/.test(navigator.userAgent);
const WEBKIT = navigator.userAgent.includes('AppleWebKit') && !CHROMIUM;

/**
 * Checks, in the browser's accessibility tree, that a control with this role
 * and name exists. Browsers without the DevTools protocol (Firefox, WebKit)
 * have no accessibility snapshot: there the role and name are read from the
 * DOM (native and ARIA buttons, aria-label, aria-labelledby, text).
 */
export async function expectRole(role: string, name: string, present = true): Promise<void> {
  let found: boolean;
  if (CHROMIUM) {
    const snapshot = await a11ySnapshot({});
    found = Boolean(
      findAccessibilityNode(snapshot as never, (n: {role?: string; name?: string}) => n.role === role && plain(n.name ?? '') === name),
    );
  } else {
    found = role === 'button' && domButtonNames(document).includes(name);
  }
  expect(found, `${role} "${name}" ${present ? 'present' : 'absent'}`).to.equal(present);
}

/** The accessible names of the rendered buttons under `root`, shadow roots included. */
function domButtonNames(root: Document | ShadowRoot): string[] {
  const names: string[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (el.shadowRoot) names.push(...domButtonNames(el.shadowRoot));
    const isButton = el.localName === 'button' || el.getAttribute('role') === 'button';
    if (!isButton || el.closest('[hidden]') || el.getClientRects().length === 0) continue;
    const labelledBy = el
      .getAttribute('aria-labelledby')
      ?.split(' ')
      .map((id) => root.getElementById(id)?.textContent ?? '')
      .join(' ');
    names.push(plain(el.getAttribute('aria-label') ?? labelledBy ?? el.textContent ?? ''));
  }
  return names;
}

/**
 * Skips a test that holds a modifier key (Shift+Tab, Alt+Shift+S) in WebKit:
 * its WebDriver launcher can only press or type keys, not hold one down.
 */
export function skipWithoutHeldKeys(test: Mocha.Context): void {
  if (WEBKIT) test.skip();
}

/** The accessible name of the element's dialog (by `aria-labelledby`), or null when none is open. */
export function dialogName(el: Element): string | null {
  const dialog = el.shadowRoot!.querySelector('[role=dialog]');
  if (!dialog) return null;
  const ids = dialog.getAttribute('aria-labelledby')?.split(' ') ?? [];
  return ids.map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim()).join(' ');
}

/** axe over the element; fake clocks are restored first (axe uses real timers). */
export async function expectAccessible(el: Element, clock?: sinon.SinonFakeTimers): Promise<void> {
  clock?.restore();
  await expect(el).to.be.accessible();
}
