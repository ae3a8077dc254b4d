import { fileInvalid } from '../../core/import/limits';

/** What the scanner reports. `tag` is the text between `<` and `>` (attributes included). */
export interface XmlHandler {
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw (still escaped) text between tags; only called while `capturing` is true. May come in pieces. */
  text(raw: string): void;
  readonly capturing: boolean;
  /** Set to stop reading the rest of the document. */
  readonly done: boolean;
}

/** No tag of a spreadsheet part comes near this; a longer one is a hostile or broken file. */
const MAX_TAG_CHARS = 64 * 1024;

const tagTooLong = () => fileInvalid('xml', { vi: 'một thẻ XML dài bất thường.', en: 'an XML tag is abnormally long.' });

/**
 * An incremental scanner for the plain XML of spreadsheet parts, fed text in pieces: tags and the text
 * the handler asks for, nothing else kept. Memory stays at one piece plus one unfinished tag or text run.
 * Comments, processing instructions and CDATA are handled; DTDs are not expected (and not expanded).
 */
export class XmlScanner {
  private buf = '';

  constructor(private readonly h: XmlHandler) {}

  push(piece: string): void {
    const buf = this.buf.length === 0 ? piece : this.buf + piece;
    let pos = 0;
    const h = this.h;
    while (!h.done) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        if (h.capturing && pos < buf.length) h.text(buf.slice(pos));
        pos = buf.length;
        break;
      }
      if (lt > pos && h.capturing) h.text(buf.slice(pos, lt));
      pos = lt;
      const next = buf.charCodeAt(lt + 1);
      if (next === 33 /* ! */ || next === 63 /* ? */) {
        const skipped = this.special(buf, lt);
        if (skipped < 0) break;
        pos = skipped;
        continue;
      }
      const gt = buf.indexOf('>', lt);
      if (gt < 0) {
        if (buf.length - lt > MAX_TAG_CHARS) throw tagTooLong();
        break;
      }
      pos = gt + 1;
      if (next === 47 /* / */) {
        h.close(localName(buf, lt + 2, gt));
      } else {
        const selfClosing = buf.charCodeAt(gt - 1) === 47;
        const tag = buf.slice(lt + 1, selfClosing ? gt - 1 : gt);
        h.open(localName(tag, 0, tag.length), tag, selfClosing);
        if (selfClosing) h.close(localName(tag, 0, tag.length));
      }
    }
    this.buf = h.done ? '' : buf.slice(pos);
  }

  /** Comments, `<?…?>` and CDATA (its text goes to the handler, escaped). -1 when the piece ends first. */
  private special(buf: string, lt: number): number {
    if (buf.startsWith('<![CDATA[', lt)) {
      const end = buf.indexOf(']]>', lt);
      if (end < 0) return this.wait(buf, lt);
      if (this.h.capturing) this.h.text(buf.slice(lt + 9, end).replace(/&/g, '&amp;').replace(/</g, '&lt;'));
      return end + 3;
    }
    const close = buf.startsWith('<!--', lt) ? '-->' : buf.charCodeAt(lt + 1) === 63 ? '?>' : '>';
    const end = buf.indexOf(close, lt + 2);
    if (end < 0) return this.wait(buf, lt);
    return end + close.length;
  }

  private wait(buf: string, lt: number): number {
    if (buf.length - lt > MAX_TAG_CHARS) throw tagTooLong();
    return -1;
  }
}

/** The element name without its namespace prefix (`x:row` → `row`). */
function localName(s: string, from: number, to: number): string {
  let end = from;
  while (end < to) {
    const c = s.charCodeAt(end);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
    end++;
  }
  const name = s.slice(from, end);
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The value of attribute `name` in a tag's text, or undefined. Prefixed attributes (`r:id`) match by full name. */
export function attribute(tag: string, name: string): string | undefined {
  let i = tag.indexOf(name);
  while (i >= 0) {
    const before = tag.charCodeAt(i - 1);
    const eq = i + name.length;
    if ((before === 32 || before === 9 || before === 10 || before === 13) && tag.charCodeAt(eq) === 61) {
      const quote = tag[eq + 1];
      const end = quote === '"' || quote === "'" ? tag.indexOf(quote, eq + 2) : -1;
      return end < 0 ? undefined : decodeXmlText(tag.slice(eq + 2, end));
    }
    i = tag.indexOf(name, i + 1);
  }
  return undefined;
}

const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** OOXML's escape for characters XML cannot hold, e.g. `_x000D_` for a carriage return. */
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** XML text with its entities and OOXML `_xHHHH_` escapes decoded. */
export function decodeXmlText(raw: string): string {
  let s = raw;
  if (s.includes('&')) {
    s = s.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
      if (named) return NAMED[named]!;
      const code = hex ? parseInt(hex, 16) : parseInt(dec!, 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    });
  }
  if (s.includes('_x')) s = s.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return s;
}
