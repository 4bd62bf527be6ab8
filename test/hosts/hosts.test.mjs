/**
 * The README's host guides, run: each app of demo/examples/hosts/ (React,
 * Vue, Svelte, Angular, plain HTML), built by test/hosts/build.mjs against the
 * packed package, opened in headless Chromium and used as an agent would.
 * The kit renders, the agent is Available (the app dispatched
 * `set-agent-state`), Campaign brings a contact, Accept places the call, and
 * the card follows it until the customer answers. Any page error, and any
 * console error or warning (a framework's complaint about the wiring), fails.
 */
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import puppeteer from 'puppeteer-core';
import {CHROMIUM_ARGS, ensureChromium} from '../support/chromium.mjs';
import {serveStatic} from '../support/static-server.mjs';
import {BUILT_HOSTS, hostsDir, outDir, root} from './build.mjs';

/** Each app's site: the Vite build's output, or the plain page with the package installed beside it. */
const SITES = {...Object.fromEntries(BUILT_HOSTS.map((host) => [host, join(outDir, host)])), plain: join(hostsDir, 'plain')};

/** Console messages that are not about the app: Lit's note that the development build runs. */
const EXPECTED = [/^Lit is in dev mode/];

let browser;
before(async () => {
  browser = await puppeteer.launch({executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS});
});
after(() => browser?.close());

/** The trimmed text of the button named `name` in `tag`'s shadow root, clicked when `click`. */
function button(page, tag, name, click = false) {
  return page.evaluate(
    (tag, name, click) => {
      const found = [...(document.querySelector(tag)?.shadowRoot?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent.trim() === name,
      );
      if (found && click) found.click();
      return found ? {disabled: found.getAttribute('aria-disabled') === 'true' || found.disabled} : null;
    },
    tag,
    name,
    click,
  );
}

const shadowText = (tag) => document.querySelector(tag)?.shadowRoot?.textContent.replace(/\s+/g, ' ') ?? '';

describe('the host guides, built from the packed package and used as an agent would', {concurrency: true}, () => {
  for (const [host, site] of Object.entries(SITES)) {
    it(`${host}: the kit renders, the agent is Available, Campaign, Accept, the call on the card`, async () => {
      for (const dir of [site, join(site, host === 'plain' ? 'node_modules/campaign-preview-kit' : 'assets')]) {
        assert.ok(existsSync(dir), `${dir} is missing: run \`node test/hosts/build.mjs\``);
      }
      const server = await serveStatic(site);
      const page = await browser.newPage();
      const complaints = [];
      page.on('pageerror', (error) => complaints.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        const text = message.text();
        if (['error', 'warn', 'warning', 'assert'].includes(message.type()) && !EXPECTED.some((re) => re.test(text))) {
          complaints.push(`console.${message.type()}: ${text}`);
        }
      });
      page.on('requestfailed', (request) => complaints.push(`request failed: ${request.url()}`));
      page.on('response', (response) => response.status() >= 400 && complaints.push(`${response.status()}: ${response.url()}`));
      const wait = (fn, what, ...args) =>
        page.waitForFunction(fn, {timeout: 15_000, polling: 50}, ...args).catch((error) => {
          throw new Error(`${what}: ${error.message}; complaints: ${JSON.stringify(complaints)}`);
        });
      try {
        await page.goto(`${server.origin}/`, {waitUntil: 'load'});

        await wait(
          () => ['campaign-provider', 'campaign-preview', 'campaign-task-card'].every((tag) => customElements.get(tag)),
          'the kit registers its elements',
        );
        await wait(() => document.querySelector('campaign-preview')?.shadowRoot?.querySelector('button'), 'the kit renders');
        // The Campaign button is enabled only once the agent is Available (R-A1): the app's set-agent-state reached the dialer.
        await wait(
          () =>
            [...document.querySelector('campaign-preview').shadowRoot.querySelectorAll('button')].some(
              (b) => b.textContent.trim() === 'Campaign' && b.getAttribute('aria-disabled') === 'false',
            ),
          'Campaign is enabled: the agent is Available',
        );

        assert.ok(await button(page, 'campaign-preview', 'Campaign', true));
        await wait(
          () =>
            [...document.querySelector('campaign-preview').shadowRoot.querySelectorAll('button')].some(
              (b) => b.textContent.trim() === 'Accept',
            ),
          'a contact is offered',
        );
        assert.match(await page.evaluate(shadowText, 'campaign-preview'), /Maria Oliveira/);
        assert.match(await page.evaluate(shadowText, 'campaign-preview'), /\+55 11 91234-5678/);

        assert.ok(await button(page, 'campaign-preview', 'Accept', true));
        await wait(
          () => ['connecting', 'dialing', 'ringing'].includes(document.querySelector('campaign-task-card').getAttribute('status')),
          'the call is placed',
        );
        assert.match(await page.evaluate(shadowText, 'campaign-task-card'), /Maria Oliveira/);
        await wait(() => document.querySelector('campaign-task-card').getAttribute('status') === 'connected', 'the customer answers');
        assert.match(await page.evaluate(shadowText, 'campaign-task-card'), /Maria Oliveira/);
        assert.ok(await button(page, 'campaign-task-card', 'End call'), 'End call is offered on the connected call');

        assert.deepEqual(complaints, [], 'no page error, console error or warning');
      } finally {
        await page.close();
        server.close();
      }
    });
  }
});

/**
 * The README's guides quote these apps: every code block after a mention of a
 * file in demo/examples/hosts/ must be a run of that file's lines (indented
 * alike), and every host is quoted. CPK_README checks a draft instead.
 */
describe("the README's host guides quote the tested apps", () => {
  const readme = process.env.CPK_README ?? join(root, 'README.md');
  const PATH = /`(demo\/examples\/hosts\/[\w./-]+\.\w+)`/g;

  /** Each fenced block with the last file under demo/examples/hosts/ named in the prose before it (since the previous block). */
  function quotes(text) {
    const found = [];
    const block = /^```[\w-]*\n([\s\S]*?)^```$/gm;
    let prose = 0;
    for (const match of text.matchAll(block)) {
      const file = [...text.slice(prose, match.index).matchAll(PATH)].at(-1)?.[1];
      if (file) found.push({file, code: match[1].replace(/\n$/, '')});
      prose = match.index + match[0].length;
    }
    return found;
  }

  /** Whether `code` is a run of `file`'s lines, each with the same extra indentation. */
  function quotedFrom(code, file) {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    const wanted = code.split('\n');
    return lines.some((_, start) => {
      const indent = lines[start].slice(0, lines[start].length - wanted[0].length);
      return !indent.trim() && wanted.every((line, i) => lines[start + i] === (line ? indent + line : ''));
    });
  }

  it('every block is copied from the file it names, and every host is quoted', () => {
    const text = readFileSync(readme, 'utf8');
    const found = quotes(text);
    for (const {file, code} of found) {
      assert.ok(existsSync(join(root, file)), `${readme} names ${file}, which does not exist`);
      assert.ok(quotedFrom(code, file), `${readme}: this block is not in ${file} as it is there:\n${code}`);
    }
    const quoted = new Set(found.map(({file}) => file.split('/')[3]));
    for (const host of [...BUILT_HOSTS, 'plain']) assert.ok(quoted.has(host), `${readme} quotes no file of demo/examples/hosts/${host}/`);
  });
});
