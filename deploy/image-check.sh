#!/usr/bin/env bash
# Proves here what the container image does, without Docker: generates the code, publishes with -p:StaticCode=true
# (no compiler shipped), starts the published host in Production against a local PostgreSQL and checks that it serves.
#   deploy/image-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=.local/image
PORT=${PARTNERS_IMAGE_PORT:-5098}
CS=${ConnectionStrings__Partners:-$(deploy/local-postgres.sh start .local/image-postgres "${PARTNERS_IMAGE_PG_PORT:-5435}")}

(cd src/Host && ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Partners="Host=unused;Database=unused" \
  dotnet run --no-launch-profile -- codegen write > /dev/null)
rm -rf "$OUT" && dotnet publish src/Host -c Release -p:StaticCode=true -p:PublishReadyToRun=true --use-current-runtime --self-contained false -o "$OUT" -v q -nologo > /dev/null
rm -rf src/Host/Internal/Generated   # stale generated code must never reach a later ordinary build
if ls "$OUT" | grep -qi "Microsoft.CodeAnalysis"; then echo "FAIL: the published host ships a compiler"; exit 1; fi

# The schema first (production never creates it on its own), as the operator's deploy step would.
ConnectionStrings__Partners="$CS" ASPNETCORE_ENVIRONMENT=Development Auth__DevelopmentSigningKey=image-check-key-0123456789abcdef0123456789 \
  Access__SessionSigningKey=image-check-session-key-0123456789abcdef01234 dotnet "$OUT/Holded.Partners.Host.dll" db-apply > /dev/null

[[ -f .local/image-audit-key.pem ]] || openssl ecparam -name prime256v1 -genkey -noout -out .local/image-audit-key.pem 2> /dev/null
start=$(date +%s%N)
Audit__SigningKeyFile=.local/image-audit-key.pem ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Partners="$CS" ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
  Auth__Authority=https://login.example.com/ Auth__Audience=holded-partners Auth__PortalClientId=holded-partners-portal Logging__Json=true \
  Access__SessionSigningKey=image-check-session-key-0123456789abcdef01234 dotnet "$OUT/Holded.Partners.Host.dll" > .local/image.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; [[ -n "${ConnectionStrings__Partners:-}" ]] || deploy/local-postgres.sh stop .local/image-postgres > /dev/null' EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/health/ready" > /dev/null && break; sleep 0.1; done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
curl -sf "http://127.0.0.1:$PORT/api/v1/directory/partners" > /dev/null
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/me")
[[ "$status" == 401 ]] || { echo "FAIL: /api/v1/me answered $status without a token"; exit 1; }
echo "OK: the pre-generated, compiler-free build served in production mode ${ready} ms after start"
