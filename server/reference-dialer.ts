/**
 * A reference dialer server: the simulated campaign behind a WebSocket,
 * speaking the kit's wire protocol (`src/protocol/wire.ts`). Back-end teams can
 * read it as the protocol's executable description; the tests start and stop
 * it on a loopback port, and `npm start` runs it beside the demo.
 *
 * Each connection URL's query string names a campaign (the demo's parameters,
 * e.g. `ws://localhost:8001/?mode=preview`); clients with the same query share
 * that campaign. A client that connects (a reloaded page, a dropped line back)
 * gets `hello`, then one `snapshot` of the situation now (protocol 1.1), then
 * the live events: nothing is replayed, so what it receives before it is
 * current does not grow with the campaign's age.
 *
 * Every command is run once per idempotency key: a repeat (a client resending
 * after a dropped line) gets the first answer again.
 *
 * With a state directory, each campaign's journal (compacted: the campaign's
 * state, the pages' snapshot and the outcomes of the latest idempotency keys,
 * see `SimulationJournal`) is written there before a command is answered, and
 * a restarted server resumes every campaign from it: killed mid-call, it comes
 * back with the same call, and a command resent under its key after the
 * restart still runs once. The journal's size depends on the situation, not
 * on how long the campaign has run; the campaign's script is written once,
 * beside it.
 */
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {skip, type SchedulerLike} from 'rxjs';
import {WebSocketServer, type WebSocket} from 'ws';
import {
  RecordedSimulatedDialer,
  parseSimulationJournal,
  type RecordedDialerOptions,
  type SimulationJournal,
} from '../src/adapters/simulated/recorded-dialer.js';
import type {SimulatedCampaignScript} from '../src/adapters/simulated/simulated-dialer.js';
import {PROTOCOL_VERSION, parseClientMessage, type ServerMessage} from '../src/protocol/index.js';

/** Each connection query is a campaign with live timers: past this many, new ones are refused. */
const MAX_CAMPAIGNS = 200;
/** How many of the latest command ids `Room.executions` counts. */
const MAX_EXECUTIONS = 1_000;

/** One simulated campaign and the pages connected to it. */
class Room {
  readonly clients = new Set<WebSocket>();
  /**
   * How many times each of the latest command ids was executed by this
   * process (for tests: never more than once). Bounded: a shift's worth of
   * ids would otherwise stay in memory.
   */
  readonly executions = new Map<string, number>();
  private readonly session = `s-${Date.now().toString(36)}`;
  private readonly events;
  /** Events raised by a command wait until its journal is stored. */
  private held: unknown[] | null = null;

  constructor(readonly dialer: RecordedSimulatedDialer) {
    // The live events, after the snapshot every subscriber gets first: each client gets its own when it joins.
    this.events = this.dialer.events$.pipe(skip(1)).subscribe((event) => {
      if (this.held) this.held.push(event);
      else this.broadcast(event);
    });
  }

  join(socket: WebSocket): void {
    this.clients.add(socket);
    socket.on('close', () => this.clients.delete(socket));
    send(socket, {kind: 'hello', protocol: PROTOCOL_VERSION, session: this.session});
    send(socket, {kind: 'event', event: this.dialer.snapshot()});
    socket.on('message', (data) => this.receive(socket, String(data)));
  }

  close(): void {
    this.events.unsubscribe();
    this.dialer.dispose();
    this.clients.forEach((socket) => socket.terminate());
  }

  private receive(socket: WebSocket, data: string): void {
    const parsed = parseClientMessage(data);
    if (!parsed.ok) return;
    const message = parsed.value;
    if (message.kind === 'ping') {
      send(socket, {kind: 'pong'});
      return;
    }
    const {id, command} = message;
    if (!this.dialer.outcome(id)) {
      this.executions.set(id, (this.executions.get(id) ?? 0) + 1);
      if (this.executions.size > MAX_EXECUTIONS) this.executions.delete(this.executions.keys().next().value!);
      this.held = [];
      this.dialer.send(command, id).subscribe({error: () => undefined});
      const held = this.held;
      this.held = null;
      held.forEach((event) => this.broadcast(event));
    }
    const outcome = this.dialer.outcome(id)!;
    if (socket.readyState !== socket.OPEN) return;
    send(socket, outcome.ok ? {kind: 'ack', id} : {kind: 'nack', id, code: outcome.code, message: outcome.message});
  }

  private broadcast(event: unknown): void {
    this.clients.forEach((socket) => send(socket, {kind: 'event', event}));
  }
}

function send(socket: WebSocket, message: ServerMessage): void {
  socket.send(JSON.stringify(message));
}

export interface ReferenceDialer {
  readonly url: string;
  /** The campaign of a connection query (`''` for none), once a client asked for it. */
  room(query?: string): {readonly dialer: RecordedSimulatedDialer; readonly executions: ReadonlyMap<string, number>} | undefined;
  close(): Promise<void>;
}

