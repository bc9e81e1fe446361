#!/usr/bin/env bash
# Runs Holded Partners on http://127.0.0.1:5080 with a local PostgreSQL under .local/ (started, and installed if
# needed). A configured ConnectionStrings__Partners wins: then no local PostgreSQL is started.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${ConnectionStrings__Partners:-}" ]]; then
  export ConnectionStrings__Partners=$(deploy/local-postgres.sh start .local/postgres "${PARTNERS_PG_PORT:-5433}")
  echo "PostgreSQL: $ConnectionStrings__Partners (data in .local/postgres, or where the line above says; stop it with deploy/local-postgres.sh stop .local/postgres)"
fi
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ASPNETCORE_URLS=${PARTNERS_URLS:-http://127.0.0.1:5080}
export Demo__Seed=${Demo__Seed:-if-empty}                                  # the demo data set, into an empty store
export Notifications__MailFolder=${Notifications__MailFolder:-$PWD/.local/mail}   # the development mail sink
exec dotnet run --project src/Host --no-launch-profile -- "$@"
