// What subscribers are told: a published announcement or a new agenda item in a category they follow is
// queued per confirmed subscriber (a unique key makes queuing twice a no-op), then delivered in batches —
// at most one e-mail a day, or at once for those who asked. The state lives in the database, and each
// subscriber's batch is claimed by a conditional update, so several instances never send it twice.
import type { Knex } from 'knex';
import { toIso, type Clock } from '../db/time';
import type { Lang } from '../i18n/languages';
import type { MarketMail } from './mails';
import { matchesCpv } from './model';
import { toSubscriber } from './subscriptions';

export type ItemKind = 'announcement' | 'event';
const DAY_MS = 86_400_000;

/** One line of the e-mail for an item, in the subscriber's language; null when it is no longer public. */
export type DescribeItem = (kind: ItemKind, id: number, lang: Lang) => Promise<string | null>;

export class SubscriberNotifications {
  constructor(
    private readonly db: Knex,
    private readonly mail: MarketMail,
    private readonly clock: Clock,
    private readonly describe: DescribeItem,
    private readonly unsubscribeToken: (subscriberId: number) => string,
  ) {}

  /** Queues an item for every confirmed subscriber following its category or one of its CPV prefixes. */
  async enqueue(kind: ItemKind, itemId: number, category: string | null, cpv: string | null): Promise<number> {
    const subscribers = (
      (await this.db('market_subscribers').where({ status: 'confirmed' })) as Record<string, unknown>[]
    ).map(toSubscriber);
    const followers = subscribers.filter(
      (s) => (category !== null && s.categories.includes(category)) || matchesCpv(cpv, s.cpvPrefixes),
    );
    const now = toIso(this.clock.now());
    for (let i = 0; i < followers.length; i += 200) {
      await this.db('market_notifications')
        .insert(
          followers
            .slice(i, i + 200)
            .map((s) => ({ subscriber_id: s.id, item_kind: kind, item_id: itemId, created_at: now })),
        )
        .onConflict(['subscriber_id', 'item_kind', 'item_id'])
        .ignore();
    }
    return followers.length;
  }

  /** Sends what is due: to immediate subscribers at once, to the others when their last e-mail is a day old. */
  async deliver(): Promise<number> {
    const now = this.clock.now();
    const waiting = (await this.db('market_notifications as n')
      .join('market_subscribers as s', 's.id', 'n.subscriber_id')
      .whereNull('n.sent_at')
      .where('s.status', 'confirmed')
      .distinct('s.id')) as { id: number }[];
    let sent = 0;
    for (const { id } of waiting) if (await this.deliverTo(Number(id), now)) sent += 1;
    return sent;
  }

  private async deliverTo(subscriberId: number, now: Date): Promise<boolean> {
    const row = (await this.db('market_subscribers').where({ id: subscriberId, status: 'confirmed' }).first()) as
      Record<string, unknown> | undefined;
    if (!row) return false;
    const subscriber = toSubscriber(row);
    const last = subscriber.lastDigestAt;
    if (!subscriber.immediate && last && now.getTime() - last.getTime() < DAY_MS) return false;
    // Claim this subscriber's batch: only the instance whose update finds last_digest_at unchanged goes on.
    const claim = this.db('market_subscribers').where({ id: subscriberId });
    if (row.last_digest_at === null || row.last_digest_at === undefined) claim.whereNull('last_digest_at');
    else claim.where('last_digest_at', row.last_digest_at as string);
    if ((await claim.update({ last_digest_at: toIso(now) })) !== 1) return false;

    const due = (await this.db('market_notifications')
      .where({ subscriber_id: subscriberId })
      .whereNull('sent_at')
      .orderBy('id')) as { id: number; item_kind: ItemKind; item_id: number }[];
    if (due.length === 0) return false;
    await this.db('market_notifications')
      .whereIn(
        'id',
        due.map((n) => n.id),
      )
      .update({ sent_at: toIso(now) });
    const lines = (
      await Promise.all(due.map((n) => this.describe(n.item_kind, Number(n.item_id), subscriber.lang)))
    ).filter((line): line is string => line !== null);
    if (lines.length === 0) return false;
    await this.mail.sendToSubscriber(
      subscriber.email,
      subscriber.lang,
      'digest',
      { count: lines.length, items: lines.join('\n\n') },
      this.unsubscribeToken(subscriberId),
    );
    return true;
  }
}
