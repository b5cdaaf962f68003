#!/usr/bin/env bash
# Runs every test against real PostgreSQL, Redis and RabbitMQ, which the test fixtures start themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-prerequisites.sh
dotnet build IdmPlatform.sln -c Release -v quiet -nologo
log=$(mktemp)
status=0
dotnet test IdmPlatform.sln -c Release --no-build --nologo 2>&1 | tee "$log" || status=$?
# One line with the totals over every test assembly.
awk -F'[:,]' '/(Passed|Failed)!/ { for (i = 1; i < NF; i++) { if ($i ~ /Failed/) f += $(i+1); if ($i ~ /Passed/ && $i !~ /!/) p += $(i+1); if ($i ~ /Skipped/) s += $(i+1) } }
     END { printf "Totals: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
