#!/usr/bin/env node
// Runs the compiled CLI (dist/server/cli.js, from `npm run build`) when it was built from the sources as they
// are now; otherwise the TypeScript through tsx, so `npx openkpi …` works without a build step and never runs stale code.
import { isFresh, TARGETS } from '../scripts/build-server.mjs';

if (isFresh(TARGETS.server)) {
  await import('../dist/server/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
