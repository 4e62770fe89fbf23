#!/usr/bin/env bash
# Provisions a real OpenStack Zed control plane on this machine for the tests that talk to a VIM:
# Keystone, Placement, Nova (compute on fake.FakeDriver: no guests, no hypervisor), Glance (file
# store) and Neutron (ML2 with a tiny agent-less driver that binds every port), all from Debian 12's
# packages. Their APIs, policies, schedulers, quotas and error bodies are a real cloud's; there is
# no data plane. Each service is a background process group on 127.0.0.1 (5000 identity, 8774
# compute, 8778 placement, 9292 image, 9696 network: one lab per machine), on the machine's MariaDB
# and RabbitMQ (installed and started only if absent) with databases nfvolab_* and vhost
# nfvo-openstack-lab. State, configuration, logs and env files live in $NFVO_OPENSTACK_LAB (default
# /var/tmp/nfvo-openstack-lab, outside any checkout: CI in a fresh clone reuses the lab). Idempotent:
# a re-run on a running lab only checks it. scripts/stop-openstack-lab.sh stops it.
# Result: $LAB/admin.env (project admin) and $LAB/member.env (project nfvo, roles member and reader
# only, as an NFVO's VIM account normally is), public flavors m1.tiny..m1.large and a public image.
set -euo pipefail

if [ "$(id -u)" != 0 ]; then
  echo "openstack-lab: must run as root (it installs packages and starts services)" >&2
  exit 1
fi

LAB=${NFVO_OPENSTACK_LAB:-/var/tmp/nfvo-openstack-lab}
ETC=$LAB/etc LOGS=$LAB/logs RUN=$LAB/run STATE=$LAB/state BIN=$LAB/bin PLUG=$LAB/plugins
HERE=$(cd "$(dirname "$0")" && pwd)
IP=127.0.0.1 REGION=RegionOne
KS_PORT=5000 NOVA_PORT=8774 PLACEMENT_PORT=8778 GLANCE_PORT=9292 NEUTRON_PORT=9696
DB_PREFIX=nfvolab_ DB_USER=nfvolab RABBIT_VHOST=nfvo-openstack-lab RABBIT_USER=nfvolab
DBS="keystone nova_api nova nova_cell0 placement neutron glance"
SERVICES="keystone placement nova-api glance-api neutron-server nova-conductor nova-scheduler nova-compute"
IMAGE_NAME=cirros-0.6.2-x86_64-disk
FLAVORS="1:m1.tiny:1:512:1 2:m1.small:1:2048:20 3:m1.medium:2:4096:40 4:m1.large:4:8192:80" # id:name:vcpus:MiB:GiB

# The services are Debian's Python programs: Debian's python3 must win over a pyenv or venv one,
# and nothing from the caller's Python or OpenStack environment may leak into them (a sourced
# member.env would otherwise make the admin steps below run as the member).
export PATH=/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH DEBIAN_FRONTEND=noninteractive
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV $(compgen -e | grep '^OS_' || true)

T0=$(date +%s)
mkdir -p "$LAB" && chmod 700 "$LAB" # configs, logs and env files hold passwords
mkdir -p "$ETC"/{keystone,nova,placement,neutron,glance} "$LOGS" "$RUN" "$BIN" "$PLUG" \
  "$STATE"/{keystone,nova/instances,neutron,locks,glance/images,glance/staging,glance/tasks}
# Two provisioning runs at once (two CI jobs) would start everything twice.
exec 9>"$LAB/provision.lock"
flock -w 900 9 || { echo "openstack-lab: another provisioning run holds $LAB/provision.lock" >&2; exit 1; }

log() { echo "openstack-lab: [$(($(date +%s) - T0)) s] $*"; }
# On any failure, show the end of the log of the step that failed.
CURLOG=
trap 'rc=$?; if [ $rc != 0 ] && [ -n "$CURLOG" ]; then echo "openstack-lab: FAILED (exit $rc); tail of $CURLOG:" >&2; tail -n 40 "$CURLOG" >&2; fi' EXIT
port_open() { (exec 3<>"/dev/tcp/$IP/$1") 2>/dev/null; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }
sql() { mysql -uroot -N -B -e "$1"; }
# Pid files hold "PID STARTTIME" so that a recycled pid is never taken for one of ours.
pid_id() { [ -r "/proc/$1/stat" ] && echo "$1 $(sed 's/.*) //' "/proc/$1/stat" | cut -d' ' -f20)"; }
alive() { [ -f "$RUN/$1.pid" ] && [ "$(cat "$RUN/$1.pid")" = "$(pid_id "$(cut -d' ' -f1 "$RUN/$1.pid")" || true)" ]; }

