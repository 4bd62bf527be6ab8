/**
 * Web-test-runner server commands for the background-alert tests
 * (test/elements/attention.test.ts): what a page cannot do to itself.
 *
 * - `notification-permission` (`{state: 'granted' | 'denied' | 'prompt'}`):
 *   sets the notification permission of the test page's origin, through
 *   puppeteer (`BrowserContext.setPermission`: the DevTools protocol in
 *   Chromium, WebDriver BiDi `permissions.setPermission` in Firefox) or the
 *   WebDriver Permissions extension (`POST /session/:id/permissions`) where a
 *   WebDriver session is used (WebKit).
 * - `focus-other-page`: opens another page in the same browser context and
 *   brings it to the front, so the test page really loses focus.
 * - `focus-test-page`: brings the test page back to the front and closes the
 *   other page.
 *
 * Each answers `{available: true}` or `{available: false, reason}`: a browser
 * that cannot do it is not a failure (web-test-runner takes a `null` result
 * as "command not handled", so `null` is never answered).
 */

const others = new Map();

function puppeteerPage(session) {
  return session.browser.type === 'puppeteer' ? session.browser.getPage(session.id) : null;
}

function reason(error) {
  return String(error?.message ?? error)
    .split('\n')[0]
    .replace(/\/session\/[^/\s]+/g, '/session/:id');
}

async function setNotificationPermission(session, state) {
  const page = puppeteerPage(session);
  if (page) {
    const origin = new URL(page.url()).origin;
    const context = page.browserContext();
    if (typeof context.setPermission === 'function') {
      await context.setPermission(origin, {permission: {name: 'notifications'}, state});
    } else if (state === 'granted') {
      await context.overridePermissions(origin, ['notifications']);
    } else {
      await context.clearPermissionOverrides();
    }
    return {available: true};
  }
  const driver = session.browser.driver;
  if (session.browser.type === 'webdriver' && driver?.setPermissions) {
    await driver.setPermissions({name: 'notifications'}, state);
    return {available: true};
  }
  return {available: false, reason: `no permission control for browser type ${session.browser.type}`};
}

async function focusOtherPage(session) {
  const page = puppeteerPage(session);
  if (!page) return {available: false, reason: `no second page for browser type ${session.browser.type}`};
  let other = others.get(session.id);
  if (!other) {
    other = await page.browserContext().newPage();
    others.set(session.id, other);
  }
  await other.bringToFront();
  return {available: true};
}

async function focusTestPage(session) {
  const page = puppeteerPage(session);
  if (!page) return {available: false, reason: `no second page for browser type ${session.browser.type}`};
  await page.bringToFront();
  const other = others.get(session.id);
  others.delete(session.id);
  await other?.close();
  return {available: true};
}

export function attentionPlugin() {
  return {
    name: 'attention-commands',
    async executeCommand({command, payload, session}) {
      try {
        switch (command) {
          case 'notification-permission':
            return await setNotificationPermission(session, payload?.state ?? 'granted');
          case 'focus-other-page':
            return await focusOtherPage(session);
          case 'focus-test-page':
            return await focusTestPage(session);
          default:
            return undefined;
        }
      } catch (error) {
        return {available: false, reason: reason(error)};
      }
    },
  };
}
