/**
 * The reference dialer server as a real process, killed (SIGKILL) mid-call and
 * started again on the same port and state directory: the page gets the same
 * call back, and commands caught by the kill run exactly once (the page sees
 * each one's effect once; the compacted journal keeps each one's key once).
 */
import assert from 'node:assert/strict';
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {after, describe, it} from 'node:test';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {demoCampaign} from '../../demo/demo-campaign.js';
import {simulatedCapabilities} from '../../src/adapters/simulated/simulated-dialer.js';
import {WebSocketDialer} from '../../src/adapters/websocket/websocket-dialer.js';
import {selectTask} from '../../src/core/views.js';
import {socketWith, until} from './wire.js';

const root = resolve(import.meta.dirname, '../..');
const QUERY = 'autoAvailable=true&beyond=false&mode=direct&ringSeconds=1&talkSeconds=600&timeout=0';
const stateDir = mkdtempSync(join(tmpdir(), 'cpk-dialer-'));
const running = new Set<ChildProcess>();

after(() => {
  running.forEach((child) => child.kill('SIGKILL'));
  rmSync(stateDir, {recursive: true, force: true});
});

/** Starts `server/run.ts` and resolves with its URL once it listens. */
function startServer(port: number): Promise<{child: ChildProcess; url: string}> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/run.ts', '--port', String(port), '--host', '127.0.0.1', '--state', stateDir],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  running.add(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const url = out.match(/ws:\/\/\S+/)?.[0];
      if (url) resolve({child, url});
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
}

function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (signal !== 'SIGKILL') {
    child.kill(signal);
    return Promise.resolve();
  }
  running.delete(child);
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** The keys of the commands whose outcomes the server's journal keeps, whatever process wrote it. */
function journalled(): string[] {
  const [file] = readdirSync(stateDir).filter((n) => /^campaign-[0-9a-f]+\.json$/.test(n));
  return JSON.parse(readFileSync(join(stateDir, file), 'utf8')).journal.outcomes.map((o: {key: string}) => o.key);
}

/** The events the page received, by type and state or phase (`agent-state not-ready`). */
const received: string[] = [];
function note(data: string): void {
  const message = JSON.parse(data);
  if (message.kind === 'event') received.push([message.event.type, message.event.state ?? message.event.phase].filter(Boolean).join(' '));
}
const times = (what: string) => received.filter((r) => r === what).length;

describe('a reference server process killed and restarted mid-call', () => {
  it('gives the call back, and runs every command caught by the kill exactly once', async () => {
    let first = await startServer(0);
    const port = Number(new URL(first.url).port);
    let dropAcks = false;
    const line = socketWith((data) => {
      note(data);
      return dropAcks && data.includes('"ack"');
    });
    const dialer = new WebSocketDialer(`${first.url}/?${QUERY}`, {
      capabilities: simulatedCapabilities(demoCampaign(new URLSearchParams(QUERY)).script),
      connect: line,
      backoffMs: 50,
      maxBackoffMs: 200,
      heartbeatMs: 500,
      commandTimeoutMs: 30_000,
    });
    after(() => dialer.dispose());
    const store = createCampaignStore(dialer);
    const task = () => selectTask(store.snapshot(), store.now());

    await until(() => store.snapshot().reservation !== null, 'the reservation call', 10_000);
    store.dispatch({type: 'answer-reservation', reservationId: store.snapshot().reservation!.reservationId});
    await until(() => store.snapshot().offer !== null, 'the contact');
    store.dispatch({type: 'accept', offerId: store.snapshot().offer!.offerId});
    await until(() => task()?.status === 'connected', 'the connected call', 10_000);
    const call = task()!;

    // 1. The server runs a command and stores it, its answer is lost, and the server is killed.
    const keys = journalled().length;
    dropAcks = true;
    let firstDone = false;
    dialer.send({type: 'set-agent-state', v: 1, state: 'not-ready'}).subscribe({complete: () => (firstDone = true)});
    await until(() => journalled().length === keys + 1, 'the command in the journal');
    await until(() => times('agent-state not-ready') === 1, 'its effect');
    await kill(first.child);
    dropAcks = false;
    await until(() => !store.snapshot().connected, 'offline');
    first = await startServer(port);
    await until(() => firstDone, 'the answer from the restarted server', 10_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(times('agent-state not-ready'), 1, 'run once, before the kill');
    assert.equal(journalled().length, keys + 1);

    // 2. A command the server never got to read: frozen, then killed.
    await kill(first.child, 'SIGSTOP');
    let secondDone = false;
    dialer.send({type: 'set-agent-state', v: 1, state: 'available'}).subscribe({complete: () => (secondDone = true)});
    await new Promise((resolve) => setTimeout(resolve, 100));
    await kill(first.child);
    await until(() => !store.snapshot().connected, 'offline again', 5_000);
    assert.equal(journalled().length, keys + 1, 'not run by the frozen server');
    await startServer(port);
    await until(() => secondDone, 'the resent command', 10_000);
    await until(() => store.snapshot().agent.state === 'available', 'its effect');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(times('agent-state available'), 1, 'run once, after the restart');
    assert.equal(journalled().length, keys + 2);

    // The call survived both restarts, with its start time (the card's timer).
    const resumed = task()!;
    assert.equal(resumed.callId, call.callId);
    assert.equal(resumed.startedAt, call.startedAt);
    assert.equal(resumed.status, 'connected');
    assert.equal(times('call-progress dialing'), 1, 'the call was dialled once');
    assert.equal(times('snapshot'), 3, 'one snapshot on each connection, nothing replayed');
  });
});
