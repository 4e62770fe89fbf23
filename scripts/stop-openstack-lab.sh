#!/usr/bin/env bash
# Stops the OpenStack lab that scripts/provision-openstack-lab.sh started, and nothing else: each
# service was started in a session of its own, so its recorded pid is also its process group, and
# the group (the service and the workers it forked) is signalled only while that pid is still the
# very process that was started (same start time). MariaDB and RabbitMQ are stopped only when the
# provision script started them itself. Data (databases, keys, images) is kept: provisioning again
# starts the same lab.
#
# Usage: stop-openstack-lab.sh [service...]   (no argument: the whole lab)
set -euo pipefail

LAB=${NFVO_OPENSTACK_LAB:-/var/tmp/nfvo-openstack-lab}
RUN=$LAB/run
GRACE=${GRACE:-15} # seconds before SIGKILL
SERVICES="nova-compute nova-scheduler nova-conductor nova-api neutron-server glance-api placement keystone"

group_pids() { ps -eo pid=,pgid= | awk -v g="$1" '$2 == g { print $1 }'; }
stop_set() {
  local name f pid st cur t pids left targets=()
  for name in "$@"; do
    f=$RUN/$name.pid
    [ -f "$f" ] || continue
    read -r pid st < "$f" || true
    cur=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f20 || true)
    if [ -n "$pid" ] && [ "$cur" = "$st" ] && [ -n "$(group_pids "$pid")" ]; then
      kill -TERM -- "-$pid" 2>/dev/null || true
      targets+=("$name:$pid")
    fi
  done
  [ ${#targets[@]} -gt 0 ] || { for name in "$@"; do rm -f "$RUN/$name.pid"; done; return 0; }
  for _ in $(seq $((GRACE * 4))); do
    left=0
    for t in "${targets[@]}"; do [ -z "$(group_pids "${t#*:}")" ] || left=1; done
    [ $left = 1 ] || break
    sleep 0.25
  done
  for t in "${targets[@]}"; do
    pids=$(group_pids "${t#*:}")
    if [ -n "$pids" ]; then
      # shellcheck disable=SC2086
      kill -KILL $pids 2>/dev/null || true
      echo "openstack-lab: ${t%%:*} needed SIGKILL"
    fi
    echo "openstack-lab: stopped ${t%%:*} (process group ${t#*:})"
  done
  for name in "$@"; do rm -f "$RUN/$name.pid"; done
}

if [ $# -gt 0 ]; then
  stop_set "$@"
  exit 0
fi
stop_set $SERVICES
# The machine's own MariaDB and RabbitMQ have no pid file here and are left alone.
stop_set rabbitmq
stop_set mariadb
