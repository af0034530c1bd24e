#!/usr/bin/env bash
# `steward run` against moto_server, release build: start → first completed reconcile (as the
# daemon prints it, measured from the kernel's process start time) and resident memory when
# idle (VmRSS ~5 s after the first reconcile). Prints each run and the medians.
#
#   Benchmarks/run-daemon-bench.sh            # 5 runs, builds into .build-release
#   RUNS=9 SCRATCH=.build-x Benchmarks/run-daemon-bench.sh
#   STEWARD_BIN=path/to/steward Benchmarks/run-daemon-bench.sh   # skip the build
#
# It builds the way the daemon is deployed (README, "The daemon"): Swift's runtime and Foundation
# linked statically, a non-PIE executable, no exported symbol table. Resident memory when idle is
# mostly file-backed pages of code the kernel maps 64 KB at a time; these flags cut it from
# ~38 MB to ~29 MB (issue 4). BUILD_FLAGS="" measures a plain `swift build -c release`.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
SCRATCH=${SCRATCH:-.build-release}
BUILD_FLAGS=${BUILD_FLAGS---static-swift-stdlib -Xlinker -no-pie -Xlinker --no-export-dynamic}
IDLE_SECONDS=${IDLE_SECONDS:-5}
ENTRIES=${ENTRIES:-10}

if [[ -z "${STEWARD_BIN:-}" ]]; then
    # shellcheck disable=SC2086  # BUILD_FLAGS is a list of words
    swift build -c release --scratch-path "$SCRATCH" --product steward $BUILD_FLAGS >&2
    STEWARD_BIN="$SCRATCH/release/steward"
fi
STEWARD_BIN=$(realpath "$STEWARD_BIN")
command -v moto_server >/dev/null || { echo "moto_server not on PATH (pip install 'moto[server]')" >&2; exit 1; }

work=$(mktemp -d -t steward-run-bench.XXXXXX)
moto_pid=""
daemon_pid=""
cleanup() {
    [[ -n "$daemon_pid" ]] && kill "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null || true
    [[ -n "$moto_pid" ]] && kill "$moto_pid" 2>/dev/null && wait "$moto_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$work" && exec moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1) &
moto_pid=$!

export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 \
    AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_EC2_METADATA_DISABLED=true \
    AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_PAGER=""

for _ in $(seq 1 150); do   # bounded: up to ~30 s for moto to answer
    curl -fsS "$AWS_ENDPOINT_URL/moto-api/" >/dev/null 2>&1 && break
    sleep 0.2
done
curl -fsS "$AWS_ENDPOINT_URL/moto-api/" >/dev/null || { echo "moto did not start:"; tail -20 "$work/moto.log"; exit 1; } >&2

# Two managed groups in dev, and a desired state with $ENTRIES entries (granted by run 1,
# steady state for the rest).
python3 - <<'PY'
import boto3, os
ec2 = boto3.client('ec2', endpoint_url=os.environ['AWS_ENDPOINT_URL'], region_name='us-east-1')
vpc = ec2.describe_vpcs()['Vpcs'][0]['VpcId']
for name in ('web', 'api'):
    ec2.create_security_group(GroupName=name, Description=name, VpcId=vpc, TagSpecifications=[{'ResourceType': 'security-group',
        'Tags': [{'Key': 'WhitelistManaged', 'Value': 'true'}, {'Key': 'Environment', 'Value': 'dev'}]}])
PY
mkdir -p "$work/desired-state"
{
    echo "environment: dev"; echo "tier: running"; echo "protected: false"; echo "whitelist:"
    for i in $(seq 1 "$ENTRIES"); do
        printf '  - cidr: 198.51.%d.%d/32\n    description: bench %d\n    added_by: bench\n    added_at: %s\n    expires_at: %s\n' \
            $((i / 250)) $((i % 250 + 1)) "$i" "$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)" "$(date -u -d '+7 days' +%Y-%m-%dT%H:%M:%SZ)"
    done
} >"$work/desired-state/dev.yaml"

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

first_ms=()
rss_kb=()
echo "run  first-reconcile-ms  idle-VmRSS-kB  exit" >&2
for run in $(seq 1 "$RUNS"); do
    (cd "$work" && exec "$STEWARD_BIN" run --listen 127.0.0.1:0 --desired-state "$work/desired-state" --interval 60s \
        >"$work/run.out" 2>"$work/run.err") &
    daemon_pid=$!
    line=""
    for _ in $(seq 1 400); do   # bounded: up to ~20 s
        line=$(grep -m1 '^first reconcile completed in ' "$work/run.out" 2>/dev/null || true)
        [[ -n "$line" ]] && break
        kill -0 "$daemon_pid" 2>/dev/null || break
        sleep 0.05
    done
    [[ -n "$line" ]] || { echo "run $run: no first reconcile"; cat "$work/run.err"; exit 1; } >&2
    ms=$(sed -E 's/^first reconcile completed in ([0-9]+) ms.*/\1/' <<<"$line")
    sleep "$IDLE_SECONDS"   # idle on purpose: this is the state being measured
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$daemon_pid/status")
    kill -TERM "$daemon_pid"
    status=0; wait "$daemon_pid" || status=$?
    daemon_pid=""
    echo "$run    $ms    $rss    $status" >&2
    first_ms+=("$ms"); rss_kb+=("$rss")
done

m_first=$(printf '%s\n' "${first_ms[@]}" | median)
m_rss=$(printf '%s\n' "${rss_kb[@]}" | median)
echo "steward run, $RUNS runs, $ENTRIES entries on 2 groups (moto):"
echo "  start to first completed reconcile: median ${m_first} ms   (all: ${first_ms[*]})"
echo "  idle VmRSS after ${IDLE_SECONDS}s:             median $(awk -v k="$m_rss" 'BEGIN { printf "%.1f", k / 1024 }') MB   (kB: ${rss_kb[*]})"
