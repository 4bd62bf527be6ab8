/**
 * The demo desktop and a test page of every element, served as `npm start`
 * serves them with a strict Content-Security-Policy (no inline script or
 * style, no eval, Trusted Types required), driven through a preview in
 * headless Chromium: zero violations, and the policy provably enforced.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import puppeteer from 'puppeteer-core';
import {CONTENT_SECURITY_POLICY, startDemo} from '../../demo/server.mjs';
import {CHROMIUM_ARGS, ensureChromium} from '../support/chromium.mjs';
import {freePort} from '../support/free-port.mjs';

let demo;
let browser;

before(async () => {
  demo = await startDemo({port: await freePort(), dialerPort: await freePort()});
  browser = await puppeteer.launch({executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS});
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

/** Opens `path`, recording every policy violation and page error from the first byte. */
async function open(path) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|Trusted Type/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.effectiveDirective} ${event.blockedURI}`);
    });
  });
  const response = await page.goto(`${demo.url}${path}`, {waitUntil: 'load'});
  assert.equal(response.headers()['content-security-policy'], CONTENT_SECURITY_POLICY);
  return {page, problems};
}

const click = (page, tag, name) =>
  page.waitForFunction(
    (tag, name) => {
      const button = [...(document.querySelector(tag)?.shadowRoot?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent.trim() === name,
      );
      button?.click();
      return Boolean(button);
    },
    {timeout: 10_000},
    tag,
    name,
  );

const status = (page, wanted) =>
  page.waitForFunction(
    (wanted) => document.querySelector('campaign-task-card')?.getAttribute('status') === wanted,
    {timeout: 10_000},
    wanted,
  );

/**
 * The policy is in force (so that "no violation" means something): a string
 * assigned to innerHTML is refused (Trusted Types), and an inline style is
 * blocked and reported. (Code that DevTools evaluates may eval, so eval is no probe.)
 */
async function expectEnforced(page, problems) {
  const refused = await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { outline: 1px solid red }';
    document.head.append(style);
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return false;
    } catch {
      return true;
    }
  });
  assert.equal(refused, true, 'innerHTML with a string is refused');
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.ok(
    problems.some((p) => /style-src/.test(p)),
    `the inline style was reported: ${problems.join(' | ')}`,
  );
}

describe('under a strict Content-Security-Policy', () => {
  it('the demo desktop runs a preview to a connected call with no violation', async () => {
    const {page, problems} = await open('/?mode=standard&autoAvailable=true&timeout=0&ringSeconds=1');
    await click(page, 'campaign-preview', 'Answer');
    await click(page, 'campaign-preview', 'Accept');
    await status(page, 'connected');
    assert.deepEqual(problems, []);
    await expectEnforced(page, problems);
    await page.close();
  });

  it('the demo desktop reaches the reference dialer over its WebSocket with no violation', async () => {
    const {page, problems} = await open('/?dialer=ws&autoAvailable=true&timeout=0');
    await click(page, 'campaign-preview', 'Answer');
    await click(page, 'campaign-preview', 'Accept');
    await status(page, 'ringing');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('a page of every element, with markup in the contact names, has no violation and no injected markup', async () => {
    const {page, problems} = await open('/test/csp/page.html');
    await click(page, 'campaign-preview', 'Answer');
    await click(page, 'campaign-preview', 'Accept');
    await status(page, 'connected');
    const injected = await page.evaluate(
      () =>
        ['campaign-preview', 'campaign-task-card'].some((tag) => document.querySelector(tag).shadowRoot.querySelector('img')) ||
        window.__pwned !== undefined,
    );
    assert.equal(injected, false);
    assert.deepEqual(problems, []);
    await expectEnforced(page, problems);
    await page.close();
  });
});
