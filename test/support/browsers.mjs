/**
 * Firefox and WebKit for the element tests, from Debian packages (installed
 * here when missing and running as root, as CI does):
 * - Firefox ESR, driven over WebDriver BiDi by puppeteer-core (no geckodriver);
 * - WebKitGTK's MiniBrowser, driven by WebKitWebDriver under a virtual X
 *   display (MiniBrowser has no headless mode).
 */
import {execFileSync, spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {chromeLauncher} from '@web/test-runner-chrome';
import {webdriverLauncher} from '@web/test-runner-webdriver';
import puppeteer from 'puppeteer-core';
import {freePort} from './free-port.mjs';

const FIREFOX = '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB_RUN = '/usr/bin/xvfb-run';

/** Installs Debian packages when `paths` are missing; says what to install when it cannot. */
function ensurePackages(packages, paths) {
  if (paths.every((path) => existsSync(path))) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing ${paths.filter((p) => !existsSync(p)).join(', ')}: install the Debian packages ${packages.join(' ')}.`);
  }
  console.log(`Installing ${packages.join(', ')} (a minute or two)...`);
  const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
  execFileSync('apt-get', ['update', '-qq'], {stdio: 'inherit', env});
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], {stdio: 'inherit', env});
}

export function firefoxLauncher() {
  ensurePackages(['firefox-esr'], [FIREFOX]);
  return chromeLauncher({puppeteer, launchOptions: {browser: 'firefox', executablePath: FIREFOX, headless: true}});
}

/** Waits until the driver answers on its port. */
async function driverUp(port, driver) {
  for (let i = 0; i < 100; i += 1) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${driver.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('WebKitWebDriver did not start');
}

export async function webkitLauncher() {
  ensurePackages(['webkit2gtk-driver', 'xvfb', 'xauth'], [WEBKIT_DRIVER, MINIBROWSER, XVFB_RUN]);
  const port = await freePort();
  // Its own process group, so that stopping it also stops Xvfb and MiniBrowser.
  const driver = spawn(XVFB_RUN, ['-a', WEBKIT_DRIVER, `--port=${port}`, '--host=127.0.0.1'], {detached: true, stdio: 'ignore'});
  const stopDriver = () => {
    try {
      process.kill(-driver.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', stopDriver);
  await driverUp(port, driver);
  const launcher = webdriverLauncher({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      // WebKitWebDriver refuses the BiDi capability webdriverio adds by default.
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': {binary: MINIBROWSER, args: ['--automation']},
    },
  });
  const stop = launcher.stop.bind(launcher);
  launcher.stop = async () => {
    await stop();
    stopDriver();
  };
  return launcher;
}
