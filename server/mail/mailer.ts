// Outgoing e-mail through nodemailer: SMTP when SMTP_URL is set; otherwise the message is kept in the
// outbox table, where coordinators can read it, so nothing is lost in development. With SMTP the outbox
// keeps only who/what/when (no body: bodies can hold one-time links).
import type { Knex } from 'knex';
import nodemailer, { type Transporter } from 'nodemailer';
import { toDate, toIso, type Clock } from '../db/time';
import type { Lang } from '../i18n/languages';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  lang: Lang;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post for mailing lists. */
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** What the outbox keeps beside the body: the extra headers, and attachments only where bodies are kept. */
export interface MailExtras {
  headers: Record<string, string>;
  attachments: MailAttachment[];
}

export interface OutboxEntry {
  id: number;
  recipient: string;
  subject: string;
  body: string | null;
  lang: string;
  transport: string;
  createdAt: Date | null;
  sentAt: Date | null;
  error: string | null;
  extras: MailExtras | null;
}

export class Mailer {
  private readonly transport: Transporter;
  private readonly mode: 'smtp' | 'outbox';

  constructor(
    private readonly db: Knex,
    private readonly clock: Clock,
    private readonly from: string,
    smtpUrl?: string,
  ) {
    this.mode = smtpUrl ? 'smtp' : 'outbox';
    this.transport = smtpUrl
      ? nodemailer.createTransport(smtpUrl)
      : nodemailer.createTransport({ jsonTransport: true });
  }

  get usesOutboxOnly(): boolean {
    return this.mode === 'outbox';
  }

  /** Sends (or stores) a message. A failing SMTP server is recorded, not thrown: the request that
   * caused the e-mail has already done its work and must not fail because of it. */
  async send(message: MailMessage): Promise<void> {
    const [row] = await this.db('mail_outbox')
      .insert({
        recipient: message.to,
        subject: message.subject,
        body: this.mode === 'outbox' ? message.text : null,
        lang: message.lang,
        transport: this.mode,
        extras:
          message.headers || message.attachments
            ? JSON.stringify({
                headers: message.headers ?? {},
                attachments: this.mode === 'outbox' ? (message.attachments ?? []) : [],
              })
            : null,
        created_at: toIso(this.clock.now()),
      })
      .returning('id');
    const id = typeof row === 'object' ? (row as { id: number }).id : (row as number);
    try {
      await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        headers: { 'Content-Language': message.lang, ...message.headers },
        attachments: message.attachments,
      });
      await this.db('mail_outbox')
        .where({ id })
        .update({ sent_at: toIso(this.clock.now()) });
    } catch (err) {
      await this.db('mail_outbox')
        .where({ id })
        .update({ error: (err as Error).message.slice(0, 500) });
    }
  }

  async outbox(limit = 200, recipient?: string): Promise<OutboxEntry[]> {
    const query = this.db('mail_outbox').orderBy('id', 'desc').limit(limit);
    if (recipient) query.where({ recipient });
    const rows = (await query) as Record<string, unknown>[];
    return rows.map((row) => ({
      id: Number(row.id),
      recipient: String(row.recipient),
      subject: String(row.subject),
      body: (row.body as string | null) ?? null,
      lang: String(row.lang),
      transport: String(row.transport),
      createdAt: toDate(row.created_at),
      sentAt: toDate(row.sent_at),
      error: (row.error as string | null) ?? null,
      extras: row.extras ? (JSON.parse(String(row.extras)) as MailExtras) : null,
    }));
  }

  /** Removes every e-mail kept for an address (erasure); returns how many were removed. */
  async forget(recipient: string, db: Knex = this.db): Promise<number> {
    return db('mail_outbox').where({ recipient }).delete();
  }

  /** Removes the e-mails kept for an address whose subject names something (a ticket reference): retention. */
  async forgetAbout(recipient: string, mention: string, db: Knex = this.db): Promise<number> {
    const pattern = `%${mention.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return db('mail_outbox').where({ recipient }).whereRaw("subject like ? escape '\\'", [pattern]).delete();
  }
}
