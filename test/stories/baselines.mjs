/**
 * Visual baselines, checked by the page tests (stories.test.mjs) on the page
 * they have just rendered: every story but those tagged `real-time` (the
 * interactive simulated campaign, which runs on the real clock) in light, dark
 * and right-to-left Arabic, compared with the PNG committed under
 * test/stories/baselines/.
 *
 * The screenshot: a fixed viewport at device scale 1 (PAGE_SETUP), the time
 * zone UTC, the stories' fixed clock (.storybook/fixed-clock.ts), the pinned
 * fonts (BASELINE_FONTS) loaded and no text drawn in a system font,
 * animations finished, transitions and the text caret off, two screenshots in
 * a row the same; clipped to #storybook-root and trimmed to the story's
 * content plus MARGIN pixels of the page around it. The comparison runs in the
 * page itself (no image library): both PNGs are decoded with createImageBitmap
 * and read with getImageData. A pixel differs when one of its channels differs
 * by more than CHANNEL_THRESHOLD; the check fails when more than TOLERANCE of
 * the pixels differ, or on any change of size, and then writes the expected,
 * the actual and a diff image (differing pixels red over the expected, faded)
 * to a temporary directory that the message names. A difference within the
 * tolerance passes, reported as a test diagnostic (how stable the rendering
 * is). Baselines are written (png.mjs) only when updating: a missing one fails.
 */
import assert from 'node:assert/strict';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {encodePng} from './png.mjs';
import {root} from './story-page.mjs';

export const BASELINES = join(root, 'test/stories/baselines');
/** The browser the baselines were last updated with, which a failure compares with the one running. */
const DRAWN_BY = join(BASELINES, 'drawn-by.json');
/** Write the baselines that differ (and remove those of no story) instead of failing. */
export const UPDATE = process.env.CPK_UPDATE_BASELINES === '1' || process.argv.includes('--update');
export const UPDATE_COMMAND = '`npm run test:visual -- --update` (or `CPK_UPDATE_BASELINES=1 node --test test/stories/stories.test.mjs`)';

/** Storybook globals (as in stories.test.mjs) -> the baseline's name suffix. */
export const VISUAL_VARIANTS = {'theme:light': 'light', 'theme:dark': 'dark', 'theme:light;lang:ar;dir:rtl': 'rtl'};
/**
 * The fonts every baseline is drawn in: Noto Sans, Noto Sans Arabic and Noto
 * Sans Mono from their npm packages (package-lock.json pins them), served from
 * node_modules, rather than the machine's. Which fonts a machine has installed
 * changes how text is drawn: the Debian packages the WebKit tests install
 * bring Noto Mono, which then becomes the system's monospace. The kit's font
 * tokens, the page's font and the host's form controls in the stories (a
 * slotted button) name them; checkBaseline fails if any text of a story is
 * still drawn in a system font.
 */
