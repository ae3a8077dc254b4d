import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function, top N.
// Usage: tsx load/profile-summary.ts [file-or-folder] [N]   (default: the newest profile of `npm run load -- --cpu-prof`)
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
export const PROFILE_DIR = join(tmpdir(), 'openkpi-load-profiles');

/** The main thread's profile of the latest run: the newest files, the largest of them (a loader thread's is small). */
function newest(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => ({ f, s: statSync(join(dir, f)) }));
  const latest = Math.max(...files.map((x) => x.s.mtimeMs));
  return files.filter((x) => latest - x.s.mtimeMs < 60_000).sort((a, b) => b.s.size - a.s.size)[0]!.f;
}

function summarise(target: string, top: number): void {
  const file = target.endsWith('.cpuprofile') ? target : join(target, newest(target));
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  for (const id of profile.samples) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url.replace(/^.*\/(node_modules|src)\//, '$1/');
    const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + 1);
  }
  const total = profile.samples.length;
  console.log(`${file}: ${total} samples`);
  for (const [key, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((n / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) summarise(process.argv[2] ?? PROFILE_DIR, Number(process.argv[3] ?? 25));
