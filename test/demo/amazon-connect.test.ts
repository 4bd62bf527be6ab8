/**
 * The Amazon Connect example page in Chromium: the kit's elements on the real
 * amazon-connect-streams (its release build, unmodified), offline behind the
 * stand-in CCP on another loopback origin, with Amazon Connect's side played
 * by the page's buttons. Real time.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {plain} from '../elements/support.js';

const PAGE = '/demo/examples/amazon-connect.html';
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

async function openExample(): Promise<{frame: HTMLIFrameElement; doc: Document}> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1200px; height: 800px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.src = PAGE;
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  await waitUntil(() => !doc.getElementById('offline')!.hidden, 'the library starts on the stand-in CCP', {timeout: 10_000});
  return {frame, doc};
}

const shadowButton = (doc: Document, tag: string, name: string) =>
  [...doc.querySelector(tag)!.shadowRoot!.querySelectorAll('button')].find((b) => plain(b.textContent!) === name);
/** The names of the buttons an element shows (a failing assertion then reads as names, not as DOM nodes). */
const buttons = (doc: Document, tag: string) =>
  [...doc.querySelector(tag)!.shadowRoot!.querySelectorAll('button')].map((b) => plain(b.textContent!));
const pageButton = (doc: Document, id: string) => doc.getElementById(id) as HTMLButtonElement;
const text = (doc: Document, tag: string) => plain(doc.querySelector(tag)!.shadowRoot!.textContent!);
const status = (doc: Document) => doc.querySelector('campaign-task-card')!.getAttribute('status');
/** What the library sent to the CCP, oldest first: `method subject` lines. */
const requests = (doc: Document) => [...doc.querySelectorAll('#requests li')].map((li) => plain(li.textContent!)).reverse();
const sent = (doc: Document, line: string) => waitUntil(() => requests(doc).includes(line), `the library sends ${line}`, {timeout: 5_000});

/** Pushes a preview contact and answers its reservation call with the kit's Answer: the customer is then shown. */
async function answered(doc: Document): Promise<void> {
  pageButton(doc, 'push-preview').click();
  await waitUntil(() => shadowButton(doc, 'campaign-preview', 'Answer'), 'the reservation call rings', {timeout: 5_000});
  expect(status(doc)).to.equal('reserved');
  shadowButton(doc, 'campaign-preview', 'Answer')!.click();
  await sent(doc, 'acceptContact preview-1');
  await waitUntil(() => shadowButton(doc, 'campaign-preview', 'Accept'), 'the preview', {timeout: 5_000});
}

/** Waits for the wrap-up form, chooses `code` and saves it; gives the codes offered. */
async function wrapUp(doc: Document, code: string): Promise<string[]> {
  const card = doc.querySelector('campaign-task-card')!;
  const select = () => card.shadowRoot!.querySelector<HTMLSelectElement>('[part=wrap-up] select');
  await waitUntil(select, 'the after-call work is the wrap-up', {timeout: 5_000});
  const codes = [...select()!.options].map((o) => o.textContent!.trim()).slice(1);
  select()!.value = code;
  select()!.dispatchEvent(new Event('change', {bubbles: true}));
  shadowButton(doc, 'campaign-task-card', 'Save disposition')!.click();
  return codes;
}

