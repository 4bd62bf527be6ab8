/**
 * The protocol as JSON messages over a WebSocket (see the WebSocket adapter
 * and the reference dialer server). Every message names its `kind`.
 *
 * Server to client: `hello` on connect; `event` carrying a dialer event;
 * `ack` / `nack` answering a command by its id; `pong` answering `ping`.
 * Client to server: `command` with an idempotency key `id` (the server runs a
 * command once per id and answers repeats with the first answer); `ping`.
 */
import * as v from 'valibot';
import {checkInput, type ParseResult} from './check.js';
import {DialerCommandSchema} from './commands.js';
import {Id, Text} from './fields.js';
import {PROTOCOL_VERSION} from './version.js';

export const ServerMessageSchema = v.variant('kind', [
  v.object({kind: v.literal('hello'), protocol: v.literal(PROTOCOL_VERSION), session: Id}),
  /** The event itself is checked by the store, like any adapter's. */
  v.object({kind: v.literal('event'), event: v.unknown()}),
  v.object({kind: v.literal('ack'), id: Id}),
  v.object({kind: v.literal('nack'), id: Id, code: Text, message: Text}),
  v.object({kind: v.literal('pong')}),
]);

export const ClientMessageSchema = v.variant('kind', [
  v.object({kind: v.literal('command'), id: Id, command: DialerCommandSchema}),
  v.object({kind: v.literal('ping')}),
]);

export type ServerMessage = v.InferOutput<typeof ServerMessageSchema>;
export type ClientMessage = v.InferOutput<typeof ClientMessageSchema>;

function parseJson<T>(schema: v.GenericSchema<unknown, T>, text: string): ParseResult<T> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {ok: false, error: 'not JSON'};
  }
  return checkInput(schema, data);
}

/** Reads a message from a dialer server. Never throws. */
export function parseServerMessage(text: string): ParseResult<ServerMessage> {
  return parseJson(ServerMessageSchema, text);
}

/** Reads a message from a client. Never throws. */
export function parseClientMessage(text: string): ParseResult<ClientMessage> {
  return parseJson(ClientMessageSchema, text);
}
