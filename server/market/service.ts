// The market engagement pool put together: announcements, subscriptions and their notifications, the agenda,
// purchasing centrals, personal-data rules and figures. Built once by buildDeps; routes get this object.
import type { Knex } from 'knex';
import type { AuditEvent, AuditLog } from '../audit/audit-log';
import type { ClauseService } from '../clauses/service';
import { formatDate } from '../i18n/format';
import { translate } from '../i18n/catalog';
import { pick, type Lang } from '../i18n/languages';
import type { Mailer } from '../mail/mailer';
import type { Clock } from '../db/time';
import { AgendaService } from './agenda';
import { AnnouncementRepository } from './announcement-repository';
import { AnnouncementService } from './announcements';
import { CentralService } from './centrals';
import { EventRepository } from './event-repository';
import { LinkTokens } from './links';
import { MarketMail } from './mails';
import { SubscriberNotifications, type ItemKind } from './notifications';
import { MarketPrivacy } from './privacy';
import { SubscriptionService } from './subscriptions';

export interface Market {
  announcements: AnnouncementService;
  subscriptions: SubscriptionService;
  notifications: SubscriberNotifications;
  agenda: AgendaService;
  centrals: CentralService;
  privacy: MarketPrivacy;
  clauses: ClauseService;
  /** The absolute base of links in e-mails and feeds. */
  baseUrl: () => string;
  /** Records a staff action on personal data in the audit log. */
  audit(
    action: AuditEvent,
    actorUserId: number,
    ip: string | undefined,
    details: Record<string, unknown>,
  ): Promise<void>;
}

export function createMarket(options: {
  db: Knex;
  mailer: Mailer;
  clock: Clock;
  baseUrl: () => string;
  secret: string;
  clauses: ClauseService;
  auditLog: AuditLog;
  /** Who hears of new work for an organisation (the helpdesk's queue rule). */
  queueRecipients: (orgCode: string, lang: Lang) => Promise<{ email: string; lang: Lang }[]>;
}): Market {
  const { db, clock, clauses } = options;
  const mail = new MarketMail(options.mailer, options.baseUrl);
  const links = new LinkTokens(options.secret);
  const categoryCodes = () => clauses.categoryCodes();
  const announcementRepo = new AnnouncementRepository(db);
  const eventRepo = new EventRepository(db);
  const subscriptions = new SubscriptionService(db, mail, links, clock, categoryCodes);

  const describe = async (kind: ItemKind, id: number, lang: Lang): Promise<string | null> => {
    if (kind === 'announcement') {
      const a = await announcementRepo.find(id);
      if (!a || a.status !== 'published') return null;
      return translate(lang, 'market.mail.digest_announcement', {
        title: a.title,
        authority: a.authority,
        quarter: a.quarter,
        link: mail.pageUrl(lang, `/market/${a.id}`),
      });
    }
    const e = await eventRepo.find(id);
    if (!e || e.status !== 'scheduled') return null;
    return translate(lang, 'market.mail.digest_event', {
      title: pick(e.title, lang),
      when: formatDate(lang, e.startsAt, { time: true }),
      link: mail.pageUrl(lang, `/agenda/${e.id}`),
    });
  };
  const notifications = new SubscriberNotifications(db, mail, clock, describe, (id) =>
    subscriptions.unsubscribeToken(id),
  );

  const announcements = new AnnouncementService(announcementRepo, mail, clock, {
    categoryCodes,
    reviewers: options.queueRecipients,
    async published(a) {
      await notifications.enqueue('announcement', a.id, a.category, a.cpv);
      await notifications.deliver();
    },
  });
  const agenda = new AgendaService(db, eventRepo, mail, links, clock, {
    categoryCodes,
    async created(event) {
      const category =
        event.category ??
        (event.announcementId ? ((await announcementRepo.find(event.announcementId))?.category ?? null) : null);
      if (!category) return;
      await notifications.enqueue('event', event.id, category, null);
      await notifications.deliver();
    },
  });
  return {
    announcements,
    subscriptions,
    notifications,
    agenda,
    centrals: new CentralService(db, clock, categoryCodes),
    privacy: new MarketPrivacy(db, clock, options.mailer),
    clauses,
    baseUrl: options.baseUrl,
    audit: (action, actorUserId, ip, details) => options.auditLog.record(action, { actorUserId, ip, details }),
  };
}
