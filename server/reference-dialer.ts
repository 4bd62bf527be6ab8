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
 * With a state directory, each campaign's journal (its script, start time and
 * every command with its key) is written there before a command is answered,
 * and a restarted server resumes every campaign from it: killed mid-call, it
 * comes back with the same call, and a command resent under its key after the
 * restart still runs once.
 */
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {WebSocketServer, type WebSocket} from 'ws';
import {
  RecordedSimulatedDialer,
  parseSimulationJournal,
  type SimulationJournal,
} from '../src/adapters/simulated/recorded-dialer.js';
import type {SimulatedCampaignScript} from '../src/adapters/simulated/simulated-dialer.js';
import {PROTOCOL_VERSION, parseClientMessage, type ServerMessage} from '../src/protocol/index.js';
import {CampaignMirror} from './mirror.js';

/** Each connection query is a campaign with live timers: past this many, new ones are refused. */
const MAX_CAMPAIGNS = 200;

/** One simulated campaign and the pages connected to it. */
class Room {
  readonly dialer: RecordedSimulatedDialer;
  readonly clients = new Set<WebSocket>();
  /** How many times each command id was executed by this process (for tests: never more than once). */
  readonly executions = new Map<string, number>();
  /** The situation now, for the snapshot a connecting client gets. */
  private readonly mirror: CampaignMirror;
  private readonly session = `s-${Date.now().toString(36)}`;
  private readonly events;
  /** Events raised by a command wait until its journal is stored. */
  private held: unknown[] | null = null;

  constructor(campaign: SimulatedCampaignScript | SimulationJournal, save: ((journal: SimulationJournal) => void) | null) {
    const options = save ? {onJournal: save} : {};
    this.dialer = 'startedAt' in campaign ? RecordedSimulatedDialer.resume(campaign, options) : RecordedSimulatedDialer.start(campaign, options);
    this.mirror = new CampaignMirror(this.dialer.capabilities);
    this.events = this.dialer.events$.subscribe((event) => {
      this.mirror.event(event, this.dialer.now());
      if (this.held) this.held.push(event);
      else this.broadcast(event);
    });
  }

  join(socket: WebSocket): void {
    this.clients.add(socket);
    socket.on('close', () => this.clients.delete(socket));
    send(socket, {kind: 'hello', protocol: PROTOCOL_VERSION, session: this.session});
    send(socket, {kind: 'event', event: this.mirror.snapshot()});
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
      this.mirror.command(command, this.dialer.now());
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
}

/**
 * A campaign's journal on disk: one file per connection query (named by its
 * hash), replaced whole (never half written). A journal that cannot be written
 * stops the server: it must not answer a command it could not store (its
 * clients send it again to the restarted server, which runs it once).
 */
function journalStore(dir: string) {
  mkdirSync(dir, {recursive: true});
  const file = (key: string) => join(dir, `campaign-${createHash('sha256').update(key).digest('hex').slice(0, 24)}.json`);
  return {
    save(key: string, journal: SimulationJournal): void {
      try {
        const temporary = `${file(key)}.tmp`;
        writeFileSync(temporary, JSON.stringify({query: key, journal}));
        renameSync(temporary, file(key));
      } catch (error) {
        console.error(`reference dialer: cannot store the campaign's journal (${(error as Error).message}); stopping.`);
        process.exit(70);
      }
    },
    /** Every stored campaign; an unreadable one is reported and left out. */
    load(): Map<string, SimulationJournal> {
      const found = new Map<string, SimulationJournal>();
      for (const name of readdirSync(dir).filter((n) => n.startsWith('campaign-') && n.endsWith('.json'))) {
        try {
          const stored = JSON.parse(readFileSync(join(dir, name), 'utf8'));
          const parsed = parseSimulationJournal(stored?.journal);
          if (typeof stored?.query !== 'string' || !parsed.ok) throw new Error(parsed.ok ? 'no query' : parsed.error);
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
  const saver = (key: string) => (store ? (journal: SimulationJournal) => store.save(key, journal) : null);
  const rooms = new Map<string, Room>();
  for (const [key, journal] of store?.load() ?? []) rooms.set(key, new Room(journal, saver(key)));
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
      room = new Room(script(query), saver(key));
      rooms.set(key, room);
      // A campaign exists from its first connection, even before its first command.
      store?.save(key, room.dialer.journal());
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