# ---------------------------------------------------------------------------------------- secrets
# Generated once per lab directory. A new lab directory means new secrets and fresh keys, so the
# databases and vhost a former one left behind are orphans (their image rows point to files that are
# gone, their users have other passwords): they are dropped below, once per lab directory.
if [ ! -s "$STATE/secrets.env" ]; then
  gen() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }
  printf 'DB_PASS=%s\nRABBIT_PASS=%s\nADMIN_PASS=%s\nSERVICE_PASS=%s\nMEMBER_PASS=%s\n' \
    "$(gen)" "$(gen)" "$(gen)" "$(gen)" "$(gen)" > "$STATE/secrets.env.new"
  chmod 600 "$STATE/secrets.env.new" && mv "$STATE/secrets.env.new" "$STATE/secrets.env"
fi
# shellcheck disable=SC1091
. "$STATE/secrets.env"

# --------------------------------------------------------------------------------------- packages
# The daemon packages (nova-compute, neutron-server, ...) would pull QEMU/libvirt or start services
# from init scripts: only the Python packages and the *-common ones (configs, paste files, users).
PKGS="python3-keystone python3-nova python3-placement python3-neutron python3-glance python3-glance-store
  nova-common neutron-common glance-common placement-common python3-openstackclient python3-pymysql
  uwsgi-core uwsgi-plugin-python3 curl"
