/**
 * The demo agent desktop, end to end, on real time: the built kit (dist/)
 * driven by the simulated dialer, used the way an agent would.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {plain} from '../elements/support.js';

async function openDesktop(query: string, page = '/demo/index.html'): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1200px; height: 800px';
  frame.src = `${page}?${query}`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  const doc = frame.contentDocument!;
  await waitUntil(() => doc.querySelector('campaign-preview')?.shadowRoot, 'the kit renders', {timeout: 5_000});
  return doc;
}

function buttonIn(doc: Document, tag: string, name: string): HTMLButtonElement | undefined {
  const host = doc.querySelector(tag)!;
  return [...host.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name);
}

const textOf = (doc: Document, tag: string) => plain(doc.querySelector(tag)!.shadowRoot!.textContent!);

describe('demo agent desktop', () => {
  afterEach(() => {
    document.querySelectorAll('iframe').forEach((f) => f.remove());
    localStorage.clear(); // the desktops' journals (same origin)
  });

  it('R-M1 R-U3 R-U6 preview mode: Campaign, Accept, answering machine, Voicemail left', async () => {
    const doc = await openDesktop('mode=preview&autoAvailable=true&outcome=machine&ringSeconds=1');
    await waitUntil(() => buttonIn(doc, 'campaign-preview', 'Campaign')?.getAttribute('aria-disabled') === 'false', 'Campaign enabled', {
      timeout: 5_000,
    });
    buttonIn(doc, 'campaign-preview', 'Campaign')!.click();
    await waitUntil(() => buttonIn(doc, 'campaign-preview', 'Accept'), 'a contact is offered', {timeout: 5_000});
    expect(textOf(doc, 'campaign-preview')).to.contain('Maria Oliveira');
    buttonIn(doc, 'campaign-preview', 'Accept')!.click();
    await waitUntil(() => buttonIn(doc, 'campaign-task-card', 'Voicemail left'), 'the answering machine prompt', {timeout: 8_000});
    expect(textOf(doc, 'campaign-task-card')).to.contain('Campaign call');
    buttonIn(doc, 'campaign-task-card', 'Voicemail left')!.click();
    await waitUntil(() => doc.querySelector('campaign-task-card')!.getAttribute('status') === 'ended', 'the call ends', {timeout: 5_000});
    const log = doc.getElementById('log')!.textContent!;
    for (const type of ['request-contact', 'accept', 'voicemail-left']) expect(log).to.contain(`"type":"${type}"`);
  });

  it('R-A1 R-M2 standard preview: the agent goes Available, answers the reservation, sees the contact', async () => {
    const doc = await openDesktop('lang=pt-BR');
    const select = doc.getElementById('agent-state') as HTMLSelectElement;
    await waitUntil(() => !select.disabled, 'the tab takes charge of the dialer', {timeout: 5_000});
    select.value = 'available';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => buttonIn(doc, 'campaign-preview', 'Atender'), 'the reservation call', {timeout: 5_000});
    buttonIn(doc, 'campaign-preview', 'Atender')!.click();
    await waitUntil(() => buttonIn(doc, 'campaign-preview', 'Aceitar'), 'the contact', {timeout: 5_000});
    expect(textOf(doc, 'campaign-preview')).to.match(/Pulando em 0:(29|30)/);
  });

  it('R-L1 limit=0 shows the reason code at once', async () => {
    const doc = await openDesktop('limit=0&autoAvailable=true');
    await waitUntil(() => textOf(doc, 'campaign-preview').includes('MAX_CONCURRENT_CALLS'), 'the limit', {timeout: 5_000});
  });

  it('the plain HTML example runs on the self-contained bundle alone', async () => {
    const doc = await openDesktop('', '/demo/examples/plain-html.html');
    await waitUntil(() => buttonIn(doc, 'campaign-preview', 'Campaign')?.getAttribute('aria-disabled') === 'false', 'Campaign enabled', {
      timeout: 5_000,
    });
    buttonIn(doc, 'campaign-preview', 'Campaign')!.click();
    await waitUntil(() => buttonIn(doc, 'campaign-preview', 'Accept'), 'a contact is offered', {timeout: 5_000});
  });

  it('?dialer=ws runs the campaign on the reference server, and a reload resumes it', async () => {
    const query = 'dialer=ws&autoAvailable=true&timeout=0';
    const doc = await openDesktop(query);
    await waitUntil(() => buttonIn(doc, 'campaign-preview', 'Answer'), 'the reservation over the WebSocket', {timeout: 5_000});
    buttonIn(doc, 'campaign-preview', 'Answer')!.click();
    await waitUntil(() => buttonIn(doc, 'campaign-preview', 'Skip'), 'the contact', {timeout: 5_000});
    const name = textOf(doc, 'campaign-preview').match(/Maria Oliveira|John Carter|Ana Souza|Peter Schmidt/)?.[0];
    document.querySelector('iframe')!.remove();
    const reloaded = await openDesktop(query);
    await waitUntil(() => buttonIn(reloaded, 'campaign-preview', 'Skip'), 'the same contact after the reload', {timeout: 5_000});
    expect(textOf(reloaded, 'campaign-preview')).to.contain(name!);
    expect(reloaded.querySelector('campaign-task-card')!.getAttribute('status')).to.equal('previewing');
  });

  it('a reload mid-call resumes the in-page campaign: the same call, its timer from the same start', async () => {
    const query = 'mode=direct&cpa=false&autoAvailable=true&timeout=0&ringSeconds=1&talkSeconds=600';
    const doc = await openDesktop(query);
    await waitUntil(() => buttonIn(doc, 'campaign-preview', 'Answer'), 'the reservation', {timeout: 5_000});
    buttonIn(doc, 'campaign-preview', 'Answer')!.click();
    await waitUntil(() => buttonIn(doc, 'campaign-preview', 'Accept'), 'the contact', {timeout: 5_000});
    buttonIn(doc, 'campaign-preview', 'Accept')!.click();
    const card = (d: Document) => d.querySelector('campaign-task-card')!;
    await waitUntil(() => card(doc)?.getAttribute('status') === 'connected', 'the connected call', {timeout: 5_000});
    const since = (d: Document) => (card(d).shadowRoot!.querySelector('call-timer') as HTMLElement & {since: number}).since;
    const started = since(doc);
    const contact = textOf(doc, 'campaign-task-card');
    document.querySelector('iframe')!.remove();
    const reloaded = await openDesktop(query);
    await waitUntil(() => card(reloaded)?.getAttribute('status') === 'connected', 'the call after the reload', {timeout: 5_000});
    expect(since(reloaded)).to.equal(started);
    expect(plain(textOf(reloaded, 'campaign-task-card')).split(' ').slice(0, 3)).to.deep.equal(plain(contact).split(' ').slice(0, 3));
    expect(buttonIn(reloaded, 'campaign-preview', 'Accept')).to.equal(undefined);
  });

  it('reports malformed parameters instead of failing', async () => {
    const doc = await openDesktop('timeout=soon&mode=turbo');
    expect(doc.getElementById('ignored')!.textContent).to.contain('mode, timeout');
  });
});
