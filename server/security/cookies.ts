// Cookie names: in production the session and CSRF cookies carry the `__Host-` prefix, so the browser only
// accepts them Secure, for this exact host and path / (no subdomain can set or shadow them).
export function cookieName(base: string, isProduction: boolean): string {
  return isProduction ? `__Host-${base}` : base;
}
