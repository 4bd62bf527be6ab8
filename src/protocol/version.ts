/**
 * The version of the dialer protocol this kit speaks. Events may carry it in
 * their `v` field; every command carries it. A breaking change to any schema
 * bumps it. Protocol 1.1 adds the `snapshot` event and nothing else: it is
 * backward compatible, and every message still carries `v: 1`. Protocol 1.2
 * adds the `end-call` command (sent only to a dialer whose capabilities list
 * it) and a snapshot call's optional `ending`.
 */
export const PROTOCOL_VERSION = 1;
