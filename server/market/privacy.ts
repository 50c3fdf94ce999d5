// Personal data in the market pool, under the same rules as tickets: buyers' addresses on announcements and
// registrants on events are anonymised once the announcement is closed or the event is over for the retention
// period; sign-ups never confirmed are dropped; an address's data can be exported and erased.
import type { Knex } from 'knex';
import { toDate, toIso, type Clock } from '../db/time';
import { fromSuffixed, suffixedNames } from '../i18n/languages';
import type { Mailer } from '../mail/mailer';
import { toSubscriber } from './subscriptions';

const UNCONFIRMED_DAYS = 7;

function monthsBefore(date: Date, months: number): string {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() - months);
  return toIso(d);
}

export class MarketPrivacy {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock,
    private readonly mailer: Mailer,
  ) {}

  /** Runs every retention rule; running it again changes nothing more. */
  async applyRetention(months: number): Promise<{ announcements: number; registrations: number; subscribers: number }> {
    const now = this.clock.now();
    const cutoff = monthsBefore(now, months);
    const announcements = await this.db('market_announcements')
      .whereNull('anonymised_at')
      .where((q) =>
        q
          .where('closed_at', '<', cutoff)
          .orWhere((u) => u.where('status', 'unconfirmed').where('created_at', '<', cutoff)),
      )
      .update({ submitter_email: null, confirm_token_hash: null, edit_token_hash: null, anonymised_at: toIso(now) });
    const pastEvents = this.db('market_events').where('ends_at', '<', cutoff).select('id');
    const registrations = await this.db('market_registrations')
      .whereNull('anonymised_at')
      .whereIn('event_id', pastEvents)
      .update({
        name: null,
        email: null,
        organisation: null,
        confirm_token_hash: null,
        cancel_token_hash: null,
        anonymised_at: toIso(now),
      });
    // Sign-ups never confirmed within a week: their address was never proven.
    const unconfirmedCutoff = toIso(new Date(now.getTime() - UNCONFIRMED_DAYS * 86_400_000));
    const subscribers = await this.db('market_subscribers')
      .where({ status: 'pending' })
      .where('created_at', '<', unconfirmedCutoff)
      .delete();
    return { announcements, registrations, subscribers };
  }

  async export(email: string): Promise<Record<string, unknown>> {
    const address = email.trim().toLowerCase();
    const announcements = (await this.db('market_announcements')
      .where({ submitter_email: address })
      .orderBy('id')) as Record<string, unknown>[];
    const registrations = (await this.db('market_registrations as r')
      .join('market_events as e', 'e.id', 'r.event_id')
      .where('r.email', address)
      .select('r.*', ...suffixedNames('title').map((c) => `e.${c}`), 'e.starts_at')) as Record<string, unknown>[];
    return {
      subscriptions: (
        (await this.db('market_subscribers').where({ email: address }).orderBy('id')) as Record<string, unknown>[]
      )
        .map(toSubscriber)
        .map((sub) => ({
          email: sub.email,
          language: sub.lang,
          categories: sub.categories,
          cpvPrefixes: sub.cpvPrefixes,
          sme: sub.isSme,
          socialEconomy: sub.isSocialEconomy,
          immediate: sub.immediate,
          status: sub.status,
          createdAt: sub.createdAt.toISOString(),
          confirmedAt: sub.confirmedAt?.toISOString() ?? null,
        })),
      announcements: announcements.map((a) => ({
        title: a.title,
        authority: a.authority,
        status: a.status,
        createdAt: toDate(a.created_at)?.toISOString(),
      })),
      registrations: registrations.map((r) => ({
        event: { title: fromSuffixed(r, 'title'), startsAt: toDate(r.starts_at)?.toISOString() },
        name: r.name,
        organisation: r.organisation,
        status: r.status,
      })),
    };
  }

  /** Erases an address from the market and the e-mails sent to it (which hold its links). */
  async erase(
    email: string,
  ): Promise<{ subscriptions: number; announcements: number; registrations: number; emails: number }> {
    const address = email.trim().toLowerCase();
    const now = toIso(this.clock.now());
    const subscriptions = await this.db('market_subscribers').where({ email: address }).delete();
    const announcements = await this.db('market_announcements')
      .where({ submitter_email: address })
      .update({ submitter_email: null, confirm_token_hash: null, edit_token_hash: null, anonymised_at: now });
    const registrations = await this.db('market_registrations')
      .where({ email: address })
      .update({ name: null, email: null, organisation: null, cancel_token_hash: null, anonymised_at: now });
    const emails = await this.mailer.forget(address);
    return { subscriptions, announcements, registrations, emails };
  }
}
