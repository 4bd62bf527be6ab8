/**
 * Every story of the static Storybook build, rendered in headless Chromium in
 * every theme and in right-to-left Arabic: fails on a render error, a page
 * error, or any axe violation. In light, dark and right to left, a story must
 * also look as in its committed baseline (baselines.mjs), checked on the same
 * page load; and the stories' fixed clock holds.
 *
 * `node test/stories/stories.test.mjs --visual` (`npm run test:visual`) checks
 * only the baselines (the three variants, no axe); with `--update` (or
 * CPK_UPDATE_BASELINES=1) it writes them instead, after an intended change.
 */
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {
  UPDATE,
  UPDATE_COMMAND,
  VISUAL_VARIANTS,
  FONT_MOUNT,
  checkBaseline,
  failuresDir,
  hasBaselines,
  orphanBaselines,
  setUpPage,
} from './baselines.mjs';
import {launch, openStory, root, stories} from './story-page.mjs';

const axeSource = await readFile(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Toolbar settings (Storybook globals) each story is checked under. */
const VARIANTS = ['theme:light', 'theme:dark', 'theme:high-contrast', 'theme:brand', 'theme:light;lang:ar;dir:rtl'];
/** Only the baselines: their three variants, no axe. */
const VISUAL_ONLY = UPDATE || process.argv.includes('--visual') || process.env.CPK_VISUAL_ONLY === '1';

let session;
let page;

before(async () => {
  session = await launch(FONT_MOUNT);
  page = session.page;
  await setUpPage(page);
});

after(async () => {
  await session?.close();
  if (failuresDir()) console.log(`\nThe visual differences are in ${failuresDir()}`);
});

describe('every story renders without errors, passes axe and looks as in its baselines', () => {
  it('has stories', () => assert.ok(stories.length > 0));

  for (const story of VISUAL_ONLY ? stories.filter(hasBaselines) : stories)
    for (const globals of VISUAL_ONLY ? Object.keys(VISUAL_VARIANTS) : VARIANTS) {
      it(`${story.title} / ${story.name} [${globals}]`, async (t) => {
        const errors = [];
        const onError = (error) => errors.push(error.message);
        page.on('pageerror', onError);
        try {
          const failed = await openStory(page, session.origin, story, globals);
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
          if (globals in VISUAL_VARIANTS && hasBaselines(story))
            await t.test(`looks as in its baseline (${VISUAL_VARIANTS[globals]})`, (check) =>
              checkBaseline(page, story, globals, (message) => check.diagnostic(message)),
            );
          if (VISUAL_ONLY) return;
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

  it('has no baseline left without its story', () => {
    assert.deepEqual(orphanBaselines(stories), [], `baselines of no story (renamed or removed?): run ${UPDATE_COMMAND}`);
  });
});

describe("the stories' args, which the Controls panel edits", () => {
  const standardOffer = () => stories.find((entry) => entry.id === 'elements-campaign-preview--standard-offer');
  /** The dialog's text and the names of its buttons. */
  const dialog = () =>
    page.$eval('campaign-preview', (element) => ({
      text: element.shadowRoot.textContent.replace(/\s+/g, ' '),
      buttons: [...element.shadowRoot.querySelectorAll('button')].map((button) => button.textContent.trim()),
    }));

  it('make the contact and the campaign the story shows', async () => {
    assert.equal(await openStory(page, session.origin, standardOffer(), 'theme:light'), false);
    const before = await dialog();
    assert.ok(before.buttons.includes('Skip'), `Skip is offered (${before.buttons})`);
    const failed = await openStory(
      page,
      session.origin,
      standardOffer(),
      'theme:light',
      'contactName:Ana Souza;campaignName:Winback;timeoutSeconds:45;allowSkip:!false',
    );
    assert.equal(failed, false);
    const after = await dialog();
    assert.match(after.text, /Ana Souza/);
    assert.match(after.text, /Winback/);
    assert.match(after.text, /0:45/);
    assert.doesNotMatch(after.text, /Maria Oliveira/);
    assert.ok(!after.buttons.includes('Skip'), `Skip is not offered (${after.buttons})`);
  });

  it('say which args the protocol refuses, rather than show an impossible state', async () => {
    const failed = await openStory(page, session.origin, standardOffer(), 'theme:light', 'phoneNumbers:!null');
    assert.match(String(failed), /not valid in the dialer protocol/);
  });

  it('theme the page: the dark theme arg under the light toolbar looks as the dark baseline', async () => {
    assert.equal(await openStory(page, session.origin, standardOffer(), 'theme:light', 'theme:dark'), false);
    await checkBaseline(page, standardOffer(), 'theme:dark');
  });
});

describe('the fixed clock', () => {
  /** `Date.now()` in the story's page, when it opened and 1.1 s later. */
  const timeIn = async (id) => {
    const story = stories.find((entry) => entry.id === id);
    assert.ok(story, `the story ${id} exists`);
    assert.equal(await openStory(page, session.origin, story, 'theme:light'), false);
    const first = await page.evaluate(() => Date.now());
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1_100)));
    return {first, second: await page.evaluate(() => Date.now())};
  };

  it('holds still while a story is shown, and is the same instant whenever a story is opened', async () => {
    const countdown = await timeIn('elements-call-timer--countdown');
    assert.equal(countdown.second, countdown.first);
    assert.match(await page.$eval('call-timer', (timer) => timer.shadowRoot.textContent), /0:30/);
    const card = await timeIn('elements-campaign-task-card--connected');
    assert.deepEqual(card, countdown);
  });

  it('runs in real time in the interactive simulated campaign', async () => {
    const story = stories.find((entry) => !hasBaselines(entry));
    const {first, second} = await timeIn(story.id);
    assert.ok(second - first >= 1_000, `${second - first} ms passed in 1.1 s`);
    assert.ok(Math.abs(Date.now() - second) < 60_000, 'it is now');
  });
});