const FONT_PREFIX = '/baseline-fonts/';
const FONT_PACKAGES = join(root, 'node_modules/@fontsource');
export const FONT_MOUNT = {[FONT_PREFIX]: FONT_PACKAGES};
const BASELINE_FONTS = `${['noto-sans', 'noto-sans-arabic', 'noto-sans-mono']
  .flatMap((name) =>
    [400, 600, 700].map((weight) =>
      readFileSync(join(FONT_PACKAGES, name, `${weight}.css`), 'utf8').replaceAll('url(./files/', `url(${FONT_PREFIX}${name}/files/`),
    ),
  )
  .join('\n')}
:root {
  --cpk-font-family: 'Noto Sans', 'Noto Sans Arabic' !important;
  --cpk-font-family-mono: 'Noto Sans Mono' !important;
}
body,
body :is(button, input, select, textarea) {
  font-family: 'Noto Sans', 'Noto Sans Arabic' !important;
}`;

/** The page every story is rendered on: size, scale and time zone. */
export const PAGE_SETUP = {viewport: {width: 800, height: 1600, deviceScaleFactor: 1}, timezone: 'UTC'};
/** A pixel differs when one of its channels (0-255) differs by more than this. */
const CHANNEL_THRESHOLD = 8;
/** The share of differing pixels above which the check fails. */
const TOLERANCE = 0.001;
/** Page kept around the content when trimming, in CSS pixels. */
const MARGIN = 8;

/** Whether `story` has baselines: not if it runs on the real clock. */
export const hasBaselines = (story) => !story.tags?.includes('real-time');
const fileOf = (story, variant) => `${story.id}.${variant}.png`;

let failures;

/** A directory for what a failure leaves to look at, made on the first failure. */
function failureDir() {
  failures ??= mkdtempSync(join(tmpdir(), 'cpk-visual-'));
  return failures;
}

/** Where the failures' images are, if any were written. */
export const failuresDir = () => failures;

/** Sets up `page` as every story is rendered for its baselines; when updating, records the browser they are drawn with. */
export async function setUpPage(page) {
  await page.setViewport(PAGE_SETUP.viewport);
  await page.emulateTimezone(PAGE_SETUP.timezone);
  mkdirSync(BASELINES, {recursive: true});
  if (UPDATE) writeFileSync(DRAWN_BY, `${JSON.stringify({browser: await page.browser().version()}, null, 2)}\n`);
}

/** Makes the page still: the pinned fonts loaded, animations done, no transition or caret, in the document and in every shadow root. */
async function settle(page) {
  await page.evaluate(async (fonts) => {
    document.head.append(Object.assign(document.createElement('style'), {textContent: fonts}));
    // Lay the page out in the new fonts (which starts loading them), then wait for them.
    document.body.getBoundingClientRect();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await document.fonts.ready;
    const still = new CSSStyleSheet();
    still.replaceSync(
      '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }',
    );
    const roots = [document];
    for (let i = 0; i < roots.length; i++)
      for (const element of roots[i].querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
    for (const node of roots) node.adoptedStyleSheets = [...node.adoptedStyleSheets, still];
    for (const animation of document.getAnimations()) {
      try {
        animation.finish();
      } catch {
        animation.cancel();
      }
    }
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }, BASELINE_FONTS);
}

/**
 * The system fonts (not web fonts) the story's text is drawn in, from
 * Chromium's own account of each element's glyphs (CSS.getPlatformFontsForNode),
 * through shadow roots.
 */
async function systemFontsOf(page) {
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const {root: document} = await cdp.send('DOM.getDocument', {depth: -1, pierce: true});
    const children = (node) => [...(node.shadowRoots ?? []), ...(node.children ?? [])];
    const find = (node) => (node.attributes?.includes('storybook-root') ? node : children(node).map(find).find(Boolean));
    const withText = [];
    const walk = (node) => {
      if (node.nodeType === 1 && node.children?.some((child) => child.nodeType === 3 && child.nodeValue.trim())) withText.push(node);
      children(node).forEach(walk);
    };
    walk(find(document));
    const system = new Set();
    for (const node of withText) {
      const {fonts} = await cdp.send('CSS.getPlatformFontsForNode', {nodeId: node.nodeId});
      for (const font of fonts) if (!font.isCustomFont) system.add(`${font.familyName} (in <${node.localName}>)`);
    }
    return [...system];
  } finally {
    await cdp.detach();
  }
}

/** The story root's box, in whole pixels. */
async function rootBox(page) {
  return page.evaluate(() => {
    const box = document.querySelector('#storybook-root').getBoundingClientRect();
    const x = Math.floor(box.left);
    const y = Math.floor(box.top);
    return {x, y, width: Math.ceil(box.right) - x, height: Math.ceil(box.bottom) - y};
  });
}

/**
 * A screenshot of `box` once two in a row, a frame apart, are the same: a
 * story still painting (or animating) does not make a baseline.
 */
async function stableScreenshot(page, box) {
  const shot = () => page.screenshot({clip: box, encoding: 'base64', captureBeyondViewport: false, optimizeForSpeed: true});
  let previous = await shot();
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const current = await shot();
    if (current === previous) return current;
    previous = current;
  }
  assert.fail('the story kept changing over 6 screenshots: does something animate?');
}

