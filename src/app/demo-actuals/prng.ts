/** A small seeded PRNG (mulberry32): the same seed gives the same numbers on every run and machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a text, to seed one generator per KPI and scope. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Roughly normal noise around 1 with the given spread (sum of three uniforms). */
export function noise(rand: () => number, spread: number): number {
  return 1 + ((rand() + rand() + rand()) / 1.5 - 1) * spread;
}
