// npm run helpdesk:retention: anonymises requesters of tickets closed longer than TICKET_RETENTION_MONTHS ago,
// and applies the market pool's rules (closed announcements, past events' registrants, unconfirmed sign-ups).
import { AuditLog } from '../server/audit/audit-log';
import { loadConfig } from '../server/config/config';
import { systemClock } from '../server/db/time';
import { AttachmentRepository } from '../server/helpdesk/attachment-repository';
import { HelpdeskPrivacy } from '../server/helpdesk/privacy';
import { HelpdeskRepository } from '../server/helpdesk/repository';
import { Mailer } from '../server/mail/mailer';
import { MarketPrivacy } from '../server/market/privacy';
import { createLogger } from '../server/http/logger';
import { prepareDatabase } from '../server/startup';

const config = loadConfig();
const db = await prepareDatabase(config, createLogger('warn'));
try {
  const mailer = new Mailer(db, systemClock, config.mail.from, config.mail.smtpUrl);
  const privacy = new HelpdeskPrivacy(
    db,
    new HelpdeskRepository(db),
    mailer,
    systemClock,
    new AuditLog(db, systemClock),
    new AttachmentRepository(db),
  );
  const count = await privacy.applyRetention(config.tickets.retentionMonths);
  console.log(`${count} ticket(s) closed more than ${config.tickets.retentionMonths} months ago anonymised.`);
  const market = await new MarketPrivacy(db, systemClock, mailer).applyRetention(config.tickets.retentionMonths);
  console.log(
    `Market: ${market.announcements} announcement(s) and ${market.registrations} registration(s) anonymised, ${market.subscribers} unconfirmed subscription(s) dropped.`,
  );
} catch (err) {
  console.error(`Retention failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
