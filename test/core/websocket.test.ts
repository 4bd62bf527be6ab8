/**
 * The WebSocket adapter against the real reference dialer server, on a
 * loopback port, on real time (short simulated latencies).
 */
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {WebSocket} from 'ws';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {WebSocketDialer, type SocketLike} from '../../src/adapters/websocket/websocket-dialer.js';
import {selectPreview, selectTask} from '../../src/core/views.js';
import {startReferenceDialer, type ReferenceDialer} from '../../server/reference-dialer.js';
import {ALL_ACTIONS, campaign, contact} from './fixtures.js';
import {socketWith, until} from './wire.js';

const script = {
  campaign: campaign({timeoutMs: 0}),
  contacts: [contact({id: 'a', name: 'Ana'}), contact({id: 'b', name: 'Bruno'})],
  agentAvailable: true,
  latencyMs: 20,
  dialMs: 20,
  ringMs: 60,
  talkMs: 60_000,
};
const capabilities = {enforcesTimeout: false, actions: ALL_ACTIONS.filter((a) => a !== 'request-contact')};

const servers: ReferenceDialer[] = [];
const dialers: WebSocketDialer[] = [];
after(async () => {
  dialers.forEach((d) => d.dispose());
  await Promise.all(servers.map((s) => s.close()));
});

function connectTo(url: string, connect: (url: string) => SocketLike = (u) => new WebSocket(u) as unknown as SocketLike) {
  const dialer = new WebSocketDialer(url, {capabilities, connect, backoffMs: 20, maxBackoffMs: 100, heartbeatMs: 200});
  dialers.push(dialer);
  return {dialer, store: createCampaignStore(dialer)};
}

describe('WebSocket adapter with the reference dialer server', () => {
  it('runs a standard preview over the wire: reservation, contact, accept, connected', async () => {
    const server = await startReferenceDialer(script);
    servers.push(server);
    const {store} = connectTo(server.url);
    await until(() => selectPreview(store.snapshot(), store.now()).stage === 'reservation', 'the reservation');
    store.dispatch({type: 'answer-reservation', reservationId: store.snapshot().reservation!.reservationId});
    await until(() => selectPreview(store.snapshot(), store.now()).stage === 'offer', 'the contact');
    store.dispatch({type: 'accept', offerId: store.snapshot().offer!.offerId});
    await until(() => selectTask(store.snapshot(), store.now())?.status === 'connected', 'the connected call');
    assert.deepEqual([...server.room()!.executions.values()], [1, 1]);
  });

  it('a reservation call left ringing is withdrawn as missed over the wire (protocol 1.1), and a page that joins later sees none', async () => {
    const server = await startReferenceDialer({...script, reservationRingMs: 150});
    servers.push(server);
    const {store} = connectTo(server.url);
    await until(() => selectPreview(store.snapshot(), store.now()).stage === 'reservation', 'the reservation');
    await until(() => store.snapshot().notices.some((n) => n.code === 'reservation-missed'), 'the missed reservation');
    assert.equal(store.snapshot().reservation, null);
    await until(() => store.snapshot().agent.state === 'not-ready', 'the agent made not ready');
    const later = connectTo(server.url);
    await until(() => later.store.snapshot().agent.state === 'not-ready', 'the snapshot');
    assert.equal(later.store.snapshot().reservation, null);
  });

  it('goes offline when the server is gone, refuses nothing silently, and comes back online', async () => {
    const server = await startReferenceDialer(script);
    const port = Number(new URL(server.url).port);
    const {dialer, store} = connectTo(server.url);
    await until(() => dialer.connected, 'online');
    await server.close();
    await until(() => !store.snapshot().connected, 'offline');
    assert.equal(selectPreview(store.snapshot(), store.now()).notices.at(-1)?.code, 'offline');
    let refused: unknown;
    dialer.send({type: 'set-agent-state', v: 1, state: 'not-ready'}).subscribe({error: (e) => (refused = e)});
    assert.match(String(refused), /cannot be reached/);
    // Down for several reconnect attempts (20, 40, 80, 100 ms...), then back.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const again = await startReferenceDialer(script, {port});
    servers.push(again);
    await until(() => store.snapshot().connected, 'back online', 5_000);
    assert.equal(
      selectPreview(store.snapshot(), store.now()).notices.some((n) => n.code === 'offline'),
      false,
    );
  });

  it('a command in flight when the line drops is sent again under its key and runs once', async () => {
    const server = await startReferenceDialer(script);
    servers.push(server);
    let dropNextAck = true;
    // A line that loses the first answer and then breaks, as a flaky network would.
    const flaky = socketWith((data, socket) => {
      if (!dropNextAck || !data.includes('"ack"')) return false;
      dropNextAck = false;
      socket.terminate();
      return true;
    });
    const {dialer, store} = connectTo(server.url, flaky);
    await until(() => selectPreview(store.snapshot(), store.now()).stage === 'reservation', 'the reservation');
    let done = false;
    dialer
      .send({type: 'answer-reservation', v: 1, reservationId: store.snapshot().reservation!.reservationId})
      .subscribe({complete: () => (done = true)});
    await until(() => done, 'the answer after reconnecting', 5_000);
    assert.deepEqual([...server.room()!.executions.values()], [1], 'executed once, answered twice');
  });
});

