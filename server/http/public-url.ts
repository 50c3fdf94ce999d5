// The site's own absolute address for links (e-mails, hreflang, the OpenAPI servers): PUBLIC_URL, required in
// production. In development, a request's Host is used only when it names this machine (localhost, 127.0.0.1,
// [::1]); any other Host (`Host: evil.example`) is never reflected into a link.
import type { Request } from 'express';
import type { Config } from '../config/config';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** PUBLIC_URL, or http://localhost:PORT in development (e-mails have no request to look at). */
export function publicBaseUrl(config: Pick<Config, 'publicUrl' | 'port'>): string {
  return config.publicUrl ?? `http://localhost:${config.port || 3000}`;
}

export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return LOOPBACK_HOSTS.has(name.toLowerCase());
}

/** The origin for links in a response: PUBLIC_URL, else the request's own loopback host, else the default. */
export function publicOrigin(req: Request, config: Pick<Config, 'publicUrl' | 'port'>): string {
  if (config.publicUrl) return config.publicUrl;
  const host = req.get('host');
  return isLoopbackHost(host) ? `${req.protocol}://${host}` : publicBaseUrl(config);
}
