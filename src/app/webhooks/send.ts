import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { signatureOf } from './sign';

/** How long a receiver has to answer. */
export const WEBHOOK_TIMEOUT_MS = 5000;

export interface WebhookAttempt {
  /** The HTTP status, or null when no answer came (refused, timeout). */
  status: number | null;
  error: string | null;
}

/** The body every receiver gets. */
export function webhookBody(event: string, occurredAt: string, data: unknown): string {
  return JSON.stringify({ event, occurredAt, data });
}

/** POSTs the signed body once; a 2xx is delivered, anything else (or no answer in time) is a failure. */
export function postWebhook(
  target: { url: string; secret: string; deliveryId: string; event: string },
  body: string,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
): Promise<WebhookAttempt> {
  const url = new URL(target.url);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'OpenKPI-Webhook',
          'x-openkpi-event': target.event,
          'x-openkpi-delivery': target.deliveryId,
          'x-openkpi-signature': signatureOf(target.secret, body),
        },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume(); // the answer's body is not kept
        const status = res.statusCode ?? 0;
        resolve({ status, error: status >= 200 && status < 300 ? null : `HTTP ${status}` });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', (e) => resolve({ status: null, error: e.message.slice(0, 500) }));
    req.end(body);
  });
}
