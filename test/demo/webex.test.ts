/**
 * The Webex example page in Chromium: the kit's elements on the real Webex
 * Contact Center SDK (its browser build, unmodified), offline behind the
 * example's stand-in dialer. Real time.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {plain} from '../elements/support.js';

const PAGE = '/demo/examples/webex-desktop.html';

/** Resolves with the frame's new document once the page (loaded or reloaded) has the SDK running offline. */
async function started(frame: HTMLIFrameElement, navigate: () => void): Promise<Document> {
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  navigate();
  await loaded;
  const doc = frame.contentDocument!;
  await waitUntil(() => !doc.getElementById('offline')!.hidden, 'the SDK starts offline', {timeout: 10_000});
  return doc;
}

async function openExample(query = ''): Promise<{frame: HTMLIFrameElement; doc: Document}> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1200px; height: 800px';
  const doc = await started(frame, () => {
    frame.src = `${PAGE}${query}`;
    document.body.append(frame);
  });
  return {frame, doc};
}

/** Clicks the page's Reload button; the stand-in dialer replays what Webex's servers would on reconnecting. */
const reload = (frame: HTMLIFrameElement) => started(frame, () => pageButton(frame.contentDocument!, 'reload').click());

const shadowButton = (doc: Document, tag: string, name: string) =>
  [...doc.querySelector(tag)!.shadowRoot!.querySelectorAll('button')].find((b) => plain(b.textContent!) === name);
/** The names of the buttons an element shows (a failing assertion then reads as names, not as DOM nodes). */
const buttons = (doc: Document, tag: string) =>
  [...doc.querySelector(tag)!.shadowRoot!.querySelectorAll('button')].map((b) => plain(b.textContent!));
const pageButton = (doc: Document, id: string) => doc.getElementById(id) as HTMLButtonElement;
const text = (doc: Document, tag: string) => plain(doc.querySelector(tag)!.shadowRoot!.textContent!);
const log = (doc: Document, id: string) => [...doc.querySelectorAll(`#${id} li`)].map((li) => plain(li.textContent!));
const requests = (doc: Document) => log(doc, 'requests');

/** The interaction id of the latest dialer message of `type`. */
function interactionOf(doc: Document, type: string): string {
  const line = log(doc, 'frames').find((l) => l.startsWith(`${type} `));
  expect(line, `the dialer sent ${type}`).to.be.a('string');
  return line!.split(' ')[1];
}

const ACCEPT_URL = /^POST \/v1\/dialer\/campaign\/Spring%20Renewals\/preview-task\/([^/]+)\/accept$/;

async function offered(doc: Document, name: string): Promise<void> {
  await waitUntil(
    () => text(doc, 'campaign-preview').includes(name) && shadowButton(doc, 'campaign-preview', 'Accept'),
    `${name} offered`,
    {timeout: 5_000},
  );
}

async function acceptAndConnect(doc: Document): Promise<string> {
  shadowButton(doc, 'campaign-preview', 'Accept')!.click();
  await waitUntil(() => requests(doc).some((r) => ACCEPT_URL.test(r)), 'the SDK posts the accept');
  const card = doc.querySelector('campaign-task-card')!;
  await waitUntil(() => card.getAttribute('status') === 'connected', 'the call is assigned and connected', {timeout: 5_000});
  return requests(doc)
    .find((r) => ACCEPT_URL.test(r))!
    .match(ACCEPT_URL)![1];
}

