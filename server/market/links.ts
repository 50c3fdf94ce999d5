// Links that must work in every e-mail sent later (unsubscribe, cancel a registration) cannot be random
// tokens we forget: they are an HMAC of the record's id under the app's secret. Only their hash is stored,
// for the lookup, as for every other one-time link.
import { createHmac } from 'node:crypto';
import { hashToken } from '../accounts/tokens';

export type LinkPurpose = 'market-unsubscribe' | 'market-cancel';

export class LinkTokens {
  constructor(private readonly secret: string) {}

  token(purpose: LinkPurpose, id: number): string {
    return createHmac('sha256', this.secret).update(`${purpose}:${id}`).digest('base64url');
  }

  hash(purpose: LinkPurpose, id: number): string {
    return hashToken(this.token(purpose, id));
  }
}
