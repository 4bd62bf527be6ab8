/**
 * The demo desktop open in two tabs of one browser, as agents do all day: one
 * tab in charge of the dialer, the other mirroring it; Use here; a tab that
 * crashes hands over; End call. Real pages of the test's own browser context
 * (test/support/tabs-plugin.mjs), the built kit (dist/), the simulated dialer.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';

/** Helpers defined in each tab's page before an expression runs there. */
const PRELUDE = `
  const root = (tag) => document.querySelector(tag).shadowRoot;
  const text = (tag) => root(tag).textContent.replace(/[\\u2066-\\u2069]/g, '').replace(/\\s+/g, ' ').trim();
  const find = (tag, name) => [...root(tag).querySelectorAll('button')].find((b) => b.textContent.trim() === name);
  const click = (tag, name) => { const b = find(tag, name); if (b) b.click(); return Boolean(b); };
`;

class Tab {
  private constructor(readonly id: number) {}

  static async open(query: string): Promise<Tab> {
    return new Tab(await executeServerCommand<number, {path: string}>('tab-open', {path: `/demo/index.html?${query}`}));
  }

  async eval<T>(expression: string): Promise<T> {
    const {value} = await executeServerCommand<{value: T}, {id: number; expression: string}>('tab-eval', {
      id: this.id,
      expression: `(() => { ${PRELUDE} return ${expression}; })()`,
    });
    return value;
  }

  text(tag: 'campaign-preview' | 'campaign-task-card'): Promise<string> {
    return this.eval(`document.querySelector('${tag}')?.shadowRoot ? text('${tag}') : ''`);
  }

  has(tag: string, name: string): Promise<boolean> {
    return this.eval(`Boolean(document.querySelector('${tag}')?.shadowRoot && find('${tag}', ${JSON.stringify(name)}))`);
  }

  async click(tag: string, name: string): Promise<void> {
    await waitFor(
      () => this.eval<boolean>(`Boolean(document.querySelector('${tag}')?.shadowRoot) && click('${tag}', ${JSON.stringify(name)})`),
      `${name} in tab ${this.id}`,
    );
  }

  inCharge(): Promise<boolean> {
    return this.eval(`document.getElementById('tab-state')?.textContent.startsWith('This tab is in charge')`);
  }

  front(): Promise<boolean> {
    return executeServerCommand('tab-front', {id: this.id});
  }

  close(crash = false): Promise<boolean> {
    return executeServerCommand('tab-close', {id: this.id, crash});
  }
}

/** Polls an async condition (a tab's state) until it holds. */
async function waitFor(condition: () => Promise<boolean>, what: string, timeout = 8_000): Promise<void> {
  let last = false;
  const poll = async () => {
    last = await condition();
  };
  await waitUntil(
    async () => {
      await poll();
      return last;
    },
    what,
    {timeout, interval: 100},
  );
}

