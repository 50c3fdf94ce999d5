// Everything that must happen before the app serves: database file and schema, shared secrets, services.
import { AccountRepository } from './accounts/repository';
import { AccountService } from './accounts/service';
import { OrganisationRepository } from './accounts/organisations';
import { sessionSecret } from './accounts/session';
import { SignInCounters } from './accounts/sign-in-counters';
import { KnexRateLimitStore } from './security/rate-limit-store';
import { AuditLog } from './audit/audit-log';
import type { Config } from './config/config';
import { createDatabase, type Database } from './db/database';
import { migrateToLatest } from './db/migrate';
import { systemClock, type Clock } from './db/time';
import type { AppDeps } from './deps';
import type { Logger } from './http/logger';
import { publicBaseUrl } from './http/public-url';
import { Mailer } from './mail/mailer';
import path from 'node:path';
import { importLibraryIfChanged } from './clauses/importer';
import { ClauseRepository } from './clauses/repository';
import { clauseDocumentSource } from './clauses/search-documents';
import { ClauseService } from './clauses/service';
import { UsageRecorder } from './audit/usage-log';
import { IndexCache } from './search/search-index';
import { SearchService } from './search/service';
import { TenderService } from './tenders/service';
import { documentBuilder } from './tenders/document-pool';
import { CannedAnswers } from './helpdesk/canned';
import { FaqService, faqDocumentSource } from './helpdesk/faq';
import { HelpdeskNotifications } from './helpdesk/notifications';
import { AttachmentRepository } from './helpdesk/attachment-repository';
import { AttachmentRules } from './helpdesk/attachments';
import { ReplyAddresses } from './helpdesk/reply-address';
import { HelpdeskPrivacy } from './helpdesk/privacy';
import { PilotCodeRepository } from './helpdesk/pilot-codes';
import { TicketIntake } from './helpdesk/intake';
import { ClosingDays } from './helpdesk/closing-days';
import { ClauseFeedback } from './clauses/feedback';
import { TicketRatings } from './helpdesk/ratings';
import { HelpdeskRepository } from './helpdesk/repository';
import { TicketService } from './helpdesk/tickets';
import { TicketAlerts } from './helpdesk/alerts';
import { QueueRepository } from './helpdesk/queue-repository';
import { StaffQueue } from './helpdesk/queue';
import { StatsService } from './monitoring/stats';
import { ObservatoryService } from './observatory/service';
import { createMarket } from './market/service';

export async function prepareDatabase(config: Config, logger: Logger): Promise<Database> {
  const db = createDatabase(config.database);
  const applied = await migrateToLatest(db);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  return db;
}

