/**
 * The version of the dialer protocol this kit speaks. Events may carry it in
 * their `v` field; every command carries it. A breaking change to any schema
 * bumps it.
 */
export const PROTOCOL_VERSION = 1;
