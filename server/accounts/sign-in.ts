// Sign-in with lockout: the attempt is counted and the lock checked (one atomic statement, sign-in-counters.ts)
// before the password is verified; 5 failures lock the address for 15 minutes, known or not.
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../db/time';
import { TooManyRequests, Unauthorized } from '../http/errors';
import { verifyPassword } from './passwords';
import type { AccountRepository, UserRecord } from './repository';
import type { SignInCounters } from './sign-in-counters';

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;
/** Failed sign-ins are forgotten after this long without any attempt. */
export const LOCKOUT_MEMORY_HOURS = 24;

export interface RequestContext {
  ip?: string;
  actorUserId?: number;
}

interface SignInDeps {
  accounts: AccountRepository;
  audit: AuditLog;
  clock: Clock;
  counters: SignInCounters;
}

/**
 * Counts the attempt and checks the lock in one statement, then checks the password: 5 failures lock the address
 * for 15 minutes, even for the right password, and an unknown or disabled address is answered exactly alike.
 */
export async function signIn(
  { accounts, audit, clock, counters }: SignInDeps,
  email: string,
  password: string,
  ctx: RequestContext,
): Promise<UserRecord> {
  const now = clock.now();
  const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
  const attempt = await counters.count(email, {
    now,
    forgetBefore: new Date(now.getTime() - LOCKOUT_MEMORY_HOURS * 3600_000),
    limit: LOCKOUT_FAILURES,
    lockUntil,
  });
  const user = await accounts.findByEmail(email);
  if (attempt.lockedUntil && attempt.lockedUntil > now) {
    await audit.record('sign_in.locked', { targetUserId: user?.id, ip: ctx.ip });
    throw new TooManyRequests('accounts.locked', {
      minutes: Math.ceil((attempt.lockedUntil.getTime() - now.getTime()) / 60_000),
    });
  }
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok || user.disabledAt) {
    await audit.record('sign_in.failure', {
      targetUserId: user?.id,
      ip: ctx.ip,
      details: user ? {} : { reason: 'unknown_email' },
    });
    if (attempt.attempts >= LOCKOUT_FAILURES) {
      await counters.lock(email, now, lockUntil);
      throw new TooManyRequests('accounts.locked', { minutes: LOCKOUT_MINUTES });
    }
    throw new Unauthorized('accounts.bad_credentials');
  }
  await counters.clear(email);
  await accounts.recordSuccessfulSignIn(user.id, now);
  await audit.record('sign_in.success', { actorUserId: user.id, targetUserId: user.id, ip: ctx.ip });
  return user;
}