apt_install() {
  # policy-rc.d 101 keeps a postinst from starting a service (this script starts what it needs);
  # the lock timeout waits for another apt run instead of failing on its lock.
  local own_policy=0 rc=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; own_policy=1; fi
  CURLOG=$LOGS/apt.log
  [ -n "$(find /var/lib/apt/lists -name '*Packages*' -mmin -1440 2>/dev/null | head -n1)" ] \
    || apt-get -o DPkg::Lock::Timeout=900 update -q >> "$CURLOG" 2>&1 || rc=$?
  [ $rc != 0 ] || apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends "$@" >> "$CURLOG" 2>&1 || rc=$?
  if [ $own_policy = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  return $rc
}
missing=$(for p in $PKGS; do installed "$p" || echo "$p"; done)
if [ -n "$missing" ]; then
  log "installing $(echo $missing)"
  # The *-common packages ask whether to configure a database, RabbitMQ and Keystone: nothing.
  for s in nova neutron glance placement; do
    for q in configure_db configure_rabbit configure_ksat configure_neutron configure_placement configure_nova; do
      echo "$s-common $s/$q boolean false"
    done
  done | debconf-set-selections
  # shellcheck disable=SC2086
  apt_install $missing
  log "packages installed"
fi

# ------------------------------------------------------------------------------ MariaDB, RabbitMQ
if ! port_open 3306; then
  log "no MariaDB on 3306: starting one"
  installed mariadb-server || apt_install mariadb-server
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  CURLOG=$LOGS/mariadb.log
  setsid nohup /usr/bin/mysqld_safe --bind-address=127.0.0.1 >> "$CURLOG" 2>&1 < /dev/null 9>&- &
  pid_id $! > "$RUN/mariadb.pid"
  for _ in $(seq 60); do port_open 3306 && break; sleep 1; done
  port_open 3306
fi
if ! port_open 5672; then
  log "no RabbitMQ on 5672: starting one"
  installed rabbitmq-server || apt_install rabbitmq-server
  CURLOG=$LOGS/rabbitmq.log
  # setpriv, not su: su -c puts the server in a session of its own, out of reach of the stop script.
  (cd /var/lib/rabbitmq && exec setsid nohup setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups \
    env HOME=/var/lib/rabbitmq RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 /usr/lib/rabbitmq/bin/rabbitmq-server \
    >> "$CURLOG" 2>&1 < /dev/null 9>&-) &
  pid_id $! > "$RUN/rabbitmq.pid"
  for _ in $(seq 90); do port_open 5672 && break; sleep 1; done
  rabbitmqctl await_startup >> "$CURLOG" 2>&1
fi

CURLOG=$LOGS/infra.log
if [ ! -f "$STATE/databases.claimed" ]; then
  for d in $DBS; do echo "DROP DATABASE IF EXISTS \`$DB_PREFIX$d\`;"; done | mysql -uroot
  rabbitmqctl delete_vhost "$RABBIT_VHOST" >> "$CURLOG" 2>&1 || true
  rm -f "$STATE/dbsync.stamp"
  touch "$STATE/databases.claimed"
fi
# Setting the same password again changes nothing for connections already open.
{
  for d in $DBS; do echo "CREATE DATABASE IF NOT EXISTS \`$DB_PREFIX$d\` CHARACTER SET utf8mb4;"; done
  for h in localhost 127.0.0.1; do
    echo "CREATE USER IF NOT EXISTS '$DB_USER'@'$h' IDENTIFIED BY '$DB_PASS';"
    echo "ALTER USER '$DB_USER'@'$h' IDENTIFIED BY '$DB_PASS';"
    for d in $DBS; do echo "GRANT ALL PRIVILEGES ON \`$DB_PREFIX$d\`.* TO '$DB_USER'@'$h';"; done
  done
} | mysql -uroot
# rabbitmqctl takes seconds per call: skip it when our user already logs in to our vhost.
TRANSPORT="rabbit://$RABBIT_USER:$RABBIT_PASS@$IP:5672/$RABBIT_VHOST"
if ! /usr/bin/python3 -c 'import sys, kombu; kombu.Connection(sys.argv[1], connect_timeout=5).ensure_connection(max_retries=1)' \
     "$TRANSPORT" >> "$CURLOG" 2>&1; then
  rabbitmqctl list_vhosts -q | grep -qx "$RABBIT_VHOST" || rabbitmqctl add_vhost "$RABBIT_VHOST" >> "$CURLOG"
  rabbitmqctl list_users -q | awk '{print $1}' | grep -qx "$RABBIT_USER" \
    || rabbitmqctl add_user "$RABBIT_USER" "$RABBIT_PASS" >> "$CURLOG"
  rabbitmqctl change_password "$RABBIT_USER" "$RABBIT_PASS" >> "$CURLOG"
  rabbitmqctl set_permissions -p "$RABBIT_VHOST" "$RABBIT_USER" ".*" ".*" ".*" >> "$CURLOG"
fi
log "databases ${DB_PREFIX}* and RabbitMQ vhost $RABBIT_VHOST ready"

# ---------------------------------------------------------------------------------- configuration
# A file is rewritten only when its content changes, and a running service whose configuration
# changed is restarted (the lab outlives checkouts, so a newer script must not meet stale daemons).
CHANGED=" "
put() { # file service... < content
  local f=$1; shift
  cat > "$f.new"
  if cmp -s "$f.new" "$f"; then rm -f "$f.new"; else mv "$f.new" "$f"; CHANGED="$CHANGED$* "; fi
}
DBURL="mysql+pymysql://$DB_USER:$DB_PASS@$IP"
KS="http://$IP:$KS_PORT"
ksat() { # authentication section body for service user $1
  printf '%s\n' "www_authenticate_uri = $KS/v3" "auth_url = $KS/v3" "auth_type = password" \
    "project_domain_name = Default" "user_domain_name = Default" "project_name = service" \
    "username = $1" "password = $SERVICE_PASS" "region_name = $REGION"
}
# Policy files in /etc/<service> must not make the lab differ from a default-policy cloud.
# (Neither path exists; an empty policy_dirs would read every file in the config directory.)
policy() { printf '[oslo_policy]\npolicy_file = %s/policy.yaml\npolicy_dirs = %s/policy.d\n' "$ETC/$1" "$ETC/$1"; }

put "$ETC/keystone/keystone.conf" keystone <<EOF
[database]
connection = $DBURL/${DB_PREFIX}keystone
[token]
provider = fernet
[fernet_tokens]
key_repository = $STATE/keystone/fernet-keys
[credential]
key_repository = $STATE/keystone/credential-keys
$(policy keystone)
EOF

put "$ETC/placement/placement.conf" placement <<EOF
[placement_database]
connection = $DBURL/${DB_PREFIX}placement
[keystone_authtoken]
$(ksat placement)
$(policy placement)
EOF

put "$ETC/nova/api-paste.ini" nova-api < /usr/share/nova-common/api-paste.ini
# A fixed host name: the lab's state outlives a container whose host name changes between runs.
# Allocation ratios let the fake hypervisor take many small servers.
put "$ETC/nova/nova.conf" nova-api nova-conductor nova-scheduler nova-compute <<EOF
[DEFAULT]
host = nfvo-openstack-lab
transport_url = $TRANSPORT
my_ip = $IP
state_path = $STATE/nova
compute_driver = fake.FakeDriver
vif_plugging_is_fatal = False
vif_plugging_timeout = 0
cpu_allocation_ratio = 16.0
ram_allocation_ratio = 1.5
[wsgi]
api_paste_config = $ETC/nova/api-paste.ini
[api_database]
connection = $DBURL/${DB_PREFIX}nova_api
[database]
connection = $DBURL/${DB_PREFIX}nova
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = 30
[keystone_authtoken]
$(ksat nova)
[service_user]
send_service_user_token = True
$(ksat nova)
[placement]
$(ksat nova)
[neutron]
$(ksat neutron)
[oslo_concurrency]
lock_path = $STATE/locks
[vnc]
enabled = False
$(policy nova)
EOF

put "$ETC/glance/glance-api.conf" glance-api <<EOF
[DEFAULT]
bind_host = $IP
bind_port = $GLANCE_PORT
workers = 1
node_staging_uri = file://$STATE/glance/staging
enabled_backends = file:file
[glance_store]
default_backend = file
[file]
filesystem_store_datadir = $STATE/glance/images
[os_glance_staging_store]
filesystem_store_datadir = $STATE/glance/staging
[os_glance_tasks_store]
filesystem_store_datadir = $STATE/glance/tasks
[database]
connection = $DBURL/${DB_PREFIX}glance
[keystone_authtoken]
$(ksat glance)
[paste_deploy]
flavor = keystone
config_file = /etc/glance/glance-api-paste.ini
[oslo_concurrency]
lock_path = $STATE/locks
$(policy glance)
EOF

put "$ETC/neutron/neutron.conf" neutron-server <<EOF
[DEFAULT]
bind_host = $IP
bind_port = $NEUTRON_PORT
core_plugin = ml2
service_plugins = router
transport_url = $TRANSPORT
api_workers = 1
rpc_workers = 1
rpc_state_report_workers = 1
api_paste_config = /etc/neutron/api-paste.ini
state_path = $STATE/neutron
dhcp_agent_notification = False
[database]
connection = $DBURL/${DB_PREFIX}neutron
[keystone_authtoken]
$(ksat neutron)
[nova]
$(ksat nova)
[oslo_concurrency]
lock_path = $STATE/locks
[ml2]
type_drivers = flat,vlan,vxlan
tenant_network_types = vxlan
mechanism_drivers = fakebind
extension_drivers = port_security
[ml2_type_vlan]
network_vlan_ranges = physnet1:100:199
[ml2_type_vxlan]
vni_ranges = 1:10000
$(policy neutron)
EOF

# Without agents no shipped ML2 driver binds a port, and Nova fails a boot on binding_failed: this
# one binds every port as ovs and marks it ACTIVE. It is found through an entry point on
# neutron-server's PYTHONPATH.
put "$PLUG/fakebind_mech.py" neutron-server <<'EOF'
from neutron_lib.api.definitions import portbindings
from neutron_lib import constants as const
from neutron_lib.plugins.ml2 import api


class FakeBindMechanismDriver(api.MechanismDriver):
    def initialize(self):
        pass

    @property
    def connectivity(self):
        return portbindings.CONNECTIVITY_L2

    def bind_port(self, context):
        for segment in context.segments_to_bind:
            context.set_binding(segment[api.ID], portbindings.VIF_TYPE_OVS,
                                {portbindings.CAP_PORT_FILTER: True, portbindings.OVS_HYBRID_PLUG: False},
                                status=const.PORT_STATUS_ACTIVE)
            return

    def filter_hosts_with_segment_access(self, context, segments, candidate_hosts, agent_getter):
        return set(candidate_hosts)
EOF
mkdir -p "$PLUG/fakebind-1.0.dist-info"
printf 'Metadata-Version: 2.1\nName: fakebind\nVersion: 1.0\n' | put "$PLUG/fakebind-1.0.dist-info/METADATA" neutron-server
printf '[neutron.ml2.mechanism_drivers]\nfakebind = fakebind_mech:FakeBindMechanismDriver\n' \
  | put "$PLUG/fakebind-1.0.dist-info/entry_points.txt" neutron-server
# Launchers for the daemons whose own packages would pull a hypervisor or init scripts.
for s in nova.cmd.conductor:nova-conductor nova.cmd.scheduler:nova-scheduler nova.cmd.compute:nova-compute glance.cmd.api:glance-api; do
  printf '#!/usr/bin/python3\nimport sys\nfrom %s import main\nsys.exit(main())\n' "${s%%:*}" | put "$BIN/${s##*:}" "${s##*:}"
  chmod 755 "$BIN/${s##*:}"
done

# ---------------------------------------------------------------------------------------- db sync
# The syncs take half a minute: skipped when the package versions are those of the last sync and
# the schemas are there. A sync (package upgrade) stops the old daemons first.
STAMP=$( (dpkg-query -W python3-keystone python3-nova python3-placement python3-neutron python3-glance; echo "$DB_PREFIX") | md5sum | cut -c1-32)
if [ "$(cat "$STATE/dbsync.stamp" 2>/dev/null)" = "$STAMP" ] && sql "SELECT 1 FROM \`${DB_PREFIX}keystone\`.project LIMIT 1;
    SELECT 1 FROM \`${DB_PREFIX}nova\`.instances LIMIT 0; SELECT 1 FROM \`${DB_PREFIX}neutron\`.networks LIMIT 0;
    SELECT 1 FROM \`${DB_PREFIX}glance\`.images LIMIT 0; SELECT 1 FROM \`${DB_PREFIX}placement\`.resource_providers LIMIT 0;
    SELECT 1 FROM \`${DB_PREFIX}nova_api\`.cell_mappings LIMIT 0;" > /dev/null 2>&1; then
  log "databases already synced"
else
  bash "$HERE/stop-openstack-lab.sh" $SERVICES
  log "syncing databases"
  CURLOG=$LOGS/db-sync.log
  K="--config-file $ETC/keystone/keystone.conf" N="--config-file $ETC/nova/nova.conf"
  # The cell mappings are templates filled from nova.conf's own [database] connection and
  # transport_url, so they never hold a password.
  # A subshell, not a { } group: the failure report must not land in the redirected output.
  # shellcheck disable=SC2086
  (
    keystone-manage $K db_sync
    [ -f "$STATE/keystone/fernet-keys/0" ] || keystone-manage $K fernet_setup --keystone-user root --keystone-group root
    [ -f "$STATE/keystone/credential-keys/0" ] || keystone-manage $K credential_setup --keystone-user root --keystone-group root
    # bootstrap leaves an existing admin's password alone when it is already this one
    keystone-manage $K bootstrap --bootstrap-password "$ADMIN_PASS" --bootstrap-admin-url "$KS/v3/" \
      --bootstrap-internal-url "$KS/v3/" --bootstrap-public-url "$KS/v3/" --bootstrap-region-id "$REGION"
    placement-manage --config-file "$ETC/placement/placement.conf" db sync
    nova-manage $N api_db sync
    nova-manage $N cell_v2 list_cells | grep -q " cell0 " \
      || nova-manage $N cell_v2 map_cell0 --database_connection "{scheme}://{username}:{password}@{hostname}/${DB_PREFIX}nova_cell0"
    nova-manage $N cell_v2 list_cells | grep -q " cell1 " \
      || nova-manage $N cell_v2 create_cell --name cell1 --database_connection "{scheme}://{username}:{password}@{hostname}/{path}" \
           --transport-url "{scheme}://{username}:{password}@{hostname}:{port}/{path}"
    nova-manage $N db sync
    neutron-db-manage --config-file "$ETC/neutron/neutron.conf" upgrade heads
    glance-manage --config-file "$ETC/glance/glance-api.conf" db_sync
  ) >> "$CURLOG" 2>&1
  echo "$STAMP" > "$STATE/dbsync.stamp"
  log "databases synced"
fi

# --------------------------------------------------------------------------------------- services
STARTED=" "
start() { # name command...   (own session: the stop script signals exactly this process group)
  local name=$1 port=$2; shift 2
  if alive "$name"; then
    case "$CHANGED" in *" $name "*) log "configuration of $name changed: restarting it"; bash "$HERE/stop-openstack-lab.sh" "$name" ;; *) return 0 ;; esac
  fi
  if [ -n "$port" ] && port_open "$port"; then
    echo "openstack-lab: port $port is taken by a process this lab did not start (pid files: $RUN)" >&2; exit 1
  fi
  # 9>&-: a daemon must not hold the provisioning lock
  setsid nohup "$@" >> "$LOGS/$name.log" 2>&1 < /dev/null 9>&- &
  pid_id $! > "$RUN/$name.pid"
  STARTED="$STARTED$name "
  log "started $name (pid $!)"
}
wait_http() { # name url [timeout s]
  CURLOG=$LOGS/$1.log
  for _ in $(seq $((${3:-120} * 2))); do
    if curl -s -o /dev/null -m 5 "$2"; then return 0; fi
    alive "$1" || { echo "openstack-lab: $1 exited" >&2; exit 1; }
    sleep 0.5
  done
  echo "openstack-lab: $1 does not answer on $2" >&2; exit 1
}
# uwsgi-core has no --http-keepalive: answer with Connection: close. nova-api needs --lazy-apps.
UWSGI="uwsgi --plugin python3 --master --die-on-term --lazy-apps --enable-threads --need-app
  --buffer-size 65535 --add-header Connection:close --thunder-lock"
TREF=$(date -u -d "-2 sec" "+%F %T") # nova-compute reports after this when it starts in this run
# The APIs start at once (none needs another to come up, nor a service user before its first
# request); Nova's conductor, scheduler and compute come after the Keystone setup below, as they
# authenticate to Placement as soon as they start.
# shellcheck disable=SC2086
start keystone $KS_PORT env OS_KEYSTONE_CONFIG_FILES="$ETC/keystone/keystone.conf" \
  $UWSGI --http-socket "$IP:$KS_PORT" --processes 2 --threads 2 --wsgi-file /usr/bin/keystone-wsgi-public
# shellcheck disable=SC2086
start placement $PLACEMENT_PORT env OS_PLACEMENT_CONFIG_DIR="$ETC/placement" \
  $UWSGI --http-socket "$IP:$PLACEMENT_PORT" --processes 1 --threads 2 --wsgi-file /usr/bin/placement-api
# shellcheck disable=SC2086
start nova-api $NOVA_PORT env OS_NOVA_CONFIG_DIR="$ETC/nova" \
  $UWSGI --http-socket "$IP:$NOVA_PORT" --processes 2 --threads 1 --wsgi-file /usr/bin/nova-api-wsgi
start glance-api $GLANCE_PORT "$BIN/glance-api" --config-file "$ETC/glance/glance-api.conf"
start neutron-server $NEUTRON_PORT env PYTHONPATH="$PLUG" neutron-server --config-file "$ETC/neutron/neutron.conf"
wait_http keystone "$KS/v3"

# Service users, the member account and the catalogue. A password is set only when the one on
# record no longer works: setting it revokes every token its user holds, and running services
# would then get 401s.
export OS_AUTH_URL=$KS/v3 OS_USERNAME=admin OS_PASSWORD=$ADMIN_PASS OS_PROJECT_NAME=admin \
  OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default OS_REGION_NAME=$REGION OS_IDENTITY_API_VERSION=3
CURLOG=$LOGS/setup.log
LAB_IP=$IP LAB_REGION=$REGION LAB_SERVICE_PASS=$SERVICE_PASS LAB_MEMBER_PASS=$MEMBER_PASS \
LAB_PORTS="compute:nova:$NOVA_PORT/v2.1 placement:placement:$PLACEMENT_PORT image:glance:$GLANCE_PORT network:neutron:$NEUTRON_PORT" \
/usr/bin/python3 - >> "$CURLOG" 2>&1 <<'PY'
import os, openstack
from keystoneauth1 import exceptions, session
from keystoneauth1.identity import v3
env = os.environ
c = openstack.connect(cloud='envvars')
idn = c.identity

def project(name):
    return idn.find_project(name, domain_id='default') or idn.create_project(name=name, domain_id='default')
def role(name):
    return idn.find_role(name) or idn.create_role(name=name)
def user(name, password, proj):
    u = idn.find_user(name, domain_id='default')
    if u is None:
        return idn.create_user(name=name, password=password, domain_id='default', default_project_id=proj.id)
    try:
        session.Session(auth=v3.Password(auth_url=env['OS_AUTH_URL'], username=name, password=password,
                                         user_domain_id='default')).get_token()
    except exceptions.Unauthorized:
        idn.update_user(u, password=password)
        print(f'password of {name} reset')
    return u
service, nfvo = project('service'), project('nfvo')
admin_r, member_r, reader_r, service_r = role('admin'), role('member'), role('reader'), role('service')
for name in ('nova', 'placement', 'glance', 'neutron'):
    u = user(name, env['LAB_SERVICE_PASS'], service)
    idn.assign_project_role_to_user(service, u, admin_r)
    idn.assign_project_role_to_user(service, u, service_r)
# The member account holds member and reader on its project and nothing else anywhere.
m = user('nfvo', env['LAB_MEMBER_PASS'], nfvo)
keep = {(nfvo.id, member_r.id), (nfvo.id, reader_r.id)}
for ra in idn.role_assignments(user_id=m.id):
    scope_project = (ra.scope or {}).get('project', {}).get('id')
    if (scope_project, ra.role['id']) in keep:
        continue
    if not scope_project:
        raise SystemExit(f'user nfvo holds role {ra.role} outside a project: {ra.scope}; remove it')
    idn.unassign_project_role_from_user(scope_project, m, ra.role['id'])
    print(f'removed role {ra.role["id"]} of nfvo on project {scope_project}')
idn.assign_project_role_to_user(nfvo, m, member_r)
idn.assign_project_role_to_user(nfvo, m, reader_r)
for entry in env['LAB_PORTS'].split():
    typ, name, port_path = entry.split(':')
    url = f"http://{env['LAB_IP']}:{port_path}"
    svc = next(iter(idn.services(type=typ)), None) or idn.create_service(name=name, type=typ, is_enabled=True)
    have = {e.interface: e for e in idn.endpoints(service_id=svc.id)}
    for iface in ('public', 'internal', 'admin'):
        if iface not in have:
            idn.create_endpoint(service_id=svc.id, interface=iface, url=url, region_id=env['LAB_REGION'])
        elif have[iface].url != url:
            idn.update_endpoint(have[iface], url=url)
print('keystone: projects, users, roles and catalogue ready')
PY
log "Keystone accounts and catalogue ready"

start nova-conductor "" "$BIN/nova-conductor" --config-file "$ETC/nova/nova.conf"
start nova-scheduler "" "$BIN/nova-scheduler" --config-file "$ETC/nova/nova.conf"
wait_http placement "http://$IP:$PLACEMENT_PORT/"
start nova-compute "" "$BIN/nova-compute" --config-file "$ETC/nova/nova.conf"
wait_http nova-api "http://$IP:$NOVA_PORT/"
wait_http glance-api "http://$IP:$GLANCE_PORT/"
wait_http neutron-server "http://$IP:$NEUTRON_PORT/" 180
log "all APIs answer"

# nova-manage cell_v2 discover_hosts maps nothing until nova-compute has registered: wait for its
# compute node, map it into cell1, and wait for a state report from a nova-compute that runs now.
case "$STARTED" in *" nova-compute "*) ;; *) TREF=$(date -u -d "-60 sec" "+%F %T") ;; esac
CURLOG=$LOGS/nova-compute.log
for i in $(seq 180); do
  nodes=$(sql "SELECT COUNT(*) FROM \`${DB_PREFIX}nova\`.compute_nodes WHERE deleted=0")
  mapped=$(sql "SELECT COUNT(*) FROM \`${DB_PREFIX}nova_api\`.host_mappings")
  up=$(sql "SELECT COUNT(*) FROM \`${DB_PREFIX}nova\`.services WHERE \`binary\`='nova-compute' AND deleted=0 AND updated_at >= '$TREF'")
  if [ "$nodes" -gt 0 ] && [ "$mapped" -ge "$nodes" ] && [ "$up" -gt 0 ]; then break; fi
  if [ "$nodes" -gt 0 ] && [ "$mapped" -lt "$nodes" ]; then
    nova-manage --config-file "$ETC/nova/nova.conf" cell_v2 discover_hosts --verbose >> "$LOGS/discover-hosts.log" 2>&1 || true
  fi
  for s in nova-conductor nova-scheduler nova-compute; do
    alive $s || { CURLOG=$LOGS/$s.log; echo "openstack-lab: $s exited" >&2; exit 1; }
  done
  [ "$i" != 180 ] || { echo "openstack-lab: nova-compute did not register in 180 s" >&2; exit 1; }
  sleep 1
done
log "nova-compute up and mapped to cell1"

# -------------------------------------------------------------- flavors, quotas, image (as admin)
# The image's bytes are fixed so that its checksum (MD5) is too; the fake driver never reads them.
IMAGE_FILE=$STATE/image.bin
[ -s "$IMAGE_FILE" ] || head -c 1048576 /dev/zero > "$IMAGE_FILE"
IMAGE_MD5=$(md5sum "$IMAGE_FILE" | cut -d' ' -f1)
CURLOG=$LOGS/setup.log
LAB_FLAVORS=$FLAVORS LAB_IMAGE_NAME=$IMAGE_NAME LAB_IMAGE_FILE=$IMAGE_FILE LAB_IMAGE_MD5=$IMAGE_MD5 \
/usr/bin/python3 - >> "$CURLOG" 2>&1 <<'PY'
import os, openstack
env = os.environ
c = openstack.connect(cloud='envvars')

def call(adapter, method, url, **kw):
    r = adapter.request(url, method, **kw)
    if r.status_code >= 400:
        raise SystemExit(f'{method} {url}: {r.status_code} {r.text}')
    return r
# Public flavors as a default cloud has them; a flavor cannot be changed, so a wrong one is replaced.
for spec in env['LAB_FLAVORS'].split():
    fid, name, vcpus, ram, disk = spec.split(':')
    want = dict(vcpus=int(vcpus), ram=int(ram), disk=int(disk))
    f = c.compute.find_flavor(name)
    if f and (f.id, f.vcpus, f.ram, f.disk, f.is_public) == (fid, *want.values(), True):
        continue
    if f:
        c.compute.delete_flavor(f)
    c.compute.create_flavor(id=fid, name=name, is_public=True, **want)
    print(f'flavor {name} created')
# Room for tests in project nfvo; a re-provisioning puts back what a test lowered.
nfvo = c.identity.find_project('nfvo', domain_id='default', ignore_missing=False)
call(c.compute, 'PUT', f'/os-quota-sets/{nfvo.id}',
     json={'quota_set': {'instances': 40, 'cores': 80, 'ram': 81920}})
call(c.network, 'PUT', f'/quotas/{nfvo.id}',
     json={'quota': {'network': 100, 'subnet': 100, 'port': 500, 'security_group': 50, 'security_group_rule': 500}})
# One public image of that name, owned by admin, active, with the expected bytes.
admin_project = c.identity.find_project('admin', domain_id='default', ignore_missing=False)
found = call(c.image, 'GET', '/images', params={'name': env['LAB_IMAGE_NAME'], 'owner': admin_project.id}).json()['images']
good = [i for i in found if i['status'] == 'active' and i.get('checksum') == env['LAB_IMAGE_MD5']
        and i['visibility'] == 'public' and i['disk_format'] == 'qcow2' and i['container_format'] == 'bare']
for i in found:  # a half-uploaded one from an interrupted run, or duplicates
    if not good or i['id'] != good[0]['id']:
        call(c.image, 'DELETE', f"/images/{i['id']}")
        print(f"image {i['id']} ({i['status']}) deleted")
if not good:
    img = call(c.image, 'POST', '/images', json={'name': env['LAB_IMAGE_NAME'], 'disk_format': 'qcow2',
               'container_format': 'bare', 'visibility': 'public'}).json()
    with open(env['LAB_IMAGE_FILE'], 'rb') as f:
        call(c.image, 'PUT', f"/images/{img['id']}/file", data=f.read(),
             headers={'Content-Type': 'application/octet-stream'})
    img = call(c.image, 'GET', f"/images/{img['id']}").json()
    if img['status'] != 'active' or img['checksum'] != env['LAB_IMAGE_MD5']:
        raise SystemExit(f"image upload: status {img['status']}, checksum {img['checksum']}")
    print(f"image {img['id']} uploaded")
print('flavors, quotas and image ready')
PY
log "flavors, quotas of project nfvo and image $IMAGE_NAME ready"

# ---------------------------------------------------------------------------------------- env files
write_env() { # file user password project extra-lines
  printf '%s\n' "export OS_AUTH_URL=$KS/v3" "export OS_USERNAME=$2" "export OS_PASSWORD=$3" \
    "export OS_PROJECT_NAME=$4" "export OS_USER_DOMAIN_NAME=Default" "export OS_PROJECT_DOMAIN_NAME=Default" \
    "export OS_REGION_NAME=$REGION" "export OS_IDENTITY_API_VERSION=3" \
    "export NFVO_LAB_IMAGE_NAME=$IMAGE_NAME" "export NFVO_LAB_IMAGE_MD5=$IMAGE_MD5" ${5:+"$5"} > "$1.new"
  chmod 600 "$1.new" && mv "$1.new" "$1"
}
write_env "$LAB/admin.env" admin "$ADMIN_PASS" admin ""
write_env "$LAB/member.env" nfvo "$MEMBER_PASS" nfvo "export NFVO_LAB_ADMIN_ENV=$LAB/admin.env"

# ------------------------------------------------------------------------ smoke check as the member
unset $(compgen -e | grep '^OS_')
CURLOG=$LOGS/smoke.log
( . "$LAB/member.env"
  /usr/bin/python3 - >> "$CURLOG" 2>&1 <<'PY'
import os, openstack
c = openstack.connect(cloud='envvars')
flavors = {f.name for f in c.compute.flavors()}
assert {'m1.tiny', 'm1.small', 'm1.medium', 'm1.large'} <= flavors, f'flavors: {flavors}'
# (the member may have uploaded images of that name itself: the public one must be among them)
images = [i for i in c.image.images(name=os.environ['NFVO_LAB_IMAGE_NAME'], visibility='public')
          if i.checksum == os.environ['NFVO_LAB_IMAGE_MD5']]
assert images, 'public image with the expected checksum not found'
r = c.network.get('/extensions')
assert r.status_code == 200 and r.json()['extensions'], f'GET /v2.0/extensions: {r.status_code} {r.url}'
extensions = len(r.json()['extensions'])
# The account must not be an admin: creating a flavor is refused as on any default-policy cloud.
r = c.compute.post('/flavors', json={'flavor': {'name': 'nfvo-lab-probe', 'vcpus': 1, 'ram': 64, 'disk': 0}})
assert r.status_code == 403, f'POST /flavors as member: {r.status_code} {r.text}'
print(f'smoke as member: {len(flavors)} flavors, image {images[0].id}, {extensions} network extensions, flavor create 403')
PY
)
log "smoke check as member passed ($(tail -n1 "$CURLOG"))"

CURLOG=
echo "openstack-lab: ready in $(($(date +%s) - T0)) s; source $LAB/member.env"
