#!/usr/bin/env bash
# Access check benchmark, one command: starts its own PostgreSQL, the host (Release) and a constant-JSON ASP.NET Core
# baseline as separate processes, seeds through the API, and measures both at the same concurrency in the same run.
#   bench/check.sh [--concurrency 8] [--seconds 10]
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT=${PARTNERS_BENCH_PG_PORT:-5434}
HOST_PORT=${PARTNERS_BENCH_HOST_PORT:-5091}
BASE_PORT=${PARTNERS_BENCH_BASELINE_PORT:-5092}
KEY=benchmark-signing-key-0123456789abcdef0123456789
DATA=.local/bench/postgres
mkdir -p .local/bench
CS=${PARTNERS_BENCH_CONNECTION:-$(deploy/local-postgres.sh start "$DATA" "$PG_PORT")}

for project in src/Host/Holded.Partners.Host.csproj bench/Baseline/Holded.Partners.Bench.Baseline.csproj bench/Check/Holded.Partners.Bench.Check.csproj; do
  dotnet build -c Release -v q -nologo "$project"
done

ConnectionStrings__Partners="$CS" ASPNETCORE_URLS="http://127.0.0.1:$HOST_PORT" ASPNETCORE_ENVIRONMENT=Benchmark \
  Auth__DevelopmentSigningKey=$KEY Access__SessionSigningKey=benchmark-session-key-0123456789abcdef0123456789 \
  Logging__LogLevel__Default=Warning dotnet src/Host/bin/Release/net10.0/Holded.Partners.Host.dll > .local/bench/host.log 2>&1 &
HOST_PID=$!
ASPNETCORE_URLS="http://127.0.0.1:$BASE_PORT" Logging__LogLevel__Default=Warning dotnet bench/Baseline/bin/Release/net10.0/Holded.Partners.Bench.Baseline.dll > .local/bench/baseline.log 2>&1 &
BASE_PID=$!
trap 'kill $HOST_PID $BASE_PID 2>/dev/null || true; wait 2>/dev/null || true; [[ -n "${PARTNERS_BENCH_CONNECTION:-}" ]] || deploy/local-postgres.sh stop "$DATA"' EXIT

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$HOST_PORT/health/ready" >/dev/null && curl -sf "http://127.0.0.1:$BASE_PORT/health" >/dev/null && break
  sleep 0.5
done

dotnet bench/Check/bin/Release/net10.0/Holded.Partners.Bench.Check.dll \
  --host-url "http://127.0.0.1:$HOST_PORT" --baseline-url "http://127.0.0.1:$BASE_PORT" --signing-key "$KEY" \
  --host-pid "$HOST_PID" --baseline-pid "$BASE_PID" "$@"