export interface ReferenceDialerOptions {
  /** 0 (the default): any free port. */
  readonly port?: number;
  /** Default: the loopback interface. */
  readonly host?: string;
  /** Where campaigns' journals are kept, so a restarted server resumes them. Default: memory only. */
  readonly stateDir?: string;
  /** The campaigns' clock (a virtual one in tests). Default: real time. */
  readonly scheduler?: SchedulerLike;
}

/**
 * Campaigns on disk, each under the hash of its connection query: its script,
 * written once when it starts (`campaign-<hash>.script.json`), and its
 * journal without the script (`campaign-<hash>.json`), rewritten after each
 * command. Files are replaced whole (never half written). A journal that
 * cannot be written stops the server: it must not answer a command it could
 * not store (its clients send it again to the restarted server, which runs it
 * once).
 */
function journalStore(dir: string) {
  mkdirSync(dir, {recursive: true});
  const file = (key: string, suffix = '') =>
    join(dir, `campaign-${createHash('sha256').update(key).digest('hex').slice(0, 24)}${suffix}.json`);
  const write = (path: string, value: unknown) => {
    try {
      writeFileSync(`${path}.tmp`, JSON.stringify(value));
      renameSync(`${path}.tmp`, path);
    } catch (error) {
      console.error(`reference dialer: cannot store the campaign's journal (${(error as Error).message}); stopping.`);
      process.exit(70);
    }
  };
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
  return {
    /** A new campaign: its script, then its first journal. */
    start(key: string, journal: SimulationJournal): void {
      write(file(key, '.script'), {query: key, script: journal.script});
      this.save(key, journal);
    },
    save(key: string, journal: SimulationJournal): void {
      const {script: _script, ...rest} = journal;
      write(file(key), {query: key, journal: rest});
    },
    /** Every stored campaign; an unreadable one is reported and left out. */
    load(): Map<string, SimulationJournal> {
      const found = new Map<string, SimulationJournal>();
      for (const name of readdirSync(dir).filter((n) => /^campaign-[0-9a-f]{24}\.json$/.test(n))) {
        try {
          const stored = read(join(dir, name));
          const scriptFile = join(dir, name.replace(/\.json$/, '.script.json'));
          // A journal of version 1 carries its script: from now on it is kept beside it.
          const separate = existsSync(scriptFile);
          const parsed = parseSimulationJournal({...stored?.journal, script: separate ? read(scriptFile).script : stored?.journal?.script});
          if (typeof stored?.query !== 'string' || !parsed.ok) throw new Error(parsed.ok ? 'no query' : parsed.error);
          if (!separate) write(scriptFile, {query: stored.query, script: parsed.journal.script});
          found.set(stored.query, parsed.journal);
        } catch (error) {
          console.error(`reference dialer: ignoring ${name}: ${(error as Error).message}`);
        }
      }
      return found;
    },
  };
}

/**
 * Starts the server. `scriptFor` turns a connection's query string into its
 * campaign; campaigns kept in `stateDir` resume instead.
 */
export async function startReferenceDialer(
  scriptFor: SimulatedCampaignScript | ((query: URLSearchParams) => SimulatedCampaignScript),
  options: ReferenceDialerOptions = {},
): Promise<ReferenceDialer> {
  const host = options.host ?? '127.0.0.1';
  const server = new WebSocketServer({host, port: options.port ?? 0});
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const store = options.stateDir ? journalStore(options.stateDir) : null;
  const dialerOptions = (key: string): RecordedDialerOptions => ({
    ...(options.scheduler ? {scheduler: options.scheduler} : {}),
    ...(store ? {onJournal: (journal: SimulationJournal) => store.save(key, journal)} : {}),
  });
  const rooms = new Map<string, Room>();
  for (const [key, journal] of store?.load() ?? []) rooms.set(key, new Room(RecordedSimulatedDialer.resume(journal, dialerOptions(key))));
  const script = (query: URLSearchParams) => (typeof scriptFor === 'function' ? scriptFor(query) : scriptFor);

  server.on('connection', (socket, request) => {
    const query = new URL(request.url ?? '/', 'ws://localhost').searchParams;
    query.sort();
    const key = query.toString();
    let room = rooms.get(key);
    if (!room && rooms.size >= MAX_CAMPAIGNS) {
      socket.close(1013, 'Too many campaigns on this server');
      return;
    }
    if (!room) {
      room = new Room(RecordedSimulatedDialer.start(script(query), dialerOptions(key)));
      rooms.set(key, room);
      // A campaign exists from its first connection, even before its first command.
      store?.start(key, room.dialer.journal());
    }
    room.join(socket);
  });

  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `ws://${host}:${actualPort}`,
    room: (query = '') => rooms.get(query),
    close: async () => {
      rooms.forEach((room) => room.close());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
