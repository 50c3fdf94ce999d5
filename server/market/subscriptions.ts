// Firms follow categories and CPV prefixes: double opt-in and unsubscribe by link (no account); the
// personal-data rules for subscribers are in privacy.ts.
import type { Knex } from 'knex';
import { hashToken, newToken } from '../accounts/tokens';
import { toDate, toIso, type Clock } from '../db/time';
import { NotFound, ValidationFailed } from '../http/errors';
import { parseLang } from '../i18n/languages';
import { parseWithRules, subscriptionRules, subscriptionSchema, type SubscriptionInput } from './forms';
import type { LinkTokens } from './links';
import type { MarketMail } from './mails';
import type { Subscriber } from './model';

type Row = Record<string, unknown>;

export function toSubscriber(row: Row): Subscriber {
  return {
    id: Number(row.id),
    email: String(row.email),
    lang: parseLang(row.lang),
    categories: JSON.parse(String(row.categories)) as string[],
    cpvPrefixes: JSON.parse(String(row.cpv_prefixes)) as string[],
    isSme: Boolean(row.is_sme),
    isSocialEconomy: Boolean(row.is_social_economy),
    immediate: Boolean(row.immediate),
    status: row.status as Subscriber['status'],
    createdAt: toDate(row.created_at)!,
    confirmedAt: toDate(row.confirmed_at),
    lastDigestAt: toDate(row.last_digest_at),
  };
}

export class SubscriptionService {
  constructor(
    private readonly db: Knex,
    private readonly mail: MarketMail,
    private readonly links: LinkTokens,
    private readonly clock: Clock,
    private readonly categoryCodes: () => Promise<Set<string>>,
  ) {}

  async parse(input: unknown): Promise<SubscriptionInput> {
    const parsed = parseWithRules(subscriptionSchema, input, subscriptionRules);
    const known = await this.categoryCodes();
    if (parsed.categories.some((c) => !known.has(c)))
      throw new ValidationFailed([{ field: 'categories', messageKey: 'validation.one_of' }]);
    return parsed;
  }

  /** A new subscription waits for its address to be confirmed; nothing else is ever sent before that. */
  async subscribe(input: SubscriptionInput): Promise<void> {
    const confirm = newToken();
    const now = toIso(this.clock.now());
    await this.db.transaction(async (trx) => {
      const [row] = await trx('market_subscribers')
        .insert({
          email: input.email.toLowerCase(),
          lang: input.lang,
          categories: JSON.stringify([...new Set(input.categories)]),
          cpv_prefixes: JSON.stringify([...new Set(input.cpvPrefixes)]),
          is_sme: input.isSme,
          is_social_economy: input.isSocialEconomy,
          immediate: input.immediate,
          status: 'pending',
          confirm_token_hash: confirm.hash,
          unsubscribe_token_hash: newToken().hash, // replaced below, once the id is known
          created_at: now,
        })
        .returning('id');
      const id = typeof row === 'object' ? Number((row as { id: number }).id) : Number(row);
      await trx('market_subscribers')
        .where({ id })
        .update({ unsubscribe_token_hash: this.links.hash('market-unsubscribe', id) });
    });
    await this.mail.send(input.email, input.lang, 'subscription_confirm', {
      link: this.mail.pageUrl(input.lang, `/market/subscribe/confirm/${confirm.token}`),
    });
  }

  async confirm(token: string): Promise<Subscriber> {
    const row = (await this.db('market_subscribers')
      .where({ confirm_token_hash: hashToken(token) })
      .first()) as Row | undefined;
    if (!row) throw new NotFound('market.errors.link_invalid');
    await this.db('market_subscribers')
      .where({ id: row.id, status: 'pending' })
      .update({ status: 'confirmed', confirmed_at: toIso(this.clock.now()) });
    return toSubscriber((await this.db('market_subscribers').where({ id: row.id }).first()) as Row);
  }

  async byUnsubscribeToken(token: string): Promise<Subscriber> {
    const row = (await this.db('market_subscribers')
      .where({ unsubscribe_token_hash: hashToken(token) })
      .first()) as Row | undefined;
    if (!row) throw new NotFound('market.errors.unsubscribed_already');
    return toSubscriber(row);
  }

  /** Unsubscribing deletes the subscription and what it was still owed: nothing is kept. */
  async unsubscribe(token: string): Promise<boolean> {
    const count = await this.db('market_subscribers')
      .where({ unsubscribe_token_hash: hashToken(token) })
      .delete();
    return count > 0;
  }

  unsubscribeToken(subscriberId: number): string {
    return this.links.token('market-unsubscribe', subscriberId);
  }

  /** Confirmed subscribers per followed category (counts only) for the monitoring. */
  async countsByCategory(): Promise<{ category: string; subscribers: number }[]> {
    const rows = (await this.db('market_subscribers').where({ status: 'confirmed' }).select('categories')) as Row[];
    const counts = new Map<string, number>();
    for (const row of rows)
      for (const c of JSON.parse(String(row.categories)) as string[]) counts.set(c, (counts.get(c) ?? 0) + 1);
    return [...counts.entries()].map(([category, subscribers]) => ({ category, subscribers }));
  }
}
