#!/usr/bin/env bash
# RabbitMQ from Debian's package, started by the AppHost as an executable resource.
# usage: rabbitmq.sh ROOT   (RABBITMQ_NODE_PORT, RABBITMQ_DIST_PORT and ERL_EPMD_PORT come from the AppHost)
# Calls the broker's own start script (the /usr/sbin wrapper switches user and breaks on root-owned folders) with
# its own epmd on loopback, so nothing binds 0.0.0.0:4369 or outlives the broker.
set -euo pipefail
root="$1"
server=/usr/lib/rabbitmq/bin/rabbitmq-server
[ -x "$server" ] || { echo "RabbitMQ is not installed: run scripts/install-prerequisites.sh" >&2; exit 1; }

mkdir -p "$root/home" "$root/etc" "$root/log" "$root/mnesia"
cookie="$root/home/.erlang.cookie"
if [ ! -f "$cookie" ]; then
  # tr ends on SIGPIPE once head has its 32 letters: not a failure.
  (set +o pipefail; tr -dc 'A-Z' </dev/urandom | head -c 32) >"$cookie"
  chmod 400 "$cookie"
fi
: >"$root/etc/rabbitmq-env.conf"
# No plugins: the management UI would add seconds to every boot.
echo '[].' >"$root/etc/enabled_plugins"
printf 'listeners.tcp.default = 127.0.0.1:%s\nlog.console = true\nlog.console.level = warning\nlog.file = false\n' \
  "$RABBITMQ_NODE_PORT" >"$root/etc/rabbitmq.conf"

export HOME="$root/home" \
  RABBITMQ_CONF_ENV_FILE="$root/etc/rabbitmq-env.conf" \
  RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
  ERL_EPMD_ADDRESS=127.0.0.1 \
  RABBITMQ_MNESIA_BASE="$root/mnesia" \
  RABBITMQ_LOG_BASE="$root/log" \
  RABBITMQ_CONFIG_FILE="$root/etc/rabbitmq.conf" \
  RABBITMQ_ADVANCED_CONFIG_FILE="$root/etc/advanced.config" \
  RABBITMQ_ENABLED_PLUGINS_FILE="$root/etc/enabled_plugins" \
  RABBITMQ_PID_FILE="$root/rabbitmq.pid" \
  RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"

epmd -port "$ERL_EPMD_PORT" -address 127.0.0.1 &
epmd=$!
# Wait for epmd to listen before the broker registers with it: on a busy machine that can take more than a few
# seconds, and a broker that finds no epmd exits at once.
ready=false
for _ in $(seq 600); do (: </dev/tcp/127.0.0.1/"$ERL_EPMD_PORT") 2>/dev/null && { ready=true; break; }; sleep 0.1; done
$ready || { echo "epmd did not start listening on 127.0.0.1:$ERL_EPMD_PORT" >&2; kill "$epmd" 2>/dev/null || true; exit 1; }
"$server" &
broker=$!
# The broker's script stops the node cleanly on SIGTERM; epmd goes once the broker is gone.
trap 'kill -TERM "$broker" 2>/dev/null || true' TERM INT
status=0
while kill -0 "$broker" 2>/dev/null; do
  wait "$broker" || status=$?
done
# Exit only once epmd has gone: a restart right after this exit binds the same port, and an old epmd still closing
# would take the new broker's registration and leave it unable to start.
kill "$epmd" 2>/dev/null || true
wait "$epmd" 2>/dev/null || true
exit "$status"
