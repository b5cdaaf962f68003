#!/usr/bin/env bash
# Installs the servers the platform runs on (PostgreSQL 15 with contrib, Redis 7, RabbitMQ 3.10, aiosmtpd as a
# mail catcher) from Debian's packages when they are missing. apt does not start them: the AppHost and the test fixtures do.
set -euo pipefail

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql postgresql-contrib)
ls /usr/share/postgresql/*/extension/unaccent.control >/dev/null 2>&1 || missing+=(postgresql-contrib)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
# aiosmtpd catches the platform's e-mail locally (the AppHost's and the tests' mail server).
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
# Node.js runs the third-party clients the contract tests use (tests/Conformance).
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
# curl drives scripts/rebuild-search.sh.
command -v curl >/dev/null 2>&1 || missing+=(curl)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "Prerequisites present: $(ls -d /usr/lib/postgresql/*/ | xargs -n1 basename | sed 's/^/PostgreSQL /'), $(redis-server --version | awk '{print $1, $3}'), RabbitMQ $(dpkg-query -W -f='${Version}' rabbitmq-server 2>/dev/null)"
