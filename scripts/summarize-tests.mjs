// Sums Vitest JSON reports and prints the closing line CI reads: "N passed, N failed".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, ...failedSteps] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  console.log(`  ${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
// A step that failed without a report (typecheck, lint, build, a crashed runner) counts as a failure.
failed += failedSteps.length;
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
if (passed === 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
