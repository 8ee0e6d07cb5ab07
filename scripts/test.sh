#!/usr/bin/env bash
# The whole test suite: unit tests (Surefire) and end-to-end *IT tests (Failsafe, integration-tests/).
# First installs the real clients and servers the tests use, if any is missing (Debian/Ubuntu, as root
# or through sudo, non-interactive). Extra arguments go to Maven, e.g. ./scripts/test.sh -o -pl agent -am
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PACKAGES=(ipmitool freeipmi-tools ipmiutil openipmi mosquitto mosquitto-clients redfishtool python3-sushy
          wrk nginx curl python3 openssl dbus systemd util-linux mount hyperfine tshark time)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "test.sh: installing missing packages: ${missing[*]}"
  SUDO=()
  if [[ "$(id -u)" -ne 0 ]]; then
    SUDO=(sudo -n)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q </dev/null
  "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
fi

exec mvn -B -ntp "$@" verify
