/**
 * A reference dialer server: the simulated campaign behind a WebSocket,
 * speaking the kit's wire protocol (`src/protocol/wire.ts`). Back-end teams can
 * read it as the protocol's executable description; the tests start and stop
 * it on a loopback port, and `npm start` runs it beside the demo.
 *
 * Each connection URL's query string names a campaign (the demo's parameters,
 * e.g. `ws://localhost:8001/?mode=preview`); clients with the same query share
 * that campaign, and one that connects later (a reloaded page) is replayed
 * everything the campaign said so far, so it resumes where it was.
 *
 * Every command is run once per idempotency key: a repeat (a client resending
 * after a dropped line) gets the first answer again.
 */
import {WebSocketServer, type WebSocket} from 'ws';
import {SimulatedDialer, type SimulatedCampaignScript} from '../src/adapters/simulated/simulated-dialer.js';
import {PROTOCOL_VERSION, parseClientMessage, type ServerMessage} from '../src/protocol/index.js';

const MAX_HISTORY = 1_000;

/** One simulated campaign and the pages connected to it. */
class Room {
  readonly dialer: SimulatedDialer;
  readonly clients = new Set<WebSocket>();
  /** How many times each command id was executed (for tests: never more than once). */
  readonly executions = new Map<string, number>();
  private readonly history: unknown[] = [];
  private readonly answers = new Map<string, ServerMessage>();
  private readonly session = `s-${Date.now().toString(36)}`;
  private readonly events;

  constructor(script: SimulatedCampaignScript) {
    this.dialer = new SimulatedDialer(script);
    this.events = this.dialer.events$.subscribe((event) => {
      this.history.push(event);
      if (this.history.length > MAX_HISTORY) this.history.shift();
      this.clients.forEach((socket) => send(socket, {kind: 'event', event}));
    });
  }

  join(socket: WebSocket): void {
    this.clients.add(socket);
    socket.on('close', () => this.clients.delete(socket));
    send(socket, {kind: 'hello', protocol: PROTOCOL_VERSION, session: this.session});
    this.history.forEach((event) => send(socket, {kind: 'event', event}));
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
    const known = this.answers.get(id);
    if (known) {
      send(socket, known);
      return;
    }
    const answer = (reply: ServerMessage) => {
      this.answers.set(id, reply);
      if (socket.readyState === socket.OPEN) send(socket, reply);
    };
    this.executions.set(id, (this.executions.get(id) ?? 0) + 1);
    this.dialer.send(command).subscribe({
      complete: () => answer({kind: 'ack', id}),
      error: (error: {code?: string; message?: string}) =>
        answer({kind: 'nack', id, code: error.code ?? 'refused', message: error.message ?? 'Refused'}),
    });
  }
}

function send(socket: WebSocket, message: ServerMessage): void {
  socket.send(JSON.stringify(message));
}

export interface ReferenceDialer {
  readonly url: string;
  /** The campaign of a connection query (`''` for none), once a client asked for it. */
  room(query?: string): {readonly dialer: SimulatedDialer; readonly executions: ReadonlyMap<string, number>} | undefined;
  close(): Promise<void>;
}

/**
 * Starts the server on `port` (0: any free one) of the loopback interface.
 * `scriptFor` turns a connection's query string into its campaign.
 */
export async function startReferenceDialer(
  scriptFor: SimulatedCampaignScript | ((query: URLSearchParams) => SimulatedCampaignScript),
  port = 0,
  host = '127.0.0.1',
): Promise<ReferenceDialer> {
  const server = new WebSocketServer({host, port});
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const rooms = new Map<string, Room>();
  const script = (query: URLSearchParams) => (typeof scriptFor === 'function' ? scriptFor(query) : scriptFor);

  server.on('connection', (socket, request) => {
    const query = new URL(request.url ?? '/', 'ws://localhost').searchParams;
    query.sort();
    const key = query.toString();
    let room = rooms.get(key);
    if (!room) {
      room = new Room(script(query));
      rooms.set(key, room);
    }
    room.join(socket);
  });

  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `ws://${host}:${actualPort}`,
    room: (query = '') => rooms.get(query),
    close: async () => {
      rooms.forEach((room) => room.close());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
