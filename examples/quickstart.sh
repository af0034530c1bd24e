#!/usr/bin/env bash
# Quick start: Steward as a controller, on its embedded default (YAML desired state), against a
# local AWS emulator. No AWS account, no Slack.
#
# Starts moto_server on a free loopback port and seeds a small estate (two security groups
# tagged for the dev environment, one with a hand-made rule Steward must leave alone, and one
# untagged group). Then, in under a minute:
#   1. `steward run` in the background converges the bundled desired state;
#   2. `steward whitelist add` edits desired-state/dev.yaml; the daemon's directory watch wakes
#      the loop and the rule is on the group within a second;
#   3. an entry with a 10 s TTL is granted, then revoked by the daemon just after it expires;
#   4. `steward drift` reports the hand-made rule as drift (and never removes it);
#   5. SIGTERM stops the daemon cleanly (exit 0).
# Every step is checked independently with boto3 (describe-security-group-rules), each wait
# is bounded by a count and a time, and any step that does not happen fails the script.
#
# STEWARD_BIN=/path/to/steward skips the build (the test suite passes the binary it built).
set -euo pipefail
cd "$(dirname "$0")/.."

python=python3
if ! command -v moto_server >/dev/null 2>&1; then
    # No moto on this machine: a private virtualenv under .build (git-ignored) keeps it contained.
    venv=.build/quickstart-venv
    if [ ! -x "$venv/bin/moto_server" ]; then
        echo "==> installing moto[server] into $venv (once)"
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check 'moto[server]==5.2.1'
    fi
    export PATH="$PWD/$venv/bin:$PATH"
    python="$venv/bin/python"
fi

if [ -n "${STEWARD_BIN:-}" ]; then
    steward="$STEWARD_BIN"
else
    echo "==> building steward"
    swift build --product steward >/dev/null
    steward="$(swift build --show-bin-path)/steward"
fi
repository=$PWD
started=$(date +%s.%N)
seconds_since() { awk -v now="$(date +%s.%N)" -v then="$1" 'BEGIN { printf "%.1f", now - then }'; }

fail() {
    echo "quickstart: FAILED: $*" >&2
    if [ -n "${workdir:-}" ] && [ -s "$workdir/run.err" ]; then
        echo "--- last lines of steward run's log ---" >&2
        tail -n 20 "$workdir/run.err" >&2
    fi
    exit 1
}

