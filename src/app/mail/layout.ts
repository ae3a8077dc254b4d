import type { Lang } from '../../core/errors';

const FOOTER = {
  vi: 'Bạn nhận e-mail này từ OpenKPI. Chọn loại e-mail muốn nhận tại trang Thông báo.',
  en: 'You receive this e-mail from OpenKPI. Choose which e-mails you get on the Notifications page.',
};
const OPEN = { vi: 'Mở trong OpenKPI', en: 'Open in OpenKPI' };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A link in an e-mail: absolute when OPENKPI_PUBLIC_URL says where the app is served, else the path. */
export function absoluteLink(link: string, publicUrl = process.env.OPENKPI_PUBLIC_URL): string {
  return publicUrl ? publicUrl.replace(/\/+$/, '') + link : link;
}

export interface MailSection {
  title: string;
  body: string;
  link?: string | null | undefined;
}

/** The plain layout of every e-mail: a heading, sections (title, text, link), a footer; as text and as HTML. */
export function renderMail(lang: Lang, heading: string, sections: MailSection[]): { text: string; html: string } {
  const text = [
    heading,
    '',
    ...sections.flatMap((s) => [...(s.title ? [s.title] : []), s.body, ...(s.link ? [`${OPEN[lang]}: ${absoluteLink(s.link)}`] : []), '']),
    '—',
    FOOTER[lang],
  ].join('\n');
  const htmlSections = sections
    .map(
      (s) =>
        (s.title ? `<h3 style="margin:16px 0 4px">${escapeHtml(s.title)}</h3>` : '') +
        `<p style="margin:0;white-space:pre-line">${escapeHtml(s.body)}</p>` +
        (s.link ? `<p style="margin:4px 0"><a href="${escapeHtml(absoluteLink(s.link))}">${OPEN[lang]}</a></p>` : ''),
    )
    .join('');
  const html =
    `<!doctype html><html lang="${lang}"><body style="font-family:Arial,sans-serif;color:#1f1f1f;max-width:640px">` +
    `<h2 style="margin:0 0 8px">${escapeHtml(heading)}</h2>${htmlSections}` +
    `<hr style="margin-top:24px;border:none;border-top:1px solid #ddd"><p style="color:#777;font-size:12px">${FOOTER[lang]}</p></body></html>`;
  return { text, html };
}
