// E-mails of the helpdesk, in the language of whoever receives them.
import type { AccountRepository } from '../accounts/repository';
import type { OrganisationRepository } from '../accounts/organisations';
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import type { Mailer } from '../mail/mailer';
import type { Ticket } from './model';

export class HelpdeskNotifications {
  constructor(
    private readonly mailer: Mailer,
    private readonly organisations: OrganisationRepository,
    private readonly accounts: AccountRepository,
    private readonly baseUrl: () => string,
  ) {}

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
      text: translate(lang, 'mail.ticket_confirmation_body', {
        name: ticket.requesterName ?? '',
        reference: ticket.reference,
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
      text: translate(lang, 'mail.ticket_reply_body', {
        name: ticket.requesterName ?? '',
        reference: ticket.reference,
        link: this.trackingUrl(lang, token),
        reply: body,
      }),
    });
  }

  /** Tells the queue of the ticket's organisation: its queue address, otherwise each of its facilitators. */
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
}