describe('Amazon Connect example on the real amazon-connect-streams', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('R-M2 R-U1 R-U4 a whole preview: answered, shown with the countdown, accepted, dialled, connected, ended and wrapped up', async () => {
    const {doc} = await openExample();
    await answered(doc);
    expect(text(doc, 'campaign-preview'))
      .to.contain('Maria Oliveira')
      .and.contain('+5511955550101')
      .and.contain('Spring Renewals')
      .and.contain('Gold');
    expect(buttons(doc, 'campaign-preview')).to.include.members(['Accept', 'Skip']);
    const countdown = plain(doc.querySelector('campaign-preview')!.shadowRoot!.querySelector('[part=countdown]')?.textContent ?? '');
    expect(countdown, "Amazon Connect's 30 s").to.match(/0:(30|29|28)/);
    expect(requests(doc)).to.deep.equal([
      'acceptContact preview-1',
      'contact/isPreviewMode preview-1',
      'contact/getPreviewConfiguration preview-1',
    ]);

    shadowButton(doc, 'campaign-preview', 'Accept')!.click();
    await sent(doc, 'contact/engagePreviewContact preview-1');
    await waitUntil(() => status(doc) === 'ringing', "the customer's leg rings", {timeout: 5_000});
    pageButton(doc, 'customer-answers').click();
    await waitUntil(() => status(doc) === 'connected', 'connected', {timeout: 5_000});
    expect(text(doc, 'campaign-task-card')).to.contain('Maria Oliveira');

    pageButton(doc, 'hang-up').click();
    expect(await wrapUp(doc, 'sale'), "the host's codes").to.deep.equal(['Sale', 'No sale']);
    await sent(doc, 'clearContact preview-1');
    await waitUntil(() => text(doc, 'campaign-task-card').includes('Disposition saved: Sale.'), 'the contact is cleared', {timeout: 5_000});
  });

  it('R-A2 a preview contact that rings out: the Answer button goes, the reservation call shows missed, and the agent can be Available again', async () => {
    const {doc} = await openExample();
    pageButton(doc, 'push-preview').click();
    await waitUntil(() => shadowButton(doc, 'campaign-preview', 'Answer'), 'the reservation call rings', {timeout: 5_000});
    pageButton(doc, 'ring-out').click();
    await waitUntil(() => !shadowButton(doc, 'campaign-preview', 'Answer'), 'the ringing stops', {timeout: 5_000});
    expect(text(doc, 'campaign-preview')).to.contain('Reservation call missed');
    const agentState = doc.getElementById('agent-state') as HTMLSelectElement;
    await waitUntil(() => agentState.value === 'not-ready', 'MissedCallAgent is Not ready', {timeout: 5_000});

    agentState.value = 'available';
    agentState.dispatchEvent(new Event('change'));
    await sent(doc, 'putAgentState Available');
    expect(requests(doc)).to.not.include('acceptContact preview-1');
  });

  it("Skip discards the preview: the agent's leg is destroyed, the preview goes, and its after-call work is cleared", async () => {
    const {doc} = await openExample();
    await answered(doc);
    shadowButton(doc, 'campaign-preview', 'Skip')!.click();
    await sent(doc, 'destroyConnection preview-1-agent');
    await sent(doc, 'clearContact preview-1');
    await waitUntil(() => !shadowButton(doc, 'campaign-preview', 'Accept'), 'the preview goes', {timeout: 5_000});
    expect(text(doc, 'campaign-preview')).to.not.contain('Maria Oliveira');
    expect(requests(doc)).to.not.include('contact/engagePreviewContact preview-1');
  });

  it("R-U5 a busy line fails the call with Streams' reason, and its wrap-up clears the contact", async () => {
    const {doc} = await openExample();
    await answered(doc);
    shadowButton(doc, 'campaign-preview', 'Accept')!.click();
    await waitUntil(() => status(doc) === 'ringing', "the customer's leg rings", {timeout: 5_000});
    pageButton(doc, 'line-busy').click();
    await waitUntil(() => status(doc) === 'failed', 'failed', {timeout: 5_000});
    expect(text(doc, 'campaign-task-card')).to.contain('LineEngagedCustomer');
    await wrapUp(doc, 'no-sale');
    await sent(doc, 'clearContact preview-1');
    await waitUntil(() => (doc.getElementById('agent-state') as HTMLSelectElement).value === 'available', 'the agent is Available again', {
      timeout: 5_000,
    });
  });

  it('loads everything from loopback, with the CCP on another loopback origin than the page', async () => {
    const {frame, doc} = await openExample();
    await answered(doc);
    const page = frame.contentWindow!.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(
      page.map((url) => new URL(url).pathname),
      "the page's own loads are listed",
    ).to.include('/node_modules/amazon-connect-streams/release/connect-streams.js');
    expect(page.filter((url) => !LOOPBACK.includes(new URL(url).hostname))).to.deep.equal([]);
    // A cross-origin frame's loads are its own: the stand-in CCP is the tests' page, and it loads only its own script.
    const ccp = new URL(doc.querySelector<HTMLIFrameElement>('#ccp iframe')!.src);
    expect(LOOPBACK, ccp.href).to.include(ccp.hostname);
    expect(ccp.origin).to.not.equal(frame.contentWindow!.location.origin);
  });
});