/**
 * In the page: trims the screenshot to its content (what differs from its
 * top-left pixel, the page behind the story) plus `margin`, and compares it
 * with the baseline. PNGs go in as base64; the trimmed screenshot (and a diff
 * image) come out as base64 RGB bytes, only when there is something to write.
 */
async function trimAndCompare(page, screenshot, baseline, write) {
  return page.evaluate(
    async (screenshot, baseline, write, margin, threshold, tolerance) => {
      const decode = async (base64) => {
        const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
        const bitmap = await createImageBitmap(blob, {colorSpaceConversion: 'none', premultiplyAlpha: 'none'});
        const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d', {willReadFrequently: true});
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const rgbBase64 = async (image) => {
        const rgb = new Uint8Array(image.width * image.height * 3);
        for (let i = 0, j = 0; i < image.data.length; i += 4, j += 3) rgb.set(image.data.subarray(i, i + 3), j);
        const url = await new Promise((resolve) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result);
          reader.readAsDataURL(new Blob([rgb]));
        });
        return url.slice(url.indexOf(',') + 1);
      };

      const full = await decode(screenshot);
      const {width, height, data} = full;
      let [left, top, right, bottom] = [width, height, -1, -1];
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) {
            if (x < left) left = x;
            if (x > right) right = x;
            if (y < top) top = y;
            if (y > bottom) bottom = y;
          }
        }
      if (right < 0) [left, top, right, bottom] = [0, 0, width - 1, height - 1];
      left = Math.max(0, left - margin);
      top = Math.max(0, top - margin);
      right = Math.min(width - 1, right + margin);
      bottom = Math.min(height - 1, bottom + margin);
      const context = new OffscreenCanvas(width, height).getContext('2d', {willReadFrequently: true});
      context.putImageData(full, 0, 0);
      const actual = context.getImageData(left, top, right - left + 1, bottom - top + 1);
      const result = {width: actual.width, height: actual.height, changed: 0, differing: 0, maxDelta: 0, ok: false};
      if (!baseline) return {...result, rgb: await rgbBase64(actual)};

      const expected = await decode(baseline);
      const w = Math.max(actual.width, expected.width);
      const h = Math.max(actual.height, expected.height);
      /** The largest channel difference at (x, y); 255 where only one image has the pixel. */
      const deltaAt = (x, y) => {
        if (x >= actual.width || y >= actual.height || x >= expected.width || y >= expected.height) return 255;
        const a = (y * actual.width + x) * 4;
        const e = (y * expected.width + x) * 4;
        return Math.max(
          Math.abs(actual.data[a] - expected.data[e]),
          Math.abs(actual.data[a + 1] - expected.data[e + 1]),
          Math.abs(actual.data[a + 2] - expected.data[e + 2]),
        );
      };
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const delta = deltaAt(x, y);
          if (delta > result.maxDelta) result.maxDelta = delta;
          if (delta > 0) result.changed++;
          if (delta > threshold) result.differing++;
        }
      result.expectedWidth = expected.width;
      result.expectedHeight = expected.height;
      result.sameSize = actual.width === expected.width && actual.height === expected.height;
      result.limit = Math.floor(tolerance * actual.width * actual.height);
      result.ok = result.sameSize && result.differing <= result.limit;
      if (result.ok) return write && result.changed ? {...result, rgb: await rgbBase64(actual)} : result;

      // The diff: differing pixels red over the expected image, faded.
      const diff = new ImageData(w, h);
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const d = (y * w + x) * 4;
          const [source, sourceWidth] =
            x < expected.width && y < expected.height ? [expected.data, expected.width] : [actual.data, actual.width];
          const i = (y * sourceWidth + x) * 4;
          const grey = 180 + Math.round((0.3 * (source[i] ?? 255) + 0.59 * (source[i + 1] ?? 255) + 0.11 * (source[i + 2] ?? 255)) * 0.29);
          if (deltaAt(x, y) > threshold) diff.data.set([255, 0, 0, 255], d);
          else diff.data.set([grey, grey, grey, 255], d);
        }
      return {...result, rgb: await rgbBase64(actual), diff: await rgbBase64(diff), diffWidth: w, diffHeight: h};
    },
    screenshot,
    baseline,
    write,
    MARGIN,
    CHANNEL_THRESHOLD,
    TOLERANCE,
  );
}

