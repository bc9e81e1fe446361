#!/usr/bin/env bash
# Directory search benchmark, one command: starts its own PostgreSQL and the host (Release build, separate process),
# seeds listings, measures the endpoint against raw SQL in the same run, prints the table and writes bench/results/search.json.
#   bench/search.sh [--listings 10000] [--concurrency 8] [--seconds 10]
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT=${PARTNERS_BENCH_PG_PORT:-5434}
HOST_PORT=${PARTNERS_BENCH_HOST_PORT:-5091}
DATA=.local/bench/postgres
CS=${PARTNERS_BENCH_CONNECTION:-$(deploy/local-postgres.sh start "$DATA" "$PG_PORT")}

dotnet build -c Release -v q -nologo src/Host/Holded.Partners.Host.csproj
dotnet build -c Release -v q -nologo bench/Search/Holded.Partners.Bench.Search.csproj

ConnectionStrings__Partners="$CS" ASPNETCORE_URLS="http://127.0.0.1:$HOST_PORT" ASPNETCORE_ENVIRONMENT=Benchmark \
  Auth__DevelopmentSigningKey=benchmark-signing-key-0123456789abcdef0123456789 \
  Access__SessionSigningKey=benchmark-session-key-0123456789abcdef0123456789 \
  Marketplace__DirectoryRequestsPerMinute=1000000000 Logging__LogLevel__Default=Warning \
  dotnet src/Host/bin/Release/net10.0/Holded.Partners.Host.dll > .local/bench/host.log 2>&1 &
HOST_PID=$!
trap 'kill $HOST_PID 2>/dev/null || true; wait $HOST_PID 2>/dev/null || true; [[ -n "${PARTNERS_BENCH_CONNECTION:-}" ]] || deploy/local-postgres.sh stop "$DATA"' EXIT

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$HOST_PORT/health/ready" >/dev/null && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$HOST_PORT/health/ready" >/dev/null || { echo "host did not start; see .local/bench/host.log" >&2; exit 1; }

dotnet bench/Search/bin/Release/net10.0/Holded.Partners.Bench.Search.dll \
  --host-url "http://127.0.0.1:$HOST_PORT" --connection "$CS" "$@"
