// E-mails of the market engagement pool, each in the language of whoever receives it. Every e-mail to a
// subscriber carries the one-click unsubscribe link in its text and in the List-Unsubscribe headers (RFC 8058).
import { translate, type Params } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import type { MailAttachment, Mailer } from '../mail/mailer';

export class MarketMail {
  constructor(
    private readonly mailer: Mailer,
    readonly baseUrl: () => string,
  ) {}

  pageUrl(lang: Lang, path: string): string {
    return `${this.baseUrl()}/${lang}${path}`;
  }

  /** Sends the message `market.mail.<kind>_subject` / `_body` to one address. */
  async send(
    to: string,
    lang: Lang,
    kind: string,
    params: Params,
    extras: { headers?: Record<string, string>; attachments?: MailAttachment[] } = {},
  ): Promise<void> {
    await this.mailer.send({
      to,
      lang,
      subject: translate(lang, `market.mail.${kind}_subject`, params),
      text: translate(lang, `market.mail.${kind}_body`, params),
      ...extras,
    });
  }

  /** A message to a confirmed subscriber: the body ends with the unsubscribe link, the headers offer one click. */
  async sendToSubscriber(
    to: string,
    lang: Lang,
    kind: string,
    params: Params,
    unsubscribeToken: string,
  ): Promise<void> {
    const unsubscribe = this.pageUrl(lang, `/market/unsubscribe/${unsubscribeToken}`);
    const oneClick = `${this.baseUrl()}/api/v1/market/unsubscribe/${unsubscribeToken}`;
    await this.mailer.send({
      to,
      lang,
      subject: translate(lang, `market.mail.${kind}_subject`, params),
      text: `${translate(lang, `market.mail.${kind}_body`, params)}\n\n${translate(lang, 'market.mail.unsubscribe_footer', { link: unsubscribe })}`,
      headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  }
}
