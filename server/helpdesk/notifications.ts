// E-mails of the helpdesk, in the language of whoever receives them.
import type { AccountRepository } from '../accounts/repository';
import { organisationName, type OrganisationRepository } from '../accounts/organisations';
import { translate } from '../i18n/catalog';
import { formatDate } from '../i18n/format';
import type { Lang } from '../i18n/languages';
import type { Mailer } from '../mail/mailer';
import type { Ticket } from './model';
import { canHandle } from './permissions';
import type { ReplyAddresses } from './reply-address';
import { COORDINATION_ORG } from './routing';

type Recipient = { email: string; lang: Lang };

export class HelpdeskNotifications {
  constructor(
    private readonly mailer: Mailer,
    private readonly organisations: OrganisationRepository,
    private readonly accounts: AccountRepository,
    private readonly baseUrl: () => string,
    /** Every e-mail to the buyer about a ticket carries a reply address that threads back (when one is set up). */
    private readonly replyAddresses: ReplyAddresses,
  ) {}

  /** What a buyer is told to expect: the first answer's due time (Brussels, in their language) and who answers. */
  async expectedAnswer(ticket: Ticket, lang: Lang): Promise<{ due: string; organisation: string }> {
    const org = await this.organisations.find(ticket.orgCode);
    return {
      due: formatDate(lang, ticket.dueAt, { time: true }),
      organisation: org ? organisationName(org, lang) : ticket.orgCode,
    };
  }

  trackingUrl(lang: Lang, token: string): string {
    return `${this.baseUrl()}/${lang}/helpdesk/track/${token}`;
  }

  async confirmation(ticket: Ticket, token: string): Promise<void> {
    if (!ticket.requesterEmail) return;
    const lang = ticket.lang;
    await this.mailer.send({
      to: ticket.requesterEmail,
      lang,
      subject: translate(lang, 'mail.ticket_confirmation_subject', { reference: ticket.reference }),
      headers: await this.replyAddresses.headersFor(ticket.id),
      text: translate(lang, 'desk.mail.confirmation_body', {
        name: ticket.requesterName ?? '',
        reference: ticket.reference,
        ...(await this.expectedAnswer(ticket, lang)),
        link: this.trackingUrl(lang, token),
        question: ticket.question,
      }),
    });
  }

  async reply(ticket: Ticket, token: string, body: string): Promise<void> {
    if (!ticket.requesterEmail) return;
    const lang = ticket.lang;
    await this.mailer.send({
      to: ticket.requesterEmail,
      lang,
      subject: translate(lang, 'mail.ticket_reply_subject', { reference: ticket.reference }),
      headers: await this.replyAddresses.headersFor(ticket.id),
      text: translate(lang, 'mail.ticket_reply_body', {
        name: ticket.requesterName ?? '',
        reference: ticket.reference,
        link: this.trackingUrl(lang, token),
        reply: body,
      }),
    });
  }

  /** Who hears of new work for an organisation: its queue address (in the work's language), else its facilitators. */
  async queueRecipients(orgCode: string, lang: Lang): Promise<{ email: string; lang: Lang }[]> {
    const org = await this.organisations.find(orgCode);
    return org?.queueEmail
      ? [{ email: org.queueEmail, lang }]
      : (await this.accounts.listByOrganisation(orgCode))
          .filter((u) => u.roles.includes('facilitator') || u.roles.includes('coordinator'))
          .map((u) => ({ email: u.email, lang: u.preferredLang }));
  }

  async newInQueue(ticket: Ticket): Promise<void> {
    for (const recipient of await this.queueRecipients(ticket.orgCode, ticket.lang)) {
      await this.mailer.send({
        to: recipient.email,
        lang: recipient.lang,
        subject: translate(recipient.lang, ticket.isPilot ? 'mail.queue_subject_pilot' : 'mail.queue_subject', {
          reference: ticket.reference,
        }),
        text: translate(recipient.lang, 'mail.queue_body', {
          reference: ticket.reference,
          link: `${this.baseUrl()}/${recipient.lang}/staff/tickets/${ticket.id}`,
        }),
      });
    }
  }

  /** Who handles a ticket now: its assignee, or, while nobody is assigned (or the assignee left), its queue. */
  async handlers(ticket: Ticket): Promise<Recipient[]> {
    const assignee = ticket.assigneeUserId ? await this.accounts.findById(ticket.assigneeUserId) : undefined;
    if (assignee && canHandle(assignee, ticket)) return [{ email: assignee.email, lang: assignee.preferredLang }];
    return this.queueRecipients(ticket.orgCode, ticket.lang);
  }

  /** The buyer answered back (a closed ticket is reopened by it): the handlers hear of it. */
  async requesterReplied(ticket: Ticket, reopened: boolean): Promise<void> {
    const kind = reopened ? 'reopened' : 'replied';
    await this.tellStaff(await this.handlers(ticket), ticket, kind);
  }

  async firstResponseDueSoon(ticket: Ticket): Promise<void> {
    await this.tellStaff(await this.handlers(ticket), ticket, 'due_soon');
  }

  /** An overdue first response goes up to the coordination cell. */
  async firstResponseOverdue(ticket: Ticket): Promise<void> {
    await this.tellStaff(await this.queueRecipients(COORDINATION_ORG, ticket.lang), ticket, 'overdue');
  }

  private async tellStaff(recipients: Recipient[], ticket: Ticket, kind: string): Promise<void> {
    for (const { email, lang } of recipients) {
      const params = {
        reference: ticket.reference,
        ...(await this.expectedAnswer(ticket, lang)),
        link: `${this.baseUrl()}/${lang}/staff/tickets/${ticket.id}`,
      };
      await this.mailer.send({
        to: email,
        lang,
        subject: translate(lang, `desk.alerts.${kind}_subject`, params),
        text: translate(lang, `desk.alerts.${kind}_body`, params),
      });
    }
  }
}
