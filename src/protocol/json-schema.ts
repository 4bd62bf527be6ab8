/**
 * The protocol as JSON Schema, made from the same valibot schemas, for
 * back-end teams in any language. The build writes it to
 * dist/protocol/dialer-protocol.schema.json.
 */
import {toJsonSchema} from '@valibot/to-json-schema';
import {DialerCommandSchema} from './commands.js';
import {DialerEventSchema} from './events.js';
import {PROTOCOL_VERSION} from './version.js';
import {ClientMessageSchema, ServerMessageSchema} from './wire.js';

export function protocolJsonSchema(): Record<string, unknown> {
  // Checks written as code (a time zone's validity) cannot be expressed and are left out.
  const options = {errorMode: 'ignore'} as const;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `campaign-preview-kit dialer protocol, version ${PROTOCOL_VERSION}`,
    definitions: {
      event: toJsonSchema(DialerEventSchema, options),
      command: toJsonSchema(DialerCommandSchema, options),
      serverMessage: toJsonSchema(ServerMessageSchema, options),
      clientMessage: toJsonSchema(ClientMessageSchema, options),
    },
  };
}
