// The rules of staff accounts: sign-in (sign-in.ts), password changes and resets, invitations, roles.
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../db/time';
import { Conflict, NotFound, ValidationFailed, type FieldProblem } from '../http/errors';
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import type { Mailer } from '../mail/mailer';
import { EMAIL_PATTERN } from '../http/forms';
import { hashPassword, passwordProblems, verifyPassword } from './passwords';
import { normaliseEmail, type AccountRepository, type UserRecord } from './repository';
import type { Role } from './roles';
import { signIn, type RequestContext } from './sign-in';
import type { SignInCounters } from './sign-in-counters';
import { hashToken, newToken } from './tokens';
import type { KnexRateLimitStore } from '../security/rate-limit-store';

/** Reset e-mails per address per hour; further requests get the same answer and send nothing. */
export const RESETS_PER_ADDRESS_PER_HOUR = 3;
export const RESET_LINK_MINUTES = 60;
export const INVITATION_LINK_HOURS = 72;

export type { RequestContext };

export class AccountService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly audit: AuditLog,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly baseUrl: () => string,
    private readonly signIns: SignInCounters,
    private readonly resetsPerAddress: KnexRateLimitStore,
  ) {}

  /** See sign-in.ts: the lock is counted and checked before the password. */
  signIn(email: string, password: string, ctx: RequestContext): Promise<UserRecord> {
    return signIn(
      { accounts: this.accounts, audit: this.audit, clock: this.clock, counters: this.signIns },
      email,
      password,
      ctx,
    );
  }

  async changePassword(
    userId: number,
    current: string,
    next: string,
    confirmation: string,
    ctx: RequestContext,
  ): Promise<UserRecord> {
    const user = await this.accounts.findById(userId);
    if (!user) throw new NotFound();
    const problems: FieldProblem[] = [];
    if (!(await verifyPassword(user.passwordHash, current)))
      problems.push({ field: 'current', messageKey: 'accounts.current_password_wrong' });
    problems.push(...this.newPasswordProblems(next, confirmation, user.email));
    if (problems.length > 0) throw new ValidationFailed(problems);
    await this.accounts.setPassword(user.id, await hashPassword(next));
    await this.accounts.revokeOpenTokens(user.id, this.clock.now());
    await this.audit.record('password.changed', { actorUserId: user.id, targetUserId: user.id, ip: ctx.ip });
    return (await this.accounts.findById(user.id))!;
  }

  newPasswordProblems(password: string, confirmation: string, email: string): FieldProblem[] {
    const problems: FieldProblem[] = passwordProblems(password, email).map((messageKey) => ({
      field: 'password',
      messageKey,
      params: { min: 8, max: 128 },
    }));
    if (password !== confirmation) problems.push({ field: 'confirmation', messageKey: 'accounts.password_mismatch' });
    return problems;
  }

  /**
   * Always answers the same way, whether or not the address has an account or asked too often (at most
   * RESETS_PER_ADDRESS_PER_HOUR e-mails per address; the route limits requests per IP). A new link replaces
   * every older open link of the user.
   */
  async requestPasswordReset(email: string, lang: Lang, ctx: RequestContext): Promise<void> {
    const { totalHits } = await this.resetsPerAddress.increment(normaliseEmail(email));
    if (totalHits > RESETS_PER_ADDRESS_PER_HOUR) return;
    const user = await this.accounts.findByEmail(email);
    if (!user || user.disabledAt || !user.passwordHash) return;
    const now = this.clock.now();
    const { token, hash } = newToken();
    await this.accounts.revokeOpenTokens(user.id, now);
    await this.accounts.createToken(user.id, 'reset', hash, new Date(now.getTime() + RESET_LINK_MINUTES * 60_000), now);
    await this.audit.record('password.reset_requested', { targetUserId: user.id, ip: ctx.ip });
    const link = `${this.baseUrl()}/${lang}/password/reset/${token}`;
    await this.mailer.send({
      to: user.email,
      lang,
      subject: translate(lang, 'mail.reset_subject'),
      text: translate(lang, 'mail.reset_body', { name: user.name, link, minutes: RESET_LINK_MINUTES }),
    });
  }

  async findResetToken(token: string): Promise<{ id: number; userId: number } | undefined> {
    return this.accounts.findUsableToken(hashToken(token), 'reset', this.clock.now());
  }

  async resetPassword(token: string, password: string, confirmation: string, ctx: RequestContext): Promise<UserRecord> {
    const found = await this.findResetToken(token);
    if (!found) throw new NotFound('accounts.link_invalid');
    const user = await this.accounts.findById(found.userId);
    if (!user || user.disabledAt) throw new NotFound('accounts.link_invalid');
    const problems = this.newPasswordProblems(password, confirmation, user.email);
    if (problems.length > 0) throw new ValidationFailed(problems);
    if (!(await this.accounts.consumeToken(found.id, this.clock.now()))) throw new NotFound('accounts.link_invalid');
    await this.accounts.setPassword(user.id, await hashPassword(password));
    await this.accounts.revokeOpenTokens(user.id, this.clock.now());
    await this.signIns.clear(user.email);
    await this.audit.record('password.reset', { targetUserId: user.id, ip: ctx.ip });
    return (await this.accounts.findById(user.id))!;
  }

  async invite(
    input: { email: string; name: string; roles: Role[]; orgCode: string | null; lang: Lang },
    ctx: RequestContext,
  ): Promise<number> {
    const problems: FieldProblem[] = [];
    if (!EMAIL_PATTERN.test(input.email.trim())) problems.push({ field: 'email', messageKey: 'validation.email' });
    if (!input.name.trim()) problems.push({ field: 'name', messageKey: 'validation.required' });
    if (input.name.length > 200)
      problems.push({ field: 'name', messageKey: 'validation.too_long', params: { max: 200 } });
    if (input.roles.length === 0) problems.push({ field: 'roles', messageKey: 'accounts.roles_required' });
    if (input.roles.includes('facilitator') && !input.orgCode)
      problems.push({ field: 'org', messageKey: 'accounts.org_required_for_facilitator' });
    if (problems.length > 0) throw new ValidationFailed(problems);
    if (await this.accounts.findByEmail(input.email)) throw new Conflict('accounts.email_taken');
    const now = this.clock.now();
    const userId = await this.accounts.create({
      email: input.email,
      name: input.name,
      passwordHash: null,
      orgCode: input.orgCode,
      roles: input.roles,
      lang: input.lang,
      at: now,
    });
    const { token, hash } = newToken();
    await this.accounts.createToken(
      userId,
      'invitation',
      hash,
      new Date(now.getTime() + INVITATION_LINK_HOURS * 3600_000),
      now,
    );
    await this.audit.record('user.invited', {
      actorUserId: ctx.actorUserId,
      targetUserId: userId,
      ip: ctx.ip,
      details: { roles: input.roles, org: input.orgCode },
    });
    await this.mailer.send({
      to: normaliseEmail(input.email),
      lang: input.lang,
      subject: translate(input.lang, 'mail.invitation_subject'),
      text: translate(input.lang, 'mail.invitation_body', {
        name: input.name,
        link: `${this.baseUrl()}/${input.lang}/invitation/${token}`,
        hours: INVITATION_LINK_HOURS,
      }),
    });
    return userId;
  }

  async findInvitation(token: string): Promise<{ id: number; user: UserRecord } | undefined> {
    const found = await this.accounts.findUsableToken(hashToken(token), 'invitation', this.clock.now());
    if (!found) return undefined;
    const user = await this.accounts.findById(found.userId);
    if (!user || user.disabledAt) return undefined;
    return { id: found.id, user };
  }

  async acceptInvitation(
    token: string,
    password: string,
    confirmation: string,
    ctx: RequestContext,
  ): Promise<UserRecord> {
    const found = await this.findInvitation(token);
    if (!found) throw new NotFound('accounts.link_invalid');
    const problems = this.newPasswordProblems(password, confirmation, found.user.email);
    if (problems.length > 0) throw new ValidationFailed(problems);
    if (!(await this.accounts.consumeToken(found.id, this.clock.now()))) throw new NotFound('accounts.link_invalid');
    await this.accounts.setPassword(found.user.id, await hashPassword(password));
    await this.audit.record('user.invitation_accepted', {
      actorUserId: found.user.id,
      targetUserId: found.user.id,
      ip: ctx.ip,
    });
    return (await this.accounts.findById(found.user.id))!;
  }

  async updateUser(
    userId: number,
    changes: { roles: Role[]; orgCode: string | null },
    ctx: RequestContext,
  ): Promise<void> {
    const user = await this.accounts.findById(userId);
    if (!user) throw new NotFound();
    const problems: FieldProblem[] = [];
    if (changes.roles.length === 0) problems.push({ field: 'roles', messageKey: 'accounts.roles_required' });
    if (changes.roles.includes('facilitator') && !changes.orgCode)
      problems.push({ field: 'org', messageKey: 'accounts.org_required_for_facilitator' });
    if (userId === ctx.actorUserId && !changes.roles.includes('coordinator'))
      problems.push({ field: 'roles', messageKey: 'accounts.cannot_drop_own_coordinator' });
    if (problems.length > 0) throw new ValidationFailed(problems);
    await this.accounts.update(userId, { roles: changes.roles, orgCode: changes.orgCode });
    const before = [...user.roles].sort().join(',');
    const after = [...changes.roles].sort().join(',');
    if (before !== after) {
      await this.audit.record('user.roles_changed', {
        actorUserId: ctx.actorUserId,
        targetUserId: userId,
        ip: ctx.ip,
        details: { from: user.roles, to: changes.roles },
      });
    }
    if (user.orgCode !== changes.orgCode) {
      await this.audit.record('user.updated', {
        actorUserId: ctx.actorUserId,
        targetUserId: userId,
        ip: ctx.ip,
        details: { org: { from: user.orgCode, to: changes.orgCode } },
      });
    }
  }

  /** Disabling ends every session of the user at once (their session epoch moves on). */
  async setDisabled(userId: number, disabled: boolean, ctx: RequestContext): Promise<void> {
    const user = await this.accounts.findById(userId);
    if (!user) throw new NotFound();
    if (disabled && userId === ctx.actorUserId)
      throw new ValidationFailed([{ field: 'disabled', messageKey: 'accounts.cannot_disable_self' }]);
    await this.accounts.setDisabled(userId, disabled ? this.clock.now() : null);
    await this.audit.record(disabled ? 'user.disabled' : 'user.enabled', {
      actorUserId: ctx.actorUserId,
      targetUserId: userId,
      ip: ctx.ip,
    });
  }

  /** For the CLI: the first coordinator, with a password given directly. */
  async createWithPassword(input: {
    email: string;
    name: string;
    password: string;
    roles: Role[];
    orgCode: string | null;
    lang: Lang;
  }): Promise<number> {
    const problems: FieldProblem[] = [];
    if (!EMAIL_PATTERN.test(input.email.trim())) problems.push({ field: 'email', messageKey: 'validation.email' });
    if (!input.name.trim()) problems.push({ field: 'name', messageKey: 'validation.required' });
    problems.push(
      ...passwordProblems(input.password, input.email).map((messageKey) => ({
        field: 'password',
        messageKey,
        params: { min: 8, max: 128 },
      })),
    );
    if (input.roles.length === 0) problems.push({ field: 'role', messageKey: 'accounts.roles_required' });
    if (input.roles.includes('facilitator') && !input.orgCode)
      problems.push({ field: 'org', messageKey: 'accounts.org_required_for_facilitator' });
    if (problems.length > 0) throw new ValidationFailed(problems);
    if (await this.accounts.findByEmail(input.email)) throw new Conflict('accounts.email_taken');
    const id = await this.accounts.create({
      ...input,
      passwordHash: await hashPassword(input.password),
      at: this.clock.now(),
    });
    await this.audit.record('user.created', {
      targetUserId: id,
      details: { roles: input.roles, org: input.orgCode, via: 'cli' },
    });
    return id;
  }
}
