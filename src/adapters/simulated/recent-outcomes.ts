/** How a command ended, kept by idempotency key. */
export type CommandOutcome = {readonly ok: true} | {readonly ok: false; readonly code: string; readonly message: string};

/** A command's outcome with its idempotency key, as a journal keeps it. */
export type KeyedOutcome = {readonly key: string} & CommandOutcome;

/**
 * How many idempotency keys a recorded dialer remembers. A client sends a
 * command again under its key only while it waits for the answer (across a
 * dropped line or a server restart), so only the latest keys can come back;
 * these are far more than any client has in flight.
 */
export const OUTCOMES_KEPT = 200;

/** The outcomes of the latest `OUTCOMES_KEPT` keys, by key; an older key is forgotten. */
export class RecentOutcomes {
  private readonly byKey = new Map<string, CommandOutcome>();

  constructor(kept: readonly KeyedOutcome[] = []) {
    for (const keyed of kept) this.set(keyed.key, keyed.ok ? {ok: true} : {ok: false, code: keyed.code, message: keyed.message});
  }

  get(key: string): CommandOutcome | undefined {
    return this.byKey.get(key);
  }

  set(key: string, outcome: CommandOutcome): void {
    this.byKey.set(key, outcome);
    if (this.byKey.size > OUTCOMES_KEPT) this.byKey.delete(this.byKey.keys().next().value!);
  }

  /** Every outcome kept, oldest first. */
  list(): KeyedOutcome[] {
    return [...this.byKey].map(([key, outcome]) => ({key, ...outcome}));
  }
}