# QUICKSTART_MOTO_PORT: a port the caller chose (the test suite hands out its own); else a free one.
port=${QUICKSTART_MOTO_PORT:-$("$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
workdir=$(mktemp -d)
run_pid=""
moto_server -H 127.0.0.1 -p "$port" >"$workdir/moto.log" 2>&1 &
moto_pid=$!
cleanup() {
    # Only what this script started: the daemon (if a failure left it running) and moto.
    if [ -n "$run_pid" ] && kill -0 "$run_pid" 2>/dev/null; then kill -TERM "$run_pid" 2>/dev/null; wait "$run_pid" 2>/dev/null || true; fi
    # A parent that started this script with SIGTERM blocked (some process launchers do) passes
    # the mask on, and Python then never sees it: after 5 s, moto is killed outright.
    kill "$moto_pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$moto_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$moto_pid" 2>/dev/null || true
    wait "$moto_pid" 2>/dev/null || true
    rm -rf "$workdir"
}
trap cleanup EXIT

export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1
export AWS_ENDPOINT_URL="http://127.0.0.1:$port"
ready=no
for _ in $(seq 1 100); do
    if "$python" -c 'import os, urllib.request; urllib.request.urlopen(os.environ["AWS_ENDPOINT_URL"] + "/moto-api/", timeout=1)' 2>/dev/null; then
        ready=yes; break
    fi
    sleep 0.1
done
[ "$ready" = yes ] || fail "moto_server did not answer on port $port within 10 s"

echo "==> seeding the emulator: tagged groups web-dev (443) and ssh-dev (22), a hand-made rule, an untagged group"
"$python" - >"$workdir/groups" <<'PY'
import os, boto3
ec2 = boto3.client("ec2", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-1")
vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
def group(name, tags):
    spec = [{"ResourceType": "security-group", "Tags": [{"Key": k, "Value": v} for k, v in tags.items()]}] if tags else []
    return ec2.create_security_group(GroupName=name, Description=name, VpcId=vpc, TagSpecifications=spec)["GroupId"]
web = group("web-dev", {"WhitelistManaged": "true", "Environment": "dev"})
group("ssh-dev", {"WhitelistManaged": "true", "Environment": "dev", "WhitelistPorts": "22"})
group("legacy-dev", {"Environment": "dev"})
ec2.authorize_security_group_ingress(GroupId=web, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
    "IpRanges": [{"CidrIp": "192.0.2.200/32", "Description": "made by hand"}]}])
print(web)
PY
web_group=$(cat "$workdir/groups")

# The independent check: boto3 reads the group's rules (not Steward's output), every 50 ms,
# at most `limit` seconds. `add` runs `steward whitelist add` itself once its client is warm,
# so the time it prints is from the command to the rule being visible in EC2.
cat >"$workdir/watch.py" <<'PY'
import datetime, os, subprocess, sys, time, boto3
ec2 = boto3.client("ec2", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-1")
group = os.environ["WEB_GROUP"]

def present(cidr):
    rules = ec2.describe_security_group_rules(Filters=[{"Name": "group-id", "Values": [group]}])["SecurityGroupRules"]
    return any(r.get("CidrIpv4") == cidr and not r["IsEgress"] for r in rules)

def poll(cidr, want, since, limit):
    # Bounded by count and by time, whichever ends first.
    for _ in range(int(limit / 0.05) + 1):
        if present(cidr) == want:
            return time.time() - since
        if time.time() - since > limit:
            break
        time.sleep(0.05)
    return None

mode, cidr = sys.argv[1], sys.argv[2]
if mode == "add":
    description, ttl, expiry_file = sys.argv[3], sys.argv[4], sys.argv[5]
    if present(cidr):
        sys.exit(f"{cidr} is on the group before it was added")
    since = time.time()
    result = subprocess.run([os.environ["STEWARD"], "whitelist", "add", cidr, description, "--env", "dev", "--ttl", ttl],
                            capture_output=True, text=True)
    print("   $ steward whitelist add %s \"%s\" --env dev --ttl %s" % (cidr, description, ttl))
    print("   " + result.stdout.strip())
    if result.returncode != 0:
        sys.exit(f"steward whitelist add exited {result.returncode}: {result.stderr.strip()}")
    elapsed = poll(cidr, True, since, 5.0)
    if elapsed is None:
        sys.exit(f"{cidr} was not authorized on {group} within 5 s")
    print(f"   authorized after {elapsed:.1f} s (boto3 describe-security-group-rules on web-dev sees {cidr})")
    # The reply says `until 2026-12-03T07:30:05Z (10s)`: the expiry Steward stored.
    until = result.stdout.split(" until ", 1)[1].split(" ", 1)[0]
    with open(expiry_file, "w") as f:
        f.write(str(datetime.datetime.fromisoformat(until.replace("Z", "+00:00")).timestamp()))
elif mode == "expire":
    expires = float(sys.argv[3])
    print(f"   waiting for {cidr} to expire at {datetime.datetime.fromtimestamp(expires, datetime.timezone.utc):%H:%M:%S}Z "
          f"({max(0, expires - time.time()):.0f} s from now); steward run revokes it, nobody else")
    # Until the expiry the rule must stay; a status line every 2 s shows it does.
    shown = None
    while time.time() < expires - 0.2:
        left = int(expires - time.time())
        if not present(cidr):
            sys.exit(f"{cidr} was revoked {left} s before its expiry")
        if left % 2 == 0 and left != shown and left > 0:
            print(f"   {left:2d} s to go: still authorized")
            shown = left
        time.sleep(0.1)
    elapsed = poll(cidr, False, expires, 5.0)
    if elapsed is None:
        sys.exit(f"{cidr} was still authorized 5 s after its expiry")
    print(f"   revoked {max(elapsed, 0):.1f} s after expiry (boto3 no longer sees {cidr})")
PY

cp -R desired-state "$workdir/desired-state"
cd "$workdir"
export STEWARD="$steward" WEB_GROUP="$web_group"

echo
echo "==> steward run (in the background: reconciles at start, on every desired-state change, at each expiry)"
"$steward" run --listen 127.0.0.1:0 --log-format text >run.out 2>run.err &
run_pid=$!
first=""
for _ in $(seq 1 300); do
    first=$(grep -m1 '^first reconcile completed' run.out || true)
    [ -n "$first" ] && break
    kill -0 "$run_pid" 2>/dev/null || fail "steward run exited before its first reconcile: $(tail -n 3 run.err)"
    sleep 0.1
done
[ -n "$first" ] || fail "steward run printed no 'first reconcile completed' within 30 s"
echo "   $(grep -m1 '^listening on' run.out)"
echo "   $first (the bundled desired state is now on web-dev and ssh-dev)"

echo
echo "==> a new entry reaches AWS"
"$python" watch.py add 203.0.113.50/32 "Quick start laptop" 1h expiry-long || fail "the new entry did not reach AWS"

echo
echo "==> an entry with a 10 s TTL expires and is revoked"
"$python" watch.py add 203.0.113.51/32 "Short-lived quick start entry" 10s expiry-short || fail "the short-lived entry did not reach AWS"
"$python" watch.py expire 203.0.113.51/32 "$(cat expiry-short)" || fail "the expired entry was not revoked"

echo
echo "==> steward drift --detailed-exitcode (observes only: no AWS writes)"
set +e
"$steward" drift --no-attribution --detailed-exitcode >drift.out 2>drift.err
drift_status=$?
set -e
sed 's/^/   /' drift.out
[ "$drift_status" -eq 2 ] || fail "steward drift exited $drift_status, expected 2 (drift found): $(cat drift.err)"
grep -q '192.0.2.200/32' drift.out || fail "steward drift did not report the hand-made rule 192.0.2.200/32"
"$python" - <<'PY' || fail "the hand-made rule is gone"
import os, boto3
ec2 = boto3.client("ec2", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-1")
rules = ec2.describe_security_group_rules(Filters=[{"Name": "group-id", "Values": [os.environ["WEB_GROUP"]]}])["SecurityGroupRules"]
assert any(r.get("CidrIpv4") == "192.0.2.200/32" for r in rules)
PY
echo "   the hand-made rule 192.0.2.200/32 is reported as drift and left in place (exit 2: drift found)"

echo
echo "==> stopping steward run (SIGTERM)"
stop_started=$(date +%s.%N)
kill -TERM "$run_pid"
for _ in $(seq 1 100); do
    kill -0 "$run_pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$run_pid" 2>/dev/null; then
    kill -KILL "$run_pid"
    fail "steward run did not stop within 10 s of SIGTERM"
fi
set +e
wait "$run_pid"
run_status=$?
set -e
run_pid=""
[ "$run_status" -eq 0 ] || fail "steward run exited $run_status after SIGTERM, expected 0"
echo "   stopped cleanly (exit 0) $(seconds_since "$stop_started") s after SIGTERM"

echo
echo "Audit log ($workdir/steward-audit.jsonl): what the daemon did in AWS"
"$python" - <<'PY'
import json
for line in open("steward-audit.jsonl"):
    entry = json.loads(line)
    print("   %s  %-8s %-15s %-9s %s" % (str(entry.get("time", ""))[11:19], entry.get("actor", ""), entry.get("action", ""),
                                      entry.get("result", ""), entry.get("target", "")))
PY
echo
echo "Quick start done in $(seconds_since "$started") s (after the build)."
cd "$repository"
