#!/usr/bin/env bash
# Runs a command beside a single-node Slurm of its own: slurmctld and slurmd from Debian's packages, configured in
# a temporary folder (free localhost ports, auth/none, no systemd, no cgroups), stopped when the command ends,
# whatever its result. The command sees SLURM_CONF, so sbatch, squeue and scontrol talk to this cluster.
# Where Slurm cannot start it runs the command with FACET_SLURM_UNAVAILABLE set to the reason (the tests then
# skip saying it), except in CI (CI set), where that is a failure.
#   tests/app/slurm/with_slurm.sh COMMAND [ARGS…]
set -uo pipefail

unavailable() {
  if [ -n "${CI:-}" ]; then echo "with_slurm: $1 (CI must run the Slurm tests)" >&2; exit 1; fi
  echo "with_slurm: $1; the Slurm tests skip" >&2
  FACET_SLURM_UNAVAILABLE="$1" exec "$@"
}

for program in slurmctld slurmd sbatch squeue scontrol; do
  command -v "$program" >/dev/null 2>&1 || PATH="$PATH:/usr/sbin"
  command -v "$program" >/dev/null 2>&1 || unavailable "$program not found (Debian: slurmctld slurmd slurm-client; ./facet.sh deps)" "$@"
done
[ "$(id -u)" -eq 0 ] || unavailable "a private Slurm needs root here (SlurmUser and SlurmdUser root)" "$@"

dir="$(mktemp -d "${TMPDIR:-/tmp}/facet-slurm.XXXXXX")"
stop() {
  for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid"; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null
  done
  sleep 0.3
  for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid"; do
    [ -f "$pidfile" ] && kill -9 "$(cat "$pidfile")" 2>/dev/null
  done
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

# Two free ports, chosen by the kernel, so concurrent runs do not collide.
read -r ctld_port slurmd_port < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
mkdir -p "$dir/state" "$dir/spool" "$dir/jobs"
# At least 4 CPUs declared (config_overrides keeps the node up), so a test's shards and its merge run at once.
cpus="$(nproc)"; [ "$cpus" -ge 4 ] || cpus=4
cat > "$dir/slurm.conf" <<CONF
ClusterName=facet
SlurmctldHost=$(hostname -s)(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/none
CredType=cred/none
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MinJobAge=600
SlurmdParameters=config_overrides
NodeName=facetnode NodeHostname=$(hostname -s) NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=facet Nodes=facetnode Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
CONF
export SLURM_CONF="$dir/slurm.conf"

slurmctld -i -f "$SLURM_CONF" 2>"$dir/slurmctld.err" || unavailable "slurmctld did not start: $(tail -n 3 "$dir/slurmctld.err" "$dir/slurmctld.log" 2>/dev/null | tr '\n' ' ')" "$@"
slurmd -N facetnode -f "$SLURM_CONF" 2>"$dir/slurmd.err" || unavailable "slurmd did not start: $(tail -n 3 "$dir/slurmd.err" "$dir/slurmd.log" 2>/dev/null | tr '\n' ' ')" "$@"
# Ready when the node takes jobs (about 2 s here; up to a minute on a loaded machine).
for _ in $(seq 1 600); do
  state="$(sinfo -h -n facetnode -o %t 2>/dev/null || true)"
  case "$state" in idle*|mix*|alloc*) break ;; esac
  sleep 0.1
done
case "$state" in
  idle*|mix*|alloc*) ;;
  *) unavailable "the Slurm node did not come up (state '${state:-none}'): $(tail -n 5 "$dir/slurmctld.log" "$dir/slurmd.log" 2>/dev/null | tr '\n' ' ')" "$@" ;;
esac
echo "with_slurm: single-node Slurm up in $dir (slurmctld :$ctld_port, slurmd :$slurmd_port)" >&2

"$@"
rc=$?
if [ "$rc" -ne 0 ]; then
  echo "with_slurm: the command failed ($rc); the Slurm logs:" >&2
  tail -n 20 "$dir/slurmctld.log" "$dir/slurmd.log" >&2 2>/dev/null
fi
exit "$rc"
