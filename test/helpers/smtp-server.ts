import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/** A message as a local SMTP server received it, decoded enough to check recipients, subject and text. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; size: number }[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1 (no TLS, any login accepted unless `password` is given). */
export async function startSmtpServer(options: { port?: number; password?: string } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: options.password === undefined,
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.password !== undefined && auth.password !== options.password) return callback(new Error('Invalid username or password'));
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          ...decodeMessage(raw),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function splitHeaders(part: string): { headers: Map<string, string>; body: string } {
  const at = part.indexOf('\r\n\r\n');
  const head = (at < 0 ? part : part.slice(0, at)).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: at < 0 ? '' : part.slice(at + 4) };
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=). */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQp(data.replace(/_/g, ' ')),
    );
}

function decodeQp(s: string): string {
  const bytes: number[] = [];
  const src = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '=' && /^[0-9A-F]{2}$/i.test(src.slice(i + 1, i + 3))) {
      bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(src[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQp(body);
  return body;
}

/** filename="…" or RFC 2231 continuations (filename*0*=utf-8''…; filename*1*=…). */
function attachmentName(disposition: string): string {
  const pieces = [...disposition.matchAll(/filename\*(?:\d+\*?)?=([^;]+)/gi)].map((m) => m[1]!.trim().replace(/^"|"$/g, ''));
  if (pieces.length > 0) return decodeURIComponent(pieces.join('').replace(/^utf-8''/i, ''));
  return decodeWords(/filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? '');
}

function decodeMessage(raw: string): Omit<ReceivedMail, 'from' | 'to' | 'raw'> {
  const out = { subject: '', text: '', html: '', attachments: [] as ReceivedMail['attachments'] };
  const visit = (part: string, top: boolean) => {
    const { headers, body } = splitHeaders(part);
    if (top) out.subject = decodeWords(headers.get('subject') ?? '');
    const type = headers.get('content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (type.toLowerCase().startsWith('multipart/') && boundary) {
      for (const sub of body.split(`--${boundary}`).slice(1)) if (!sub.startsWith('--')) visit(sub.replace(/^\r\n/, ''), false);
      return;
    }
    const disposition = headers.get('content-disposition') ?? '';
    if (/attachment/i.test(disposition)) {
      const filename = attachmentName(disposition);
      out.attachments.push({ filename, contentType: type.split(';')[0]!, size: Buffer.from(body.replace(/\s+/g, ''), 'base64').length });
    } else if (type.toLowerCase().startsWith('text/html')) out.html = decodeBody(headers, body);
    else if (type.toLowerCase().startsWith('text/plain')) out.text = decodeBody(headers, body);
  };
  visit(raw, true);
  return out;
}
