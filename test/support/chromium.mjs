/**
 * Finds a Chromium for the browser tests: $CHROME_PATH, then the usual paths.
 * When there is none and we run as root with apt-get, installs Debian's
 * `chromium`; otherwise stops with a message naming what to install.
 */
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Flags that let Chromium run headless as root on a machine with no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

function found() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist.`);
  }
  return CANDIDATES.find((path) => existsSync(path));
}

function hasAptGet() {
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], {stdio: 'ignore'});
    return true;
  } catch {
    return false;
  }
}

export function ensureChromium() {
  const path = found();
  if (path) return path;
  if (process.getuid?.() === 0 && hasAptGet()) {
    console.log("No Chromium found: installing Debian's chromium package (about a minute)...");
    const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
    execFileSync('apt-get', ['update', '-qq'], {stdio: 'inherit', env});
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {stdio: 'inherit', env});
    const installed = found();
    if (installed) return installed;
  }
  throw new Error(
    'No Chromium or Chrome was found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
      'or set CHROME_PATH to its executable, then run the tests again.',
  );
}
