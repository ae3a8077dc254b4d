// Sums Vitest JSON reports and prints the closing line CI reads: "N passed, N failed".
// Failed tests are listed by name (with the first line of their message) just above that line,
// so the tail of a CI log is enough to know what failed.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const [dir, ...failedSteps] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
const retried = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  console.log(`  ${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  for (const suite of report.testResults ?? []) {
    const where = relative(process.cwd(), suite.name);
    const failedTests = (suite.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failedTests) failures.push(`${where} › ${test.fullName}: ${firstLine(test.failureMessages)}`);
    // A test that passed on a retry keeps the messages of the attempts that failed.
    for (const test of suite.assertionResults ?? []) {
      if (test.status === 'passed' && test.failureMessages?.length) retried.push(`${where} › ${test.fullName}: ${firstLine(test.failureMessages)}`);
    }
    // A file that failed outside its tests (import error, a hook) has a message and no failed test.
    if (suite.status === 'failed' && failedTests.length === 0) failures.push(`${where}: ${firstLine([suite.message])}`);
  }
}
// A step that failed without a report (typecheck, lint, build, a crashed runner) counts as a failure.
failed += failedSteps.length;
if (retried.length) console.log(`Passed on a retry (flaky, to fix):\n${retried.map((f) => `  ~ ${f}`).join('\n')}`);
if (failures.length) console.log(`Failed tests:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
if (passed === 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);

function firstLine(messages) {
  const text = (messages ?? []).find((m) => typeof m === 'string' && m.trim()) ?? '(no message)';
  return text.trim().split('\n')[0].slice(0, 300);
}
