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
# Clusters left behind by an interrupted run.
for stale in .local/tests/pg-*; do
  [[ -d "$stale" && "$stale" != *.run ]] || continue
  deploy/local-postgres.sh destroy "$stale" >/dev/null 2>&1 || true
done

dotnet test Holded.Partners.sln --logger "trx" --results-directory "$results" "$@"
status=$?

total=0; passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$((total + $(value total)))
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed)))
  skipped=$((skipped + $(value notExecuted)))
done
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi # a build or host failure counts as a failure

line="Tests: $passed passed, $failed failed"
if [[ $skipped -gt 0 ]]; then line="$line, $skipped skipped"; fi
echo "$line"
exit $status