describe('Webex example on the real SDK', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('R-U1 R-U2 R-U4 a reservation is previewed, accepted through the SDK, connected, ended and wrapped up', async () => {
    const {doc} = await openExample();
    pageButton(doc, 'offer-standard').click();
    await offered(doc, 'Maria Oliveira');
    expect(text(doc, 'campaign-preview')).to.contain('Spring Renewals').and.contain('Gold');
    // This SDK version has no skip or remove call: the kit does not offer them.
    expect(buttons(doc, 'campaign-preview')).to.include('Accept').and.not.include('Skip').and.not.include('Remove');

    expect(await acceptAndConnect(doc)).to.equal(interactionOf(doc, 'AgentOfferCampaignReservation'));
    pageButton(doc, 'hang-up').click();
    const card = doc.querySelector('campaign-task-card')!;
    const select = () => card.shadowRoot!.querySelector<HTMLSelectElement>('[part=wrap-up] select');
    await waitUntil(select, 'the wrap-up form', {timeout: 5_000});
    expect([...select()!.options].map((o) => o.textContent!.trim()).slice(1)).to.deep.equal(
      ['Sale', 'No sale'],
      "the profile's wrap-up codes",
    );
    select()!.value = 'wu-sale';
    select()!.dispatchEvent(new Event('change', {bubbles: true}));
    shadowButton(doc, 'campaign-task-card', 'Save disposition')!.click();
    await waitUntil(() => requests(doc).some((r) => /^POST \/v1\/tasks\/call-.+\/wrapup$/.test(r)), 'task.wrapup');
    await waitUntil(() => text(doc, 'campaign-task-card').includes('Disposition saved: Sale.'), 'AgentWrappedUp', {timeout: 5_000});
  });

  it('R-U5 an accept the dialer refuses shows its reason, and the agent may accept again', async () => {
    const {doc} = await openExample();
    pageButton(doc, 'offer-standard').click();
    await offered(doc, 'Maria Oliveira');
    pageButton(doc, 'refuse').click();
    shadowButton(doc, 'campaign-preview', 'Accept')!.click();
    await waitUntil(() => text(doc, 'campaign-preview').includes('CONTACT_NOT_AVAILABLE'), 'the refusal', {timeout: 5_000});
    expect(shadowButton(doc, 'campaign-preview', 'Accept')?.getAttribute('aria-disabled')).to.not.equal('true');
  });

  it("a standard and a direct preview each show their mode, the customer's number (not the campaign line) and only global variables", async () => {
    for (const [mode, shown, other] of [
      ['standard', 'Standard preview', 'Direct preview'],
      ['direct', 'Direct preview', 'Standard preview'],
    ]) {
      const {frame, doc} = await openExample();
      pageButton(doc, `offer-${mode}`).click();
      await offered(doc, 'Maria Oliveira');
      const preview = text(doc, 'campaign-preview');
      expect(preview, mode).to.contain(shown).and.not.contain(other);
      expect(preview, 'ani is the customer').to.contain('+5511955550101');
      expect(preview, "dn is the campaign's line").to.not.contain('+18005550100');
      expect(preview, 'the global Plan variable').to.contain('Plan').and.contain('Gold');
      expect(preview, 'a team-only variable').to.not.contain('Team note');
      frame.remove();
    }
  });

  it('newer SDK: Skip posts through the SDK, the next contact is shown, and Accept accepts it on the same reservation', async () => {
    const {frame, doc: before} = await openExample();
    const newer = before.getElementById('newer-sdk') as HTMLInputElement;
    newer.click();
    const doc = await reload(frame);
    expect((doc.getElementById('newer-sdk') as HTMLInputElement).checked, 'the option outlives the reload').to.equal(true);

    pageButton(doc, 'offer-standard').click();
    await offered(doc, 'Maria Oliveira');
    const reservation = interactionOf(doc, 'AgentOfferCampaignReservation');
    expect(buttons(doc, 'campaign-preview')).to.include('Skip').and.include('Remove');
    shadowButton(doc, 'campaign-preview', 'Skip')!.click();
    await waitUntil(
      () => requests(doc).includes(`POST /v1/dialer/campaign/Spring%20Renewals/preview-task/${reservation}/skip`),
      "the skip reaches the SDK's HTTP layer",
    );
    await offered(doc, 'John Carter');
    expect(text(doc, 'campaign-preview')).to.contain('+14155550102').and.contain('Silver').and.not.contain('Maria Oliveira');

    expect(await acceptAndConnect(doc), 'the accept is for the same reservation').to.equal(reservation);
    expect(text(doc, 'campaign-task-card')).to.contain('John Carter');
  });

  it('the dialer auto-skips at the offer timeout: the next contact is shown, and Accept accepts it', async () => {
    const {doc} = await openExample();
    pageButton(doc, 'offer-standard').click();
    await offered(doc, 'Maria Oliveira');
    const reservation = interactionOf(doc, 'AgentOfferCampaignReservation');
    pageButton(doc, 'auto-skip').click();
    await offered(doc, 'John Carter');
    expect(text(doc, 'campaign-preview')).to.not.contain('Maria Oliveira');
    expect(interactionOf(doc, 'CampaignContactUpdated'), 'the update is for the same reservation').to.equal(reservation);

    expect(await acceptAndConnect(doc)).to.equal(reservation);
    expect(text(doc, 'campaign-task-card')).to.contain('John Carter');
  });

  it('a reload mid-preview brings the same contact back, and Accept still accepts it', async () => {
    const {frame, doc: before} = await openExample();
    pageButton(before, 'offer-direct').click();
    await offered(before, 'Maria Oliveira');
    const reservation = interactionOf(before, 'AgentOfferCampaignReservation');

    const doc = await reload(frame);
    expect(interactionOf(doc, 'AgentContact'), 'the servers replay the pending preview').to.equal(reservation);
    await offered(doc, 'Maria Oliveira');
    expect(text(doc, 'campaign-preview')).to.contain('Direct preview').and.contain('Gold');
    expect(await acceptAndConnect(doc)).to.equal(reservation);
  });

  it('a reload mid-call shows the call connected with its customer, and it still ends and wraps up', async () => {
    const {frame, doc: before} = await openExample();
    pageButton(before, 'offer-standard').click();
    await offered(before, 'Maria Oliveira');
    await acceptAndConnect(before);

    const doc = await reload(frame);
    expect(
      log(doc, 'desktop-tasks').some((l) => l.startsWith('task:hydrate call-')),
      'the SDK hydrates the call',
    ).to.equal(true);
    const card = doc.querySelector('campaign-task-card')!;
    await waitUntil(() => card.getAttribute('status') === 'connected', 'the resumed call', {timeout: 5_000});
    expect(text(doc, 'campaign-task-card')).to.contain('Maria Oliveira');
    expect(buttons(doc, 'campaign-preview')).to.not.include('Accept');

    pageButton(doc, 'hang-up').click();
    await waitUntil(() => card.shadowRoot!.querySelector('[part=wrap-up] select'), 'the wrap-up form', {timeout: 5_000});
  });

  it('a predictive campaign call goes to the desktop: the kit shows no offer', async () => {
    const {doc} = await openExample();
    pageButton(doc, 'predictive').click();
    await waitUntil(
      () => log(doc, 'desktop-tasks').some((l) => /^task:incoming predictive-\S+ PREDICTIVE_CAMPAIGN Lucas Pereira$/.test(l)),
      'the desktop got the call',
    );
    const preview = doc.querySelector('campaign-preview')!;
    const card = doc.querySelector('campaign-task-card')!;
    await Promise.all([preview.updateComplete, card.updateComplete]);
    expect(buttons(doc, 'campaign-preview')).to.not.include('Accept');
    expect(text(doc, 'campaign-preview')).to.not.contain('Lucas Pereira');
    expect(card.getAttribute('status'), 'no task on the card').to.equal('');
  });
});
