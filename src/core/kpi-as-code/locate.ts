import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { FilePath } from './types';

export interface FilePosition {
  line: number;
  col: number;
}

/**
 * Where a path points in the YAML text: the value when it exists, else the key, else the
 * nearest enclosing node that exists (e.g. the KPI of a missing field).
 */
export function locate(doc: Document, lineCounter: LineCounter, path: FilePath, preferKey = false): FilePosition | null {
  let node: unknown = doc.contents;
  let best: Node | null = isNode(node) ? node : null;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const last = i === path.length - 1;
      if (isNode(pair.key) && (preferKey && last || !isNode(pair.value))) best = pair.key;
      next = pair.value;
      if (isNode(next) && !(preferKey && last)) best = next;
    } else if (isSeq(node) && typeof seg === 'number') {
      next = node.items[seg];
      if (isNode(next)) best = next;
    } else {
      break;
    }
    node = next;
  }
  const offset = best?.range?.[0];
  if (offset === undefined) return null;
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, col: pos.col };
}

function isNode(v: unknown): v is Node {
  return isScalar(v) || isMap(v) || isSeq(v) || (typeof v === 'object' && v !== null && 'range' in v);
}
