// Password rules (length, not a common breached password, not the e-mail) and argon2id hashing.
import fs from 'node:fs';
import path from 'node:path';
import argon2 from 'argon2';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

let breached: Set<string> | undefined;

function breachedPasswords(): Set<string> {
  if (!breached) {
    const file = path.join(import.meta.dirname, 'common-passwords.txt');
    breached = new Set(
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line && !line.startsWith('#'))
        .map((line) => line.toLowerCase()),
    );
  }
  return breached;
}

export function breachedPasswordCount(): number {
  return breachedPasswords().size;
}

/** Message keys of the rules a new password breaks; empty when it is acceptable. */
export function passwordProblems(password: string, email?: string): string[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return ['accounts.password_too_short'];
  if (length > PASSWORD_MAX) return ['accounts.password_too_long'];
  if (breachedPasswords().has(password.toLowerCase())) return ['accounts.password_common'];
  if (email && password.toLowerCase() === email.toLowerCase()) return ['accounts.password_is_email'];
  return [];
}

const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    // Spend the same time as a real check, so response time does not reveal whether an account exists.
    await argon2.hash(password, HASH_OPTIONS);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
