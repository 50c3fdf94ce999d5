// The inbound SMTP listener: a buyer's e-mail reply to helpdesk+<token>@INBOUND_EMAIL_DOMAIN joins the ticket as
// a tracking-page reply would (TicketIntake.addRequesterMessage: same status change, alerts and history). It
// writes only through the database, so any number of instances may listen. No authentication: the reply token in
// the address is the key, and an unknown one is refused at RCPT. Refusals are logged with the token's prefix only.
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { ValidationFailed } from '../http/errors';
import type { Logger } from '../http/logger';
import type { AttachmentRules } from './attachments';
import type { TicketIntake } from './intake';
import type { Ticket } from './model';
import { withoutQuotedHistory } from './quoted-history';
import { tokenPrefix, type ReplyAddresses } from './reply-address';

export interface InboundMailDeps {
  host: string;
  port: number;
  maxBytes: number;
  replies: ReplyAddresses;
  intake: TicketIntake;
  rules: AttachmentRules;
  logger: Logger;
}

/** The listener wired to an app's own services (reply addresses, the tracking-page reply, the attachment rules). */
export function inboundMailFor(
  services: { replyAddresses: ReplyAddresses; intake: TicketIntake; attachmentRules: AttachmentRules },
  options: Pick<InboundMailDeps, 'host' | 'port' | 'maxBytes' | 'logger'>,
): InboundMail {
  return new InboundMail({
    ...options,
    replies: services.replyAddresses,
    intake: services.intake,
    rules: services.attachmentRules,
  });
}

export interface InboundMailListener {
  port: number;
  close(): Promise<void>;
}

/** An SMTP refusal: the code and enhanced status the client sees. */
function refusal(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => parts.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(parts)));
    stream.on('error', reject);
  });
}

/** Out-of-office answers and other machine mail must not reopen tickets (and would answer each other). */
function isAutomatic(mail: ParsedMail): boolean {
  const auto = String(mail.headers.get('auto-submitted') ?? 'no').toLowerCase();
  return auto !== 'no' || mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond');
}

export class InboundMail {
  constructor(private readonly deps: InboundMailDeps) {}

  private refuse(callback: (err?: Error | null) => void, code: number, text: string, token: string) {
    this.deps.logger.warn({ token, code, reason: text }, 'inbound mail refused');
    callback(refusal(code, text));
  }

  private async tickets(session: SMTPServerSession): Promise<Ticket[]> {
    const found = new Map<number, Ticket>();
    for (const { address } of session.envelope.rcptTo) {
      const ticket = await this.deps.replies.ticketFor(address);
      if (ticket) found.set(ticket.id, ticket);
    }
    return [...found.values()];
  }

  /** Handles one message (the DATA of a session): parse, strip the quoted history, check files, add the reply. */
  async deliver(raw: Buffer, session: SMTPServerSession): Promise<{ code: number; text: string } | undefined> {
    let mail: ParsedMail;
    try {
      mail = await simpleParser(raw, { skipHtmlToText: false });
    } catch {
      return { code: 550, text: '5.6.0 Malformed message' };
    }
    if (!mail.from?.value?.length) return { code: 550, text: '5.6.0 Malformed message: no sender' };
    if (isAutomatic(mail)) return { code: 550, text: '5.7.1 Automatic replies are not accepted' };
    const text = withoutQuotedHistory(mail.text ?? '');
    const files = (mail.attachments ?? []).map((a) => ({ filename: a.filename ?? 'attachment', content: a.content }));
    const { accepted, refused } = await this.deps.rules.sort(files);
    const token = session.envelope.rcptTo.map((r) => tokenPrefix(r.address)).join(',');
    if (refused.length > 0)
      this.deps.logger.warn({ token, refused: refused.map((r) => r.reason) }, 'inbound mail: attachments dropped');
    for (const ticket of await this.tickets(session)) {
      try {
        await this.deps.intake.addRequesterMessage(ticket, text, accepted);
      } catch (err) {
        if (!(err instanceof ValidationFailed)) throw err;
        return { code: 550, text: '5.6.0 The reply has no usable text (empty, or too long)' };
      }
    }
    this.deps.logger.info({ token, files: accepted.length }, 'inbound mail added to ticket');
    return undefined;
  }

  listen(): Promise<InboundMailListener> {
    const { maxBytes, logger } = this.deps;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: maxBytes,
      logger: false,
      banner: 'Helpdesk replies',
      onRcptTo: (address, _session, callback) => {
        this.deps.replies.ticketFor(address.address).then(
          (ticket) =>
            ticket
              ? callback()
              : this.refuse(callback, 550, '5.1.1 Unknown reply address', tokenPrefix(address.address)),
          (err: unknown) => {
            logger.error({ err }, 'inbound mail: lookup failed');
            callback(refusal(451, '4.3.0 Try again later'));
          },
        );
      },
      onData: (stream, session, callback) => {
        const token = session.envelope.rcptTo.map((r) => tokenPrefix(r.address)).join(',');
        readAll(stream)
          .then(async (raw) => {
            if (stream.sizeExceeded) return this.refuse(callback, 552, '5.3.4 Message too big', token);
            const problem = await this.deliver(raw, session);
            if (problem) return this.refuse(callback, problem.code, problem.text, token);
            callback();
          })
          .catch((err: unknown) => {
            logger.error({ err, token }, 'inbound mail failed');
            callback(refusal(451, '4.3.0 Try again later'));
          });
      },
    });
    server.on('error', (err) => logger.error({ err }, 'inbound SMTP server error'));
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.deps.port, this.deps.host, () => {
        const address = server.server.address();
        resolve({
          port: typeof address === 'object' && address ? address.port : this.deps.port,
          close: () => new Promise<void>((done) => server.close(() => done())),
        });
      });
    });
  }
}
