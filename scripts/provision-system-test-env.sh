#!/usr/bin/env bash
# Installs what the system tests (test/system) need to build Open vSwitch sites in network namespaces:
# OVS itself, an sshd per site, ethtool (checksum offload must go off on every veth, or TCP fails on
# the userspace datapath), ping, nc and tcpdump for the checks, and iproute2 for the namespaces.
# Idempotent: installs only what is missing, and does nothing (exit 0) when everything is there.
# The packages' postinst scripts start nothing without systemd, and nothing is started here either:
# the tests run their own daemons.
set -euo pipefail

if [ "$(id -u)" != 0 ]; then
  echo "provision: not root, skipping"
  exit 0
fi

# A command each package provides, so that presence is checked the way the tests use it.
declare -A provides=(
  [openvswitch-switch]=ovs-vswitchd
  [openssh-server]=/usr/sbin/sshd
  [ethtool]=ethtool
  [iputils-ping]=ping
  [netcat-openbsd]=nc
  [tcpdump]=tcpdump
  [iproute2]=ip
)

# The daemons live in sbin, which a non-login root shell may not have on PATH.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

missing=()
for pkg in openvswitch-switch openssh-server ethtool iputils-ping netcat-openbsd tcpdump iproute2; do
  if command -v "${provides[$pkg]}" >/dev/null 2>&1; then
    echo "provision: $pkg present (${provides[$pkg]})"
  else
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "provision: nothing to install"
  exit 0
fi

echo "provision: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# policy-rc.d 101 keeps invoke-rc.d from starting any service, also on machines that do run an init.
policy=/usr/sbin/policy-rc.d
own_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
  own_policy=1
fi
trap 'if [ "$own_policy" = 1 ]; then rm -f "$policy"; fi' EXIT
apt-get install -y -q --no-install-recommends "${missing[@]}"

for pkg in "${missing[@]}"; do
  command -v "${provides[$pkg]}" >/dev/null 2>&1 || { echo "provision: $pkg installed but ${provides[$pkg]} not found" >&2; exit 1; }
done
echo "provision: installed ${missing[*]}"
