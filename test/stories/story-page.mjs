/**
 * What the page tests of the static Storybook share: the build's stories, a
 * server and a headless Chromium for them, and opening one story in a variant
 * (Storybook globals such as `theme:dark;lang:ar;dir:rtl`).
 *
 * The build read is `storybook-static/` (`npm run build-storybook`), or the
 * directory named by CPK_STORYBOOK_DIR.
 */
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import puppeteer from 'puppeteer-core';
import {CHROMIUM_ARGS, ensureChromium} from '../support/chromium.mjs';
import {serveStatic} from '../support/static-server.mjs';

export const root = new URL('../..', import.meta.url).pathname;
export const site = process.env.CPK_STORYBOOK_DIR || join(root, 'storybook-static');
const index = JSON.parse(await readFile(join(site, 'index.json'), 'utf8'));
export const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');

/** A server for the build (and `mounts`, as serveStatic takes them) and a browser with one page; `close()` stops both. */
export async function launch(mounts = {}) {
  const server = await serveStatic(site, mounts);
  const browser = await puppeteer.launch({executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS});
  const page = await browser.newPage();
  return {
    origin: server.origin,
    browser,
    page,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

/** Storybook's render phases from which the story is on the page (`afterEach` runs the accessibility addon's checks). */
const RENDERED = ['completing', 'completed', 'afterEach', 'finished'];

/**
 * Opens `story` with `globals` (and `args`, as Storybook reads them from the
 * address: `contactName:Ana Souza;allowSkip:!false`) and waits until Storybook has rendered it and
 * every element in it has finished updating (Lit's `updateComplete`, through
 * shadow roots), then for two frames. Returns Storybook's error message if the
 * story failed to render, or `false`.
 */
export async function openStory(page, origin, story, globals, args = '') {
  const query = `id=${story.id}&viewMode=story&globals=${globals}${args ? `&args=${args.replaceAll(' ', '%20')}` : ''}`;
  await page.goto(`${origin}/iframe.html?${query}`, {waitUntil: 'load'});
  // `sb-show-main` is set just before the story renders; the render's phase says when it has.
  await page.waitForFunction(
    (rendered) => {
      const body = document.body.classList;
      const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
      return body.contains('sb-show-errordisplay') || (body.contains('sb-show-main') && (phase === undefined || rendered.includes(phase)));
    },
    {timeout: 15_000},
    RENDERED,
  );
  await page.evaluate(async () => {
    const pending = () => {
      const found = [];
      const walk = (root) => {
        for (const element of root.querySelectorAll('*')) {
          if (element.isUpdatePending) found.push(element.updateComplete);
          if (element.shadowRoot) walk(element.shadowRoot);
        }
      };
      walk(document);
      return found;
    };
    // An update may add elements that then update in turn.
    for (let round = 0, waiting = pending(); waiting.length && round < 10; round++, waiting = pending()) await Promise.all(waiting);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  return page.evaluate(
    () => document.body.classList.contains('sb-show-errordisplay') && (document.querySelector('#error-message')?.textContent ?? 'error'),
  );
}
