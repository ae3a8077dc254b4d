import { createHmac } from 'node:crypto';

/** The X-OpenKPI-Signature value: `sha256=` + hex HMAC-SHA256 of the raw body with the webhook's secret. */
export function signatureOf(secret: string, rawBody: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}
