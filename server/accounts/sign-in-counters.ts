// Failed sign-ins per e-mail address, shared by every instance: each attempt is counted and the lock checked in
// one atomic UPSERT before the password is verified, so concurrent guesses cannot slip past the limit. Unknown
// addresses are counted like real ones (same answers, no account enumeration); only a hash of the address is kept.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { toDate, toIso } from '../db/time';
import { normaliseEmail } from './repository';

export interface SignInAttempt {
  /** Attempts counted since the last success, lock expiry or quiet period, this one included. */
  attempts: number;
  lockedUntil: Date | null;
}

function addressHash(email: string): string {
  return createHash('sha256')
    .update(`sign-in:${normaliseEmail(email)}`)
    .digest('hex');
}

export class SignInCounters {
  constructor(private readonly db: Knex) {}

  /**
   * Counts one attempt. A counter whose lock is over, or that was quiet since `forgetBefore`, starts again at 1.
   * More than `limit` attempts without a success lock the address until `lockUntil` (attempts still being
   * verified count, so a burst is cut off at the limit whatever the order the answers come back in).
   */
  async count(email: string, opts: { now: Date; forgetBefore: Date; limit: number; lockUntil: Date }) {
    const now = toIso(opts.now);
    const fresh = `(sign_in_counters.locked_until <= ? OR (sign_in_counters.locked_until IS NULL AND sign_in_counters.updated_at <= ?))`;
    const [row] = (await this.db('sign_in_counters')
      .insert({ address_hash: addressHash(email), attempts: 1, locked_until: null, updated_at: now })
      .onConflict('address_hash')
      .merge({
        attempts: this.db.raw(`CASE WHEN ${fresh} THEN 1 ELSE sign_in_counters.attempts + 1 END`, [
          now,
          toIso(opts.forgetBefore),
        ]),
        locked_until: this.db.raw(
          `CASE WHEN ${fresh} THEN NULL
                WHEN sign_in_counters.locked_until IS NULL AND sign_in_counters.attempts + 1 > ? THEN ?
                ELSE sign_in_counters.locked_until END`,
          [now, toIso(opts.forgetBefore), opts.limit, toIso(opts.lockUntil)],
        ),
        updated_at: now,
      })
      .returning(['attempts', 'locked_until'])) as { attempts: number; locked_until: unknown }[];
    return { attempts: Number(row.attempts), lockedUntil: toDate(row.locked_until) } satisfies SignInAttempt;
  }

  /** Locks the address (the limit was reached by a failed attempt), unless a lock is already running. */
  async lock(email: string, now: Date, lockUntil: Date): Promise<void> {
    await this.db('sign_in_counters')
      .where({ address_hash: addressHash(email) })
      .where((q) => q.whereNull('locked_until').orWhere('locked_until', '<=', toIso(now)))
      .update({ locked_until: toIso(lockUntil), updated_at: toIso(now) });
  }

  /** A success, a password reset or a new password starts the count again. */
  async clear(email: string): Promise<void> {
    await this.db('sign_in_counters')
      .where({ address_hash: addressHash(email) })
      .delete();
  }
}
