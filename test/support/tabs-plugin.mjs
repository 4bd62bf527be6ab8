/**
 * web-test-runner server commands that open more pages ("tabs") in the test
 * page's own browser context, as an agent opens the desktop twice: they share
 * its origin's Web Locks, BroadcastChannel and storage. Chromium only (puppeteer).
 *
 * - `tab-open {path}` opens `path` on the test server and answers its id;
 * - `tab-eval {id, expression}` evaluates a script expression in that tab
 *   (awaiting a promise) and answers `{value}`, its JSON value (web-test-runner
 *   takes a bare `null` for "command not handled");
 * - `tab-front {id}` brings the tab to the front (the others lose focus);
 * - `tab-close {id, crash?}` closes it, or crashes its renderer.
 */
export function tabsPlugin() {
  const tabs = new Map();
  let next = 1;
  return {
    name: 'tabs-command',
    async executeCommand({command, payload, session}) {
      if (!command.startsWith('tab-')) return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`${command}: needs puppeteer (Chromium), not ${session.browser.type}`);
      const testPage = session.browser.getPage(session.id);
      switch (command) {
        case 'tab-open': {
          const page = await testPage.browserContext().newPage();
          const id = next++;
          tabs.set(id, page);
          await page.goto(new URL(payload.path, testPage.url()).href, {waitUntil: 'load'});
          return id;
        }
        case 'tab-eval':
          return {value: (await tab(payload.id).evaluate(payload.expression)) ?? null};
        case 'tab-front':
          await tab(payload.id).bringToFront();
          return true;
        case 'tab-close': {
          const page = tab(payload.id);
          tabs.delete(payload.id);
          if (payload.crash) {
            const cdp = await page.createCDPSession();
            // The renderer dies without unloading: nothing of the page runs again. The
            // command itself never answers; puppeteer reports the crash as the page's 'error'.
            const crashed = new Promise((resolve) => page.once('error', resolve));
            cdp.send('Page.crash').catch(() => undefined);
            await within(crashed, 5_000);
            await within(
              page.close().catch(() => undefined),
              5_000,
            );
          } else {
            await page.close();
          }
          return true;
        }
        default:
          return undefined;
      }
    },
    async serverStop() {
      for (const page of tabs.values()) await page.close().catch(() => undefined);
      tabs.clear();
    },
  };

  /** Waits for `promise`, or `ms` at most. */
  function within(promise, ms) {
    return Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms))]);
  }

  function tab(id) {
    const page = tabs.get(id);
    if (!page) throw new Error(`no tab ${id}`);
    return page;
  }
}
