/**
 * A reference dialer server: the simulated campaign behind a WebSocket,
 * speaking the kit's wire protocol (`src/protocol/wire.ts`). Back-end teams can
 * read it as the protocol's executable description; the tests start and stop
 * it on a loopback port.
 *
 * Every command is run once per idempotency key: a repeat (a client resending
 * after a dropped line) gets the first answer again.
 */
import {WebSocketServer, type WebSocket} from 'ws';
import {SimulatedDialer, type SimulatedCampaignScript} from '../src/adapters/simulated/simulated-dialer.js';
import {PROTOCOL_VERSION, parseClientMessage, type ServerMessage} from '../src/protocol/index.js';

export interface ReferenceDialer {
  readonly url: string;
  readonly dialer: SimulatedDialer;
  /** How many times each command id was executed (for tests: never more than once). */
  readonly executions: ReadonlyMap<string, number>;
  /** Cuts every connection (the server keeps running), as a network outage would. */
  dropConnections(): void;
  close(): Promise<void>;
}

const MAX_HISTORY = 1_000;

export async function startReferenceDialer(script: SimulatedCampaignScript, port = 0): Promise<ReferenceDialer> {
  const dialer = new SimulatedDialer(script);
  const server = new WebSocketServer({host: '127.0.0.1', port});
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const clients = new Set<WebSocket>();
  const answers = new Map<string, ServerMessage>();
  const executions = new Map<string, number>();
  const session = `s-${Date.now().toString(36)}`;

  const send = (socket: WebSocket, message: ServerMessage) => socket.send(JSON.stringify(message));
  // Everything the dialer said, replayed to each client that connects, so a
  // new or re-connected page catches up with the campaign as it is now.
  const history: unknown[] = [];
  const events = dialer.events$.subscribe((event) => {
    history.push(event);
    if (history.length > MAX_HISTORY) history.shift();
    clients.forEach((socket) => send(socket, {kind: 'event', event}));
  });

  server.on('connection', (socket) => {
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    send(socket, {kind: 'hello', protocol: PROTOCOL_VERSION, session});
    history.forEach((event) => send(socket, {kind: 'event', event}));
    socket.on('message', (data) => {
      const parsed = parseClientMessage(String(data));
      if (!parsed.ok) return;
      const message = parsed.value;
      if (message.kind === 'ping') {
        send(socket, {kind: 'pong'});
        return;
      }
      const known = answers.get(message.id);
      if (known) {
        send(socket, known);
        return;
      }
      const {id, command} = message;
      const answer = (reply: ServerMessage) => {
        answers.set(id, reply);
        if (socket.readyState === socket.OPEN) send(socket, reply);
      };
      executions.set(id, (executions.get(id) ?? 0) + 1);
      dialer.send(command).subscribe({
        complete: () => answer({kind: 'ack', id}),
        error: (error: {code?: string; message?: string}) =>
          answer({kind: 'nack', id, code: error.code ?? 'refused', message: error.message ?? 'Refused'}),
      });
    });
  });

  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `ws://127.0.0.1:${actualPort}`,
    dialer,
    executions,
    dropConnections: () => clients.forEach((socket) => socket.terminate()),
    close: async () => {
      events.unsubscribe();
      dialer.dispose();
      clients.forEach((socket) => socket.terminate());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
