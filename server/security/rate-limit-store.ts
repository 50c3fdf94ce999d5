// An express-rate-limit store in the database, so every instance counts the same hits and the counts
// survive a restart. One UPSERT per hit keeps it atomic on SQLite and PostgreSQL alike.
import type { Knex } from 'knex';
import type { IncrementResponse, Options, Store } from 'express-rate-limit';
import { toDate, toIso, type Clock } from '../db/time';

export class KnexRateLimitStore implements Store {
  localKeys = false;

  /** `windowMs` is for direct use; under express-rate-limit, `init` sets the limiter's window. */
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock,
    readonly prefix: string,
    private windowMs = 60_000,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  private key(key: string): string {
    return `${this.prefix}:${key}`.slice(0, 200);
  }

  async get(key: string) {
    const row = (await this.db('rate_limits')
      .where({ key: this.key(key) })
      .first()) as { hits: number; reset_at: unknown } | undefined;
    const resetTime = toDate(row?.reset_at) ?? undefined;
    if (!row || !resetTime || resetTime <= this.clock.now()) return undefined;
    return { totalHits: Number(row.hits), resetTime };
  }

  async increment(key: string): Promise<IncrementResponse> {
    const now = toIso(this.clock.now());
    const resetAt = toIso(new Date(this.clock.now().getTime() + this.windowMs));
    const [row] = (await this.db('rate_limits')
      .insert({ key: this.key(key), hits: 1, reset_at: resetAt })
      .onConflict('key')
      .merge({
        hits: this.db.raw('CASE WHEN rate_limits.reset_at <= ? THEN 1 ELSE rate_limits.hits + 1 END', [now]),
        reset_at: this.db.raw('CASE WHEN rate_limits.reset_at <= ? THEN ? ELSE rate_limits.reset_at END', [
          now,
          resetAt,
        ]),
      })
      .returning(['hits', 'reset_at'])) as { hits: number; reset_at: unknown }[];
    return { totalHits: Number(row.hits), resetTime: toDate(row.reset_at) ?? undefined };
  }

  async decrement(key: string): Promise<void> {
    await this.db('rate_limits')
      .where({ key: this.key(key) })
      .where('hits', '>', 0)
      .decrement('hits', 1);
  }

  async resetKey(key: string): Promise<void> {
    await this.db('rate_limits')
      .where({ key: this.key(key) })
      .delete();
  }

  /** Removes expired counters; run now and then so the table stays small. */
  async prune(): Promise<number> {
    return this.db('rate_limits').where('reset_at', '<=', toIso(this.clock.now())).delete();
  }
}
