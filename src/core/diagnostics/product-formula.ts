/**
 * How a KPI splits into a product of drivers, read from formulas:
 * - its own formula is a product of references, `[A] * [B]` (any number of factors) → those KPIs;
 * - another KPI's formula is `[THIS] / [B]` (e.g. AOV = [REVENUE] / [ORDERS]) → THIS = B × (THIS / B):
 *   the volume B and that other KPI as the derived price.
 * Only these plain shapes count; anything else (constants, sums, functions) is not a product.
 */
export type ProductShape = { kind: 'product'; factors: string[] } | { kind: 'ratio'; volume: string; price: string };

const REF = String.raw`\[\s*([A-Za-z0-9_.-]+)\s*\]`;
const PRODUCT = new RegExp(String.raw`^\s*${REF}(?:\s*\*\s*${REF})+\s*$`);
const RATIO = new RegExp(String.raw`^\s*${REF}\s*/\s*${REF}\s*$`);

export function productFactors(formula: string | null | undefined): string[] | null {
  if (!formula || !PRODUCT.test(formula)) return null;
  return [...formula.matchAll(new RegExp(REF, 'g'))].map((m) => m[1]!);
}

export function productShapeOf(code: string, formula: string | null | undefined, others: { code: string; formula: string | null | undefined }[]): ProductShape | null {
  const own = productFactors(formula);
  if (own && own.length >= 2) return { kind: 'product', factors: own };
  for (const o of others) {
    const m = o.formula ? RATIO.exec(o.formula) : null;
    if (m && m[1] === code && m[2] !== code) return { kind: 'ratio', volume: m[2]!, price: o.code };
  }
  return null;
}
