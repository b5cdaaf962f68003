#!/usr/bin/env bash
# Runs every test against real PostgreSQL, Redis and RabbitMQ (the fixtures start them under Aspire's orchestrator),
# then the extraction quality bars over the hand-labelled seeds when ../shared/seeds is beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-prerequisites.sh
# The third-party clients the contract tests check answers with (OpenAPI linters, a feed reader), from npm.
npm ci --prefix tests/Conformance --no-audit --no-fund --loglevel=error
dotnet build IdmPlatform.sln -c Release -v quiet -nologo
log=$(mktemp)
status=0
dotnet test IdmPlatform.sln -c Release --no-build --nologo 2>&1 | tee "$log" || status=$?

seeds="../shared/seeds"
if [ -f "$seeds/labels.jsonl" ]; then
  echo "== Extraction quality over $seeds"
  dotnet run --project tools/Evaluation/IdmPlatform.Evaluation.csproj -c Release --no-build -- "$seeds" --min-bars || status=1
else
  echo "== $seeds is not beside the checkout: extraction quality bars not checked"
fi

# One line with the totals over every test assembly, last.
awk -F'[:,]' '/(Passed|Failed)!/ { for (i = 1; i < NF; i++) { if ($i ~ /Failed/) f += $(i+1); if ($i ~ /Passed/ && $i !~ /!/) p += $(i+1); if ($i ~ /Skipped/) s += $(i+1) } }
     END { printf "Totals: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