export async function buildDeps(
  config: Config,
  db: Database,
  logger: Logger,
  clock: Clock = systemClock,
): Promise<AppDeps> {
  const mailer = new Mailer(db, clock, config.mail.from, config.mail.smtpUrl);
  const audit = new AuditLog(db, clock);
  const accounts = new AccountRepository(db);
  const accountService = new AccountService(
    accounts,
    audit,
    mailer,
    clock,
    () => publicBaseUrl(config),
    new SignInCounters(db),
    new KnexRateLimitStore(db, clock, 'reset-address', 3600_000),
  );
  const stoppers: (() => Promise<void> | void)[] = [];

  const clauseRepo = new ClauseRepository(db);
  const report = await importLibraryIfChanged(db, clauseRepo, config.clausesDir, clock);
  if (!report.skipped)
    logger.info(
      { added: report.added.length, updated: report.updated.length, unchanged: report.unchanged, kept: report.kept },
      'clause library imported',
    );
  const search = new SearchService(
    db,
    [clauseDocumentSource(clauseRepo), faqDocumentSource(db)],
    () => clauseRepo.categories(),
    new IndexCache(path.join(config.dataDir, 'search-index')),
    logger,
  );
  await search.refresh();
  search.startPolling(config.searchRefreshSeconds);
  stoppers.push(() => search.stopPolling());

  const clauses = new ClauseService(db, clauseRepo, search, clock);
  const usage = new UsageRecorder(db, clock);
  const organisations = new OrganisationRepository(db);
  const helpdeskRepo = new HelpdeskRepository(db);
  const replyAddresses = new ReplyAddresses(db, clock, config.inbound.domain);
  const attachmentRules = new AttachmentRules(config.attachments);
  const attachments = new AttachmentRepository(db);
  const notifications = new HelpdeskNotifications(
    mailer,
    organisations,
    accounts,
    () => publicBaseUrl(config),
    replyAddresses,
  );
  const pilotCodes = new PilotCodeRepository(db);
  const closingDays = new ClosingDays(db, organisations, audit, clock);
  const intake = new TicketIntake(
    db,
    helpdeskRepo,
    pilotCodes,
    notifications,
    clock,
    config,
    () => clauses.categoryCodes(),
    closingDays,
    attachmentRules,
    attachments,
  );
  const tickets = new TicketService(
    db,
    helpdeskRepo,
    organisations,
    accounts,
    clauses,
    notifications,
    clock,
    config,
    audit,
    closingDays,
    attachmentRules,
    attachments,
  );
  const alerts = new TicketAlerts(db, notifications, clock, closingDays);
  if (config.sla.alertIntervalMinutes > 0) {
    // Every instance may run it: each alert is claimed in the database before it is sent (helpdesk/alerts.ts).
    const timer = setInterval(
      () =>
        alerts.run().then(
          (sent) => (sent.due_soon > 0 || sent.overdue > 0) && logger.info(sent, 'helpdesk alerts sent'),
          (err) => logger.error({ err }, 'helpdesk alerts failed'),
        ),
      config.sla.alertIntervalMinutes * 60_000,
    );
    timer.unref();
    stoppers.push(() => clearInterval(timer));
  }
  const privacy = new HelpdeskPrivacy(db, helpdeskRepo, mailer, clock, audit, attachments);
  const secret = await sessionSecret(db, config, clock);
  const market = createMarket({
    db,
    mailer,
    clock,
    baseUrl: () => publicBaseUrl(config),
    secret,
    clauses,
    auditLog: audit,
    queueRecipients: (orgCode, lang) => notifications.queueRecipients(orgCode, lang),
  });
  if (config.tickets.retentionIntervalHours > 0) {
    const runRetention = () =>
      Promise.all([
        privacy.applyRetention(config.tickets.retentionMonths).then(
          (count) => count > 0 && logger.info({ anonymised: count }, 'helpdesk retention applied'),
          (err) => logger.error({ err }, 'helpdesk retention failed'),
        ),
        market.privacy.applyRetention(config.tickets.retentionMonths).then(
          (counts) => logger.info(counts, 'market retention applied'),
          (err) => logger.error({ err }, 'market retention failed'),
        ),
      ]);
    const timer = setInterval(runRetention, config.tickets.retentionIntervalHours * 3600_000);
    timer.unref();
    stoppers.push(() => clearInterval(timer));
  }
  if (config.market.digestIntervalMinutes > 0) {
    // Several instances may all run it: each subscriber's batch is claimed in the database.
    const timer = setInterval(
      () =>
        market.notifications.deliver().then(
          (sent) => sent > 0 && logger.info({ sent }, 'market notifications sent'),
          (err) => logger.error({ err }, 'market notifications failed'),
        ),
      config.market.digestIntervalMinutes * 60_000,
    );
    timer.unref();
    stoppers.push(() => clearInterval(timer));
  }

  const documents = documentBuilder({
    threads: config.documents.workers,
    queueLimit: config.documents.queueLimit,
  });
  stoppers.push(() => documents.close());

  return {
    config,
    db,
    logger,
    clock,
    sessionSecret: secret,
    mailer,
    audit,
    accounts,
    accountService,
    organisations,
    clauseRepo,
    clauses,
    clauseFeedback: new ClauseFeedback(db, audit, clock),
    search,
    usage,
    tenders: new TenderService(clauses, clauseRepo, search, usage, clock, config.euServicesThreshold, documents),
    helpdeskRepo,
    attachments,
    attachmentRules,
    replyAddresses,
    pilotCodes,
    closingDays,
    ratings: new TicketRatings(db, clock),
    intake,
    tickets,
    alerts,
    queue: new StaffQueue(new QueueRepository(db), tickets, clock),
    faq: new FaqService(db, tickets, search, clock, audit),
    canned: new CannedAnswers(db, clock),
    privacy,
    stats: new StatsService(db, clock),
    observatory: new ObservatoryService(db, clauseRepo, search, clock),
    market,
    async stop() {
      for (const stop of stoppers) await stop();
    },
  };
}
