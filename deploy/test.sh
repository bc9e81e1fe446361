#!/usr/bin/env bash
# Runs the whole test suite. Each test project starts its own disposable PostgreSQL under .local/tests
# (or uses a fresh database on PARTNERS_TEST_CONNECTION when set) and removes it at the end.
# Ends with one line of totals: "Tests: N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."

# The browser tests drive Debian's Chromium (no browser download): install it when missing.
if [[ ! -x /usr/bin/chromium ]]; then
  if command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
    echo "Installing Debian's chromium for the browser tests..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Chromium at /usr/bin/chromium (Debian/Ubuntu: sudo apt-get install chromium)." >&2
  fi
fi

results=.local/test-results
rm -rf "$results"
mkdir -p "$results"
# Clusters left behind by an interrupted run.
for stale in .local/tests/pg-*; do
  [[ -d "$stale" && "$stale" != *.run ]] || continue
  deploy/local-postgres.sh destroy "$stale" >/dev/null 2>&1 || true
done

# Built once; then the browser tests (mostly waiting on pages) run beside the other projects, one after another
# there: each project has its own PostgreSQL, so the two streams share nothing but the machine.
dotnet build Holded.Partners.sln 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
if [[ $status -eq 0 ]]; then
  dotnet test tests/Web.Tests --no-build "$@" > "$results/web.log" 2>&1 &
  web=$!
  for project in $(ls -d tests/*/ | grep -v -e Web.Tests -e Support); do
    dotnet test "$project" --no-build "$@" 2>&1 | tee -a "$results/console.log"
    [[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
  done
  wait $web || status=1
  cat "$results/web.log" >> "$results/console.log"
  cat "$results/web.log"
fi

sum() { grep -E '^(Passed|Failed)!' "$results/console.log" | sed -n "s/.* $1: *\([0-9]*\).*/\1/p" | awk '{s += $1} END {print s + 0}'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi # a build or host failure counts as a failure

line="Tests: $passed passed, $failed failed"
if [[ $skipped -gt 0 ]]; then line="$line, $skipped skipped"; fi
if [[ -n "${PARTNERS_TOTALS_FILE:-}" ]]; then echo "$line" > "$PARTNERS_TOTALS_FILE"; else echo; echo "$line"; fi
exit $status