const png = (width, height, base64) => encodePng(width, height, Buffer.from(base64, 'base64'));

/**
 * Compares the story now on `page` (opened with `globals`, one of
 * VISUAL_VARIANTS) with its baseline; fails with what differs and where the
 * images are. When updating, writes the baseline instead. `log` reports a
 * difference within the tolerance (e.g. a test's `diagnostic`).
 */
export async function checkBaseline(page, story, globals, log = console.log) {
  const variant = VISUAL_VARIANTS[globals];
  await settle(page);
  const systemFonts = await systemFontsOf(page);
  assert.deepEqual(systemFonts, [], 'every text of the story is drawn in the pinned fonts, none in a font of the machine');
  const box = await rootBox(page);
  assert.ok(box.width > 0 && box.height > 0, 'the story shows something');
  assert.ok(
    box.y + box.height <= PAGE_SETUP.viewport.height,
    `the story (${box.height} px high) fits in the ${PAGE_SETUP.viewport.height} px viewport: make it higher`,
  );
  const screenshot = await stableScreenshot(page, box);

  const file = join(BASELINES, fileOf(story, variant));
  const name = relative(root, file);
  const baseline = existsSync(file) ? readFileSync(file).toString('base64') : null;
  const result = await trimAndCompare(page, screenshot, baseline, UPDATE);

  if (UPDATE) {
    if (result.rgb) {
      writeFileSync(file, png(result.width, result.height, result.rgb));
      console.log(`${baseline ? 'updated' : 'wrote'} ${name}`);
    }
    return;
  }
  if (baseline === null) {
    const actual = join(failureDir(), fileOf(story, variant));
    writeFileSync(actual, png(result.width, result.height, result.rgb));
    assert.fail(`no baseline ${name} (the screenshot is ${actual}): run ${UPDATE_COMMAND} and commit it`);
  }
  if (result.ok) {
    // Any difference within the tolerance is reported, not hidden: it says how stable the rendering is.
    if (result.changed) log(`${name}: ${result.changed} pixels changed (by up to ${result.maxDelta}/255), within the tolerance`);
    return;
  }
  const stem = join(failureDir(), `${story.id}.${variant}`);
  const browser = await page.browser().version();
  const drawnBy = existsSync(DRAWN_BY) ? JSON.parse(readFileSync(DRAWN_BY, 'utf8')).browser : 'an unknown browser';
  const another =
    drawnBy === browser ? '' : ` The baselines were updated with ${drawnBy} and this is ${browser}: a new browser may draw differently.`;
  writeFileSync(`${stem}.actual.png`, png(result.width, result.height, result.rgb));
  writeFileSync(`${stem}.expected.png`, Buffer.from(baseline, 'base64'));
  writeFileSync(`${stem}.diff.png`, png(result.diffWidth, result.diffHeight, result.diff));
  const what = result.sameSize
    ? `${result.differing} of ${result.width * result.height} pixels differ (by up to ${result.maxDelta}/255; at most ${result.limit} may)`
    : `the size changed from ${result.expectedWidth}x${result.expectedHeight} to ${result.width}x${result.height} (${result.differing} pixels differ)`;
  assert.fail(`${name}: ${what}. See ${stem}.{actual,expected,diff}.png; if the change is intended, run ${UPDATE_COMMAND}.${another}`);
}

/** The baselines of no story (renamed or removed); removed when updating. */
export function orphanBaselines(stories) {
  const wanted = new Set(
    stories.filter(hasBaselines).flatMap((story) => Object.values(VISUAL_VARIANTS).map((variant) => fileOf(story, variant))),
  );
  const orphans = readdirSync(BASELINES).filter((file) => file.endsWith('.png') && !wanted.has(file));
  if (UPDATE) for (const file of orphans) rmSync(join(BASELINES, file));
  return UPDATE ? [] : orphans;
}
