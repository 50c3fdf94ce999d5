// What the app is built from: created once in main.ts (or per test) by buildDeps and handed to createApp.
import type { AccountRepository } from './accounts/repository';
import type { AccountService } from './accounts/service';
import type { OrganisationRepository } from './accounts/organisations';
import type { AuditLog } from './audit/audit-log';
import type { Config } from './config/config';
import type { Database } from './db/database';
import type { Clock } from './db/time';
import type { Logger } from './http/logger';
import type { Mailer } from './mail/mailer';
import type { ClauseRepository } from './clauses/repository';
import type { ClauseService } from './clauses/service';
import type { UsageRecorder } from './audit/usage-log';
import type { SearchService } from './search/service';
import type { TenderService } from './tenders/service';
import type { CannedAnswers } from './helpdesk/canned';
import type { FaqService } from './helpdesk/faq';
import type { HelpdeskPrivacy } from './helpdesk/privacy';
import type { PilotCodeRepository } from './helpdesk/pilot-codes';
import type { TicketIntake } from './helpdesk/intake';
import type { HelpdeskRepository } from './helpdesk/repository';
import type { TicketService } from './helpdesk/tickets';
import type { TicketAlerts } from './helpdesk/alerts';
import type { StaffQueue } from './helpdesk/queue';
import type { StatsService } from './monitoring/stats';
import type { ObservatoryService } from './observatory/service';
import type { Market } from './market/service';

export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
  clock: Clock;
  sessionSecret: string;
  mailer: Mailer;
  audit: AuditLog;
  accounts: AccountRepository;
  accountService: AccountService;
  organisations: OrganisationRepository;
  clauseRepo: ClauseRepository;
  clauses: ClauseService;
  search: SearchService;
  usage: UsageRecorder;
  tenders: TenderService;
  helpdeskRepo: HelpdeskRepository;
  pilotCodes: PilotCodeRepository;
  intake: TicketIntake;
  tickets: TicketService;
  alerts: TicketAlerts;
  queue: StaffQueue;
  faq: FaqService;
  canned: CannedAnswers;
  privacy: HelpdeskPrivacy;
  stats: StatsService;
  observatory: ObservatoryService;
  market: Market;
  /** Stops background work (timers, watchers); the database pool is closed by whoever opened it. */
  stop(): Promise<void>;
}
