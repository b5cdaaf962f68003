#!/usr/bin/env bash
# Starts the whole platform with its sample data: servers, services, gateway (:8080) and dashboard (:18888).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-prerequisites.sh
dotnet build IdmPlatform.sln -c Release -v quiet -nologo
exec dotnet run --project AppHost/IdmPlatform.AppHost.csproj -c Release --no-build -- "$@"