describe('the demo desktop in two tabs of one browser', function () {
  // Pages open, elect and resume on real time.
  this.timeout(30_000);
  const opened: Tab[] = [];
  afterEach(async () => {
    for (const tab of opened.splice(0)) await tab.close().catch(() => undefined);
    localStorage.clear();
  });

  async function open(query: string): Promise<Tab> {
    const tab = await Tab.open(query);
    opened.push(tab);
    return tab;
  }

  it('one tab is in charge, the other mirrors it read-only; Use here moves control and the campaign goes on there', async () => {
    // A campaign of its own (its own journal and tab name), started afresh.
    const query = 'mode=preview&autoAvailable=true&ringSeconds=3&timeout=60';
    const a = await open(query);
    await waitFor(() => a.inCharge(), 'the first tab takes charge');
    const b = await open(query);
    await waitFor(
      async () => (await b.text('campaign-preview')).includes('Active in another tab'),
      'the second tab says another is in charge',
    );
    expect(await b.inCharge()).to.equal(false);
    expect(await b.eval<boolean>(`document.getElementById('agent-state').disabled`), 'no agent state from here').to.equal(true);

    await a.click('campaign-preview', 'Campaign');
    await waitFor(async () => (await b.text('campaign-preview')).includes('Maria Oliveira'), 'the contact is mirrored');
    expect(await b.has('campaign-preview', 'Accept'), 'nothing to decide in the mirror').to.equal(false);
    expect(await a.has('campaign-preview', 'Accept')).to.equal(true);

    await b.click('campaign-preview', 'Use here');
    await waitFor(() => b.inCharge(), 'the second tab takes charge');
    await waitFor(async () => (await a.text('campaign-preview')).includes('Active in another tab'), 'the first tab now mirrors');
    // The second tab resumed the same campaign: the same contact, to accept here.
    await waitFor(() => b.has('campaign-preview', 'Accept'), 'Accept in the tab in charge');
    expect(await b.text('campaign-preview')).to.contain('Maria Oliveira');
    await b.click('campaign-preview', 'Accept');
    await waitFor(async () => (await a.text('campaign-task-card')).includes('Maria Oliveira'), 'the call is mirrored in the first tab');
    const log = await b.eval<string>(`document.getElementById('log').textContent`);
    expect(log).to.contain('"type":"accept"');
    expect(await a.eval<string>(`document.getElementById('log').textContent`), 'the first tab sent no accept').not.to.contain(
      '"type":"accept"',
    );
  });

  it('a reservation that rings while the tab in charge is behind another: its title says so, the mirror stays quiet, and the title comes back', async () => {
    const query = 'mode=standard&timeout=30&ringSeconds=2';
    const a = await open(query);
    await waitFor(() => a.inCharge(), 'the first tab takes charge');
    const title = await a.eval<string>('document.title');
    const b = await open(query);
    await waitFor(
      async () => !(await b.inCharge()) && (await b.text('campaign-preview')).includes('Active in another tab'),
      'the second tab mirrors',
    );
    // The agent works in the other tab: the first one loses focus for real.
    await b.front();
    await waitFor(() => a.eval<boolean>('!document.hasFocus()'), 'the first tab is behind');
    await a.eval(
      `(() => { const s = document.getElementById('agent-state'); s.value = 'available'; s.dispatchEvent(new Event('change')); })()`,
    );
    await waitFor(
      async () => (await a.eval<string>('document.title')).includes('Reservation call'),
      'the title of the tab in charge says it',
    );
    expect(await b.eval<string>('document.title'), 'the mirror does not alert').to.equal(title);
    await a.front();
    await waitFor(async () => (await a.eval<string>('document.title')) === title, 'back in front, the title is restored');
  });

  it('a tab in charge that crashes hands over: the other takes charge, resumes the call and can end it', async () => {
    const query = 'mode=preview&autoAvailable=true&ringSeconds=1&timeout=45';
    const a = await open(query);
    await waitFor(() => a.inCharge(), 'the first tab takes charge');
    const b = await open(query);
    await waitFor(
      async () => !(await b.inCharge()) && (await b.text('campaign-preview')).includes('Active in another tab'),
      'the second tab mirrors',
    );
    await a.click('campaign-preview', 'Campaign');
    await a.click('campaign-preview', 'Accept');
    await waitFor(() => a.has('campaign-task-card', 'End call'), 'the call connects, with End call');
    opened.splice(opened.indexOf(a), 1);
    await a.close(true);
    await waitFor(() => b.inCharge(), 'the second tab takes charge after the crash');
    await waitFor(() => b.has('campaign-task-card', 'End call'), 'the call goes on in the second tab');
    await b.click('campaign-task-card', 'End call');
    await waitFor(
      async () => (await b.eval<string>(`document.querySelector('campaign-task-card').getAttribute('status')`)) === 'ended',
      'the call ends',
    );
    expect(await b.eval<boolean>(`Boolean(root('campaign-task-card').querySelector('[part=wrap-up] select'))`), 'wrap-up follows').to.equal(
      true,
    );
    expect(await b.eval<string>(`document.getElementById('log').textContent`)).to.contain('"type":"end-call"');
  });
});
