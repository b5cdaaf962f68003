#!/usr/bin/env bash
# Rebuilds every search replica's index from the catalogue, through the gateway, and shows each replica's progress
# until all have swapped their new index in. Usage:
#   scripts/rebuild-search.sh [--gateway http://localhost:8080] [--key ADMIN_KEY] [--replicas 2]
# The admin key defaults to the local platform's (.data/api-keys.json); --replicas to the AppHost's default.
set -euo pipefail
cd "$(dirname "$0")/.."

gateway=http://localhost:8080
key=
replicas=2
while [ $# -gt 0 ]; do
  case "$1" in
    --gateway) gateway=$2; shift 2 ;;
    --key) key=$2; shift 2 ;;
    --replicas) replicas=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$key" ] && [ -f .data/api-keys.json ]; then
  key=$(sed -n 's/.*"admin": *"\([^"]*\)".*/\1/p' .data/api-keys.json)
fi
[ -n "$key" ] || { echo "No admin key: pass --key or start the platform once (it writes .data/api-keys.json)." >&2; exit 2; }

field() { sed -n "s/.*\"$1\":\(\"[^\"]*\"\|[^,}]*\).*/\1/p" | tr -d '"'; }

asked=$(date -u +%Y-%m-%dT%H:%M:%S)
curl -fsS -X POST -H "X-Api-Key: $key" "$gateway/api/search/rebuild" >/dev/null
echo "Rebuild asked for at $asked UTC; following $replicas replicas."

declare -A done_at=()
for _ in $(seq 1 3600); do
  status=$(curl -fsS "$gateway/api/search/status")
  replica=$(echo "$status" | field replica)
  finished=$(echo "$status" | sed -n 's/.*"lastBuild":{"finishedAt":"\([^"]*\)".*/\1/p')
  if echo "$status" | grep -q '"rebuilding":{'; then
    loaded=$(echo "$status" | sed -n 's/.*"rebuilding":{"loaded":\([0-9]*\),"seconds":\([0-9.]*\)}.*/\1 statements loaded in \2 s/p')
    echo "  $replica: $loaded"
  elif [ -n "$finished" ] && [[ "$finished" > "$asked" ]] && [ -z "${done_at[$replica]:-}" ]; then
    done_at[$replica]=$finished
    summary=$(echo "$status" | sed -n 's/.*"lastBuild":{[^}]*"statements":\([0-9]*\),"seconds":\([0-9.]*\)}.*/\1 statements in \2 s/p')
    echo "  $replica: rebuilt, $summary"
  fi
  if [ ${#done_at[@]} -ge "$replicas" ]; then
    echo "All $replicas replicas rebuilt."
    exit 0
  fi
  sleep 0.5
done
echo "Gave up waiting: ${#done_at[@]} of $replicas replicas reported a finished rebuild." >&2
exit 1
