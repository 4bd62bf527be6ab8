/**
 * The version of the dialer protocol this kit speaks. Events may carry it in
 * their `v` field; every command carries it. A breaking change to any schema
 * bumps it. Protocol 1.1 adds the `snapshot` event and nothing else: it is
 * backward compatible, and every message still carries `v: 1`.
 */
export const PROTOCOL_VERSION = 1;
