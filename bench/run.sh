#!/usr/bin/env bash
# Every benchmark, one command: starts its own PostgreSQL (under .local/bench), publishes the host as the image does
# (code generated at build, no compiler), builds the plain ASP.NET Core baseline, the stack alone (bench/StackFloor) and
# the harness, and runs every scenario against its ceiling in the same run. Prints one table of ratios; writes
# bench/results/benchmarks.json.
#   bench/run.sh [--only start,check,command,ingest,search,audit,revocation,rebuild] [--concurrency 8] [--seconds 5] [--rounds 3]
#                [--listings 50000] [--events 1000000] [--starts 5] [--audit-entries 1000000] [--revocations 1000] [--ends 240] [--latency-rounds 7]
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT=${PARTNERS_BENCH_PG_PORT:-5434}
DATA=.local/bench/postgres
OUT=.local/bench/host
mkdir -p .local/bench
# pg_stat_statements: the statements each request costs (the capacity model's statements per request).
CS=${PARTNERS_BENCH_CONNECTION:-$(PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements" deploy/local-postgres.sh start "$DATA" "$PG_PORT")}
[[ -n "${PARTNERS_BENCH_CONNECTION:-}" ]] || trap 'deploy/local-postgres.sh stop "$DATA" > /dev/null' EXIT

echo "publishing the host with pre-generated code..."
(cd src/Host && ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Partners="Host=unused;Database=unused" \
  dotnet run --no-launch-profile -- codegen write > /dev/null)
rm -rf "$OUT" && dotnet publish src/Host -c Release -p:StaticCode=true -p:PublishReadyToRun=true --use-current-runtime --self-contained false -o "$OUT" -v q -nologo > /dev/null
rm -rf src/Host/Internal/Generated   # stale generated code must never reach a later ordinary build
rm -rf .local/bench/stack-floor && dotnet publish bench/StackFloor -c Release -p:PublishReadyToRun=true --use-current-runtime --self-contained false -o .local/bench/stack-floor -v q -nologo > /dev/null
dotnet build -c Release -v q -nologo bench/Baseline/Holded.Partners.Bench.Baseline.csproj > /dev/null
dotnet build -c Release -v q -nologo bench/Harness/Holded.Partners.Bench.Harness.csproj > /dev/null

dotnet bench/Harness/bin/Release/net10.0/Holded.Partners.Bench.Harness.dll --connection "$CS" \
  --host-dll "$OUT/Holded.Partners.Host.dll" --baseline-dll bench/Baseline/bin/Release/net10.0/Holded.Partners.Bench.Baseline.dll \
  --stack-floor-dll .local/bench/stack-floor/Holded.Partners.Bench.StackFloor.dll "$@"
