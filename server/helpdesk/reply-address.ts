// Reply addresses of e-mails to buyers: helpdesk+<token>@INBOUND_EMAIL_DOMAIN, a fresh random token per e-mail
// (only its hash is stored, in ticket_reply_tokens). It is not the tracking token: a leaked reply address lets
// someone add a message to the ticket, never open the tracking page.
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { hashToken } from '../accounts/tokens';
import { toIso, type Clock } from '../db/time';
import type { Ticket } from './model';
import { toTicket } from './repository';

const LOCAL_PREFIX = 'helpdesk+';
/** Lower-case hex: relays may change the case of an address's local part. */
const TOKEN = /^[0-9a-f]{40}$/;

export class ReplyAddresses {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock,
    /** Unset: e-mails carry no Reply-To and no token is made. */
    private readonly domain?: string,
  ) {}

  /** The Reply-To header of a new e-mail about the ticket (none when no inbound domain is set). */
  async headersFor(ticketId: number): Promise<Record<string, string>> {
    if (!this.domain) return {};
    const token = randomBytes(20).toString('hex');
    await this.db('ticket_reply_tokens').insert({
      token_hash: hashToken(token),
      ticket_id: ticketId,
      created_at: toIso(this.clock.now()),
    });
    return { 'Reply-To': `${LOCAL_PREFIX}${token}@${this.domain}` };
  }

  /** The token of a reply address on our domain, or undefined for any other address. */
  tokenOf(address: string): string | undefined {
    if (!this.domain) return undefined;
    const at = address.lastIndexOf('@');
    if (at < 0 || address.slice(at + 1).toLowerCase() !== this.domain) return undefined;
    const local = address.slice(0, at).toLowerCase();
    if (!local.startsWith(LOCAL_PREFIX)) return undefined;
    const token = local.slice(LOCAL_PREFIX.length);
    return TOKEN.test(token) ? token : undefined;
  }

  /** The ticket a reply address belongs to, if it still is known and the ticket not anonymised. */
  async ticketFor(address: string): Promise<Ticket | undefined> {
    const token = this.tokenOf(address);
    if (!token) return undefined;
    const row = (await this.db('tickets as t')
      .join('ticket_reply_tokens as r', 'r.ticket_id', 't.id')
      .where('r.token_hash', hashToken(token))
      .whereNull('t.anonymised_at')
      .select('t.*')
      .first()) as Record<string, unknown> | undefined;
    return row ? toTicket(row) : undefined;
  }
}

/** What the logs may say about an address: the first characters of its token, nothing of the person. */
export function tokenPrefix(address: string): string {
  const local = address.split('@')[0] ?? '';
  return local.startsWith(LOCAL_PREFIX) ? `${local.slice(LOCAL_PREFIX.length, LOCAL_PREFIX.length + 6)}…` : '(other)';
}
