/**
 * The Webex example page in Chromium: the kit's elements on the real Webex
 * Contact Center SDK (its browser build, unmodified), offline behind the
 * example's stand-in dialer. Real time.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {plain} from '../elements/support.js';

async function openExample(): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1200px; height: 800px';
  frame.src = '/demo/examples/webex-desktop.html';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  const doc = frame.contentDocument!;
  await waitUntil(() => !doc.getElementById('offline')!.hidden, 'the SDK starts offline', {timeout: 10_000});
  return doc;
}

const shadowButton = (doc: Document, tag: string, name: string) =>
  [...doc.querySelector(tag)!.shadowRoot!.querySelectorAll('button')].find((b) => plain(b.textContent!) === name);
const pageButton = (doc: Document, id: string) => doc.getElementById(id) as HTMLButtonElement;
const text = (doc: Document, tag: string) => plain(doc.querySelector(tag)!.shadowRoot!.textContent!);
const requests = (doc: Document) => [...doc.querySelectorAll('#requests li')].map((li) => li.textContent!);

describe('Webex example on the real SDK', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('R-U1 R-U2 R-U4 a reservation is previewed, accepted through the SDK, connected, ended and wrapped up', async () => {
    const doc = await openExample();
    pageButton(doc, 'offer').click();
    await waitUntil(() => shadowButton(doc, 'campaign-preview', 'Accept'), 'the contact offer', {timeout: 5_000});
    expect(text(doc, 'campaign-preview')).to.contain('Maria Oliveira').and.contain('Spring Renewals').and.contain('Gold');
    // This SDK version has no skip or remove call: the kit does not offer them.
    expect(shadowButton(doc, 'campaign-preview', 'Skip')).to.equal(undefined);

    shadowButton(doc, 'campaign-preview', 'Accept')!.click();
    await waitUntil(() => requests(doc).some((r) => /^POST .*\/dialer\/campaign\/Spring%20Renewals\/preview-task\/.+\/accept$/.test(r)), 'the SDK posts the accept');
    const card = doc.querySelector('campaign-task-card')!;
    await waitUntil(() => card.getAttribute('status') === 'connected', 'the call is assigned and connected', {timeout: 5_000});

    pageButton(doc, 'hang-up').click();
    const select = () => card.shadowRoot!.querySelector<HTMLSelectElement>('[part=wrap-up] select');
    await waitUntil(select, 'the wrap-up form', {timeout: 5_000});
    expect([...select()!.options].map((o) => o.textContent!.trim()).slice(1)).to.deep.equal(['Sale', 'No sale'], 'the profile\'s wrap-up codes');
    select()!.value = 'wu-sale';
    select()!.dispatchEvent(new Event('change', {bubbles: true}));
    shadowButton(doc, 'campaign-task-card', 'Save disposition')!.click();
    await waitUntil(() => requests(doc).some((r) => /^POST \/v1\/tasks\/call-.+\/wrapup$/.test(r)), 'task.wrapup');
    await waitUntil(() => text(doc, 'campaign-task-card').includes('Disposition saved: Sale.'), 'AgentWrappedUp', {timeout: 5_000});
  });

  it('R-U5 an accept the dialer refuses shows its reason, and the agent may accept again', async () => {
    const doc = await openExample();
    pageButton(doc, 'offer').click();
    await waitUntil(() => shadowButton(doc, 'campaign-preview', 'Accept'), 'the contact offer', {timeout: 5_000});
    pageButton(doc, 'refuse').click();
    shadowButton(doc, 'campaign-preview', 'Accept')!.click();
    await waitUntil(() => text(doc, 'campaign-preview').includes('CONTACT_NOT_AVAILABLE'), 'the refusal', {timeout: 5_000});
    expect(shadowButton(doc, 'campaign-preview', 'Accept')?.getAttribute('aria-disabled')).to.not.equal('true');
  });
});