describe('resuming after a reload', () => {
  it('a page that connects mid-call gets the call back with its original start time', async () => {
    const server = await startReferenceDialer(script);
    servers.push(server);
    const first = connectTo(server.url);
    await until(() => selectPreview(first.store.snapshot(), first.store.now()).stage === 'reservation', 'the reservation');
    first.store.dispatch({type: 'answer-reservation', reservationId: first.store.snapshot().reservation!.reservationId});
    await until(() => selectPreview(first.store.snapshot(), first.store.now()).stage === 'offer', 'the contact');
    first.store.dispatch({type: 'accept', offerId: first.store.snapshot().offer!.offerId});
    await until(() => selectTask(first.store.snapshot(), first.store.now())?.status === 'connected', 'the connected call');
    const before = selectTask(first.store.snapshot(), first.store.now())!;
    first.dialer.dispose(); // the page goes away
    const reloaded = connectTo(server.url);
    await until(() => selectTask(reloaded.store.snapshot(), reloaded.store.now())?.status === 'connected', 'the call after reload');
    const after = selectTask(reloaded.store.snapshot(), reloaded.store.now())!;
    assert.equal(after.callId, before.callId);
    assert.equal(after.startedAt, before.startedAt, 'the timer counts from the same moment');
    assert.deepEqual([...server.room()!.executions.values()], [1, 1], 'nothing was sent again');
  });

  it('a page that connects gets hello and one snapshot of the situation now, not a replay: its size does not grow with the campaign', async () => {
    const contacts = Array.from({length: 8}, (_, i) => contact({id: `k${i}`, name: `Contact ${i}`}));
    const server = await startReferenceDialer({...script, contacts, talkMs: 30});
    servers.push(server);
    const {store} = connectTo(server.url);
    const view = () => selectPreview(store.snapshot(), store.now());
    const work = async (count: number) => {
      store.dispatch({type: 'set-agent-state', state: 'available'});
      for (let i = 0; i < count; i += 1) {
        await until(() => view().stage === 'reservation', 'a reservation');
        store.dispatch({type: 'answer-reservation', reservationId: store.snapshot().reservation!.reservationId});
        await until(() => view().stage === 'offer', 'a contact');
        const offerId = store.snapshot().offer!.offerId;
        store.dispatch({type: 'accept', offerId});
        await until(() => store.snapshot().call?.offerId === offerId && store.snapshot().call?.status === 'ended', 'the call to end');
      }
      store.dispatch({type: 'set-agent-state', state: 'not-ready'});
      await until(() => store.snapshot().agent.state === 'not-ready' && !store.snapshot().reservation, 'a quiet campaign');
    };
    /** What a connecting page receives before it is current (nothing more comes from a quiet campaign). */
    const greeting = async () => {
      const socket = new WebSocket(server.url);
      const messages: string[] = [];
      socket.on('message', (data) => messages.push(String(data)));
      await until(() => messages.length >= 2, 'hello and the snapshot');
      await new Promise((resolve) => setTimeout(resolve, 100));
      socket.terminate();
      return messages;
    };
    await work(1);
    const early = await greeting();
    await work(5);
    const late = await greeting();
    for (const messages of [early, late]) {
      assert.deepEqual(
        messages.map((m) => JSON.parse(m).kind),
        ['hello', 'event'],
      );
      assert.equal(JSON.parse(messages[1]).event.type, 'snapshot');
    }
    const bytes = (messages: string[]) => messages.reduce((sum, m) => sum + m.length, 0);
    assert.ok(bytes(late) <= bytes(early) + 200, `after 6 contacts ${bytes(late)} bytes, after 1 ${bytes(early)}`);
    const agent = JSON.parse(late[1]).event.agent;
    assert.equal(agent.state, 'not-ready', 'the snapshot is the situation now');
  });

  it('a very long campaign query is just another campaign, kept on disk too', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'cpk-long-'));
    after(() => rmSync(stateDir, {recursive: true, force: true}));
    const server = await startReferenceDialer(script, {stateDir});
    servers.push(server);
    const {store} = connectTo(`${server.url}/?note=${'x'.repeat(5_000)}`);
    await until(() => store.snapshot().agent.state === 'available', 'the campaign');
    const files = readdirSync(stateDir).filter((name) => name.endsWith('.json'));
    assert.equal(files.length, 2, 'one campaign: its journal, and its script beside it');
    assert.ok(files.some((name) => name.endsWith('.script.json')));
  });

  it('a server started on a journal of version 1 (every command since the start) resumes it, and compacts it', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'cpk-v1-'));
    after(() => rmSync(stateDir, {recursive: true, force: true}));
    const startedAt = Date.now() - 2_000;
    const commands = [{at: startedAt + 100, key: 'answered', command: {type: 'answer-reservation', v: 1, reservationId: 'reservation-1'}}];
    const name = `campaign-${createHash('sha256').update('').digest('hex').slice(0, 24)}`;
    writeFileSync(join(stateDir, `${name}.json`), JSON.stringify({query: '', journal: {v: 1, startedAt, script, commands}}));
    const server = await startReferenceDialer(script, {stateDir});
    servers.push(server);
    const {dialer, store} = connectTo(server.url);
    await until(() => store.snapshot().offer !== null, 'the contact offered after the stored answer');
    assert.equal(store.snapshot().offer!.offerId, 'offer-2');
    assert.equal(server.room()!.dialer.outcome('answered')?.ok, true);
    let done = false;
    dialer.send({type: 'set-agent-state', v: 1, state: 'not-ready'}).subscribe({complete: () => (done = true)});
    await until(() => done, 'a command');
    const stored = JSON.parse(readFileSync(join(stateDir, `${name}.json`), 'utf8')).journal;
    assert.equal(stored.v, 2);
    assert.equal(stored.script, undefined, 'the script is beside it');
    assert.deepEqual(stored.commands, []);
    assert.deepEqual(stored.outcomes.map((o: {key: string}) => o.key).slice(0, 1), ['answered']);
    assert.deepEqual(JSON.parse(readFileSync(join(stateDir, `${name}.script.json`), 'utf8')).script, script);
  });

  it('clients with different campaign queries get different campaigns', async () => {
    const server = await startReferenceDialer((query) => ({
      ...script,
      campaign: campaign({mode: query.get('mode') === 'preview' ? 'preview' : 'standard', timeoutMs: 0}),
    }));
    servers.push(server);
    const preview = connectTo(`${server.url}/?mode=preview`);
    await until(() => preview.store.snapshot().agent.state === 'available', 'the agent state');
    assert.ok(server.room('mode=preview'));
    assert.equal(server.room(''), undefined);
  });
});
