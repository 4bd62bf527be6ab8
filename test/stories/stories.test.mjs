/**
 * Every story of the static Storybook build, rendered in headless Chromium in
 * every theme and in right-to-left Arabic: fails on a render error, a page
 * error, or any axe violation.
 */
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import puppeteer from 'puppeteer-core';
import {CHROMIUM_ARGS, ensureChromium} from '../support/chromium.mjs';
import {serveStatic} from '../support/static-server.mjs';

const root = new URL('../..', import.meta.url).pathname;
const site = join(root, 'storybook-static');
const axeSource = await readFile(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const index = JSON.parse(await readFile(join(site, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');

/** Toolbar settings (Storybook globals) each story is checked under. */
const VARIANTS = ['theme:light', 'theme:dark', 'theme:high-contrast', 'theme:brand', 'theme:light;lang:ar;dir:rtl'];

let server;
let browser;
let page;

before(async () => {
  server = await serveStatic(site);
  browser = await puppeteer.launch({executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS});
  page = await browser.newPage();
});

after(async () => {
  await browser?.close();
  server?.close();
});

describe('every story renders without errors and passes axe', () => {
  it('has stories', () => assert.ok(stories.length > 0));

  for (const story of stories)
    for (const globals of VARIANTS) {
      it(`${story.title} / ${story.name} [${globals}]`, async () => {
        const errors = [];
        const onError = (error) => errors.push(error.message);
        page.on('pageerror', onError);
        try {
          await page.goto(`${server.origin}/iframe.html?id=${story.id}&viewMode=story&globals=${globals}`, {waitUntil: 'load'});
          await page.waitForFunction(
            () => document.body.classList.contains('sb-show-main') || document.body.classList.contains('sb-show-errordisplay'),
            {timeout: 15_000},
          );
          // Let the elements finish rendering: the kit's wait for a language or a form they load on demand.
          await page.evaluate(async () => {
            const elements = [...document.querySelectorAll('#storybook-root *')].filter((el) => 'updateComplete' in el);
            await Promise.all(elements.map((el) => el.updateComplete));
            await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          });
          const failed = await page.evaluate(
            () => document.body.classList.contains('sb-show-errordisplay') && document.querySelector('#error-message')?.textContent,
          );
          assert.equal(failed, false, `render error: ${failed}`);
          assert.deepEqual(errors, []);
          const undefinedTags = await page.evaluate(() =>
            [...document.querySelectorAll('#storybook-root *')]
              .map((el) => el.localName)
              .filter((tag) => tag.includes('-') && !customElements.get(tag)),
          );
          assert.deepEqual(undefinedTags, [], 'every custom element on the story is registered');
          const visible = await page.evaluate(() => {
            const root = document.querySelector('#storybook-root');
            const box = root?.getBoundingClientRect();
            const shadowText = [...(root?.querySelectorAll('*') ?? [])].map((el) => el.shadowRoot?.textContent ?? '').join('');
            return {height: box?.height ?? 0, text: (root?.textContent ?? '').trim().length + shadowText.trim().length};
          });
          assert.ok(visible.height > 0 && visible.text > 0, `the story shows something (${JSON.stringify(visible)})`);
          if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
          const violations = await page.evaluate(async () => {
            // Storybook's accessibility addon runs axe on the same page: wait for its turn.
            for (let attempt = 0; ; attempt++) {
              try {
                const result = await window.axe.run('#storybook-root');
                return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
              } catch (error) {
                if (attempt > 50 || !/already running/.test(String(error))) throw error;
                await new Promise((resolve) => setTimeout(resolve, 100));
              }
            }
          });
          assert.deepEqual(violations, []);
        } finally {
          page.off('pageerror', onError);
        }
      });
    }
});
