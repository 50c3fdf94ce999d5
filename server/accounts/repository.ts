// The SQL of staff accounts: users, roles, one-time tokens.
import type { Knex } from 'knex';
import { toDate, toIso } from '../db/time';
import { isRole, type CurrentUser, type Role } from './roles';
import { parseLang, type Lang } from '../i18n/languages';

export interface UserRecord extends CurrentUser {
  passwordHash: string | null;
  sessionEpoch: number;
  disabledAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date | null;
}

interface UserRow {
  id: number;
  email: string;
  name: string;
  password_hash: string | null;
  org_code: string | null;
  preferred_lang: string;
  session_epoch: number;
  disabled_at: unknown;
  last_sign_in_at: unknown;
  created_at: unknown;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toUser(row: UserRow, roles: Role[]): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    orgCode: row.org_code,
    roles,
    preferredLang: parseLang(row.preferred_lang),
    passwordHash: row.password_hash,
    sessionEpoch: Number(row.session_epoch),
    disabledAt: toDate(row.disabled_at),
    lastSignInAt: toDate(row.last_sign_in_at),
    createdAt: toDate(row.created_at),
  };
}

export class AccountRepository {
  constructor(private readonly db: Knex) {}

  private async rolesOf(userIds: number[]): Promise<Map<number, Role[]>> {
    const map = new Map<number, Role[]>();
    if (userIds.length === 0) return map;
    const rows = await this.db('user_roles').whereIn('user_id', userIds).orderBy('role');
    for (const row of rows as { user_id: number; role: string }[]) {
      if (!isRole(row.role)) continue;
      map.set(row.user_id, [...(map.get(row.user_id) ?? []), row.role]);
    }
    return map;
  }

  async findById(id: number): Promise<UserRecord | undefined> {
    const row = (await this.db('users').where({ id }).first()) as UserRow | undefined;
    if (!row) return undefined;
    return toUser(row, (await this.rolesOf([row.id])).get(row.id) ?? []);
  }

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    const row = (await this.db('users')
      .where({ email: normaliseEmail(email) })
      .first()) as UserRow | undefined;
    if (!row) return undefined;
    return toUser(row, (await this.rolesOf([row.id])).get(row.id) ?? []);
  }

  async list(): Promise<UserRecord[]> {
    const rows = (await this.db('users').orderBy('name')) as UserRow[];
    const roles = await this.rolesOf(rows.map((r) => r.id));
    return rows.map((row) => toUser(row, roles.get(row.id) ?? []));
  }

  async listByOrganisation(orgCode: string): Promise<UserRecord[]> {
    return (await this.list()).filter((u) => u.orgCode === orgCode && !u.disabledAt);
  }

  async create(input: {
    email: string;
    name: string;
    passwordHash: string | null;
    orgCode: string | null;
    roles: Role[];
    lang: Lang;
    at: Date;
  }): Promise<number> {
    return this.db.transaction(async (trx) => {
      const [inserted] = await trx('users')
        .insert({
          email: normaliseEmail(input.email),
          name: input.name.trim(),
          password_hash: input.passwordHash,
          org_code: input.orgCode,
          preferred_lang: input.lang,
          created_at: toIso(input.at),
        })
        .returning('id');
      const id = typeof inserted === 'object' ? (inserted as { id: number }).id : (inserted as number);
      if (input.roles.length > 0) await trx('user_roles').insert(input.roles.map((role) => ({ user_id: id, role })));
      return id;
    });
  }

  async update(
    id: number,
    changes: { name?: string; orgCode?: string | null; roles?: Role[]; lang?: Lang },
  ): Promise<void> {
    await this.db.transaction(async (trx) => {
      const patch: Record<string, unknown> = {};
      if (changes.name !== undefined) patch.name = changes.name.trim();
      if (changes.orgCode !== undefined) patch.org_code = changes.orgCode;
      if (changes.lang !== undefined) patch.preferred_lang = changes.lang;
      if (Object.keys(patch).length > 0) await trx('users').where({ id }).update(patch);
      if (changes.roles) {
        await trx('user_roles').where({ user_id: id }).delete();
        if (changes.roles.length > 0)
          await trx('user_roles').insert(changes.roles.map((role) => ({ user_id: id, role })));
      }
    });
  }

  /** A new password ends every other session of the user (their session epoch moves on). */
  async setPassword(id: number, passwordHash: string): Promise<void> {
    await this.db('users')
      .where({ id })
      .update({
        password_hash: passwordHash,
        session_epoch: this.db.raw('session_epoch + 1'),
      });
  }

  async setDisabled(id: number, at: Date | null): Promise<void> {
    await this.db('users')
      .where({ id })
      .update({ disabled_at: at ? toIso(at) : null, session_epoch: this.db.raw('session_epoch + 1') });
  }

  async recordSuccessfulSignIn(id: number, at: Date): Promise<void> {
    await this.db('users')
      .where({ id })
      .update({ last_sign_in_at: toIso(at) });
  }

  async createToken(
    userId: number,
    purpose: 'reset' | 'invitation',
    tokenHash: string,
    expiresAt: Date,
    at: Date,
  ): Promise<void> {
    await this.db('one_time_tokens').insert({
      user_id: userId,
      purpose,
      token_hash: tokenHash,
      expires_at: toIso(expiresAt),
      created_at: toIso(at),
    });
  }

  async findUsableToken(
    tokenHash: string,
    purpose: 'reset' | 'invitation',
    now: Date,
  ): Promise<{ id: number; userId: number } | undefined> {
    const row = (await this.db('one_time_tokens')
      .where({ token_hash: tokenHash, purpose })
      .whereNull('used_at')
      .where('expires_at', '>', toIso(now))
      .first()) as { id: number; user_id: number } | undefined;
    return row ? { id: row.id, userId: row.user_id } : undefined;
  }

  /** Ends every open one-time link of the user (a reset, a new password or a newer reset link). */
  async revokeOpenTokens(userId: number, at: Date): Promise<void> {
    await this.db('one_time_tokens')
      .where({ user_id: userId })
      .whereNull('used_at')
      .update({ used_at: toIso(at) });
  }

  /** Marks a token used; false when another request used it first (single use, even under races). */
  async consumeToken(id: number, at: Date): Promise<boolean> {
    const count = await this.db('one_time_tokens')
      .where({ id })
      .whereNull('used_at')
      .update({ used_at: toIso(at) });
    return count === 1;
  }
}
