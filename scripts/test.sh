#!/usr/bin/env bash
# The whole test suite: typecheck, lint, unit/API tests (PGlite, and PostgreSQL when DATABASE_URL
# is set), the web build, browser tests in Chromium, and (when NODE24 points at a node binary)
# a portability run on Node 24: the pure core, the CLI, the database layer and the HTTP app, on PGlite
# (what differs between Node versions is the runtime and the embedded engine; the whole suite just
# ran on Node 20 against both engines, and running it all again would push CI past 30 minutes).
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
out=.tmp/test-results
rm -rf "$out" && mkdir -p "$out"
failed_steps=()

step() { # name, command...
  local name=$1; shift
  echo "── $name"
  "$@" || failed_steps+=("$name")
}

step typecheck npx tsc -p tsconfig.json --noEmit
step lint npx eslint . --max-warnings 0
# Three workers on two cores: most unit/API tests wait on a database, so this is ~1.5× faster than the default one.
step "unit+api (node $(node --version), ${DATABASE_URL:+postgres+}pglite)" \
  npx vitest run --project unit --maxWorkers=3 --reporter=dot --reporter=json --outputFile.json="$out/unit.json"
step "web build" npx vite build --logLevel warn
if [ -x /usr/bin/chromium ]; then
  step "browser e2e (chromium)" npx vitest run --project e2e --reporter=default --reporter=json --outputFile.json="$out/e2e.json"
elif [ "${CI:-}" = "true" ]; then
  echo "Chromium is missing (apt-get install chromium)"; failed_steps+=("browser e2e")
else
  echo "── browser e2e skipped: /usr/bin/chromium not found (apt-get install chromium)"
fi
# Fault tests (kill -9 of a real server, PostgreSQL restarted under load, broken data folders).
step "faults" npx vitest run --project faults --passWithNoTests --reporter=dot --reporter=json --outputFile.json="$out/faults.json"
# Two app instances + PgBouncer + a primary and a streaming replica, all local processes.
if command -v pgbouncer >/dev/null && ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  step "scale-out" npx vitest run --project scale-out --passWithNoTests --reporter=default --reporter=json --outputFile.json="$out/scale-out.json"
elif [ "${CI:-}" = "true" ]; then
  echo "pgbouncer or PostgreSQL is missing (apt-get install pgbouncer postgresql)"; failed_steps+=("scale-out")
else
  echo "── scale-out skipped: pgbouncer or PostgreSQL binaries not found (apt-get install pgbouncer postgresql)"
fi
if [ -n "${NODE24:-}" ]; then
  step "portability ($("$NODE24" --version), pglite)" env -u DATABASE_URL "$NODE24" node_modules/vitest/vitest.mjs run --project unit \
    src/core src/cli src/db src/server/app.test.ts src/server/routes/kpis.test.ts test/security/openapi.test.ts --reporter=dot --reporter=json --outputFile.json="$out/unit-node24.json"
fi

node scripts/summarize-tests.mjs "$out" "${failed_steps[@]+"${failed_steps[@]}"}"
