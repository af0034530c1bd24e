#!/usr/bin/env bash
# Quick start: Steward's main job on its embedded default, against a local AWS emulator.
#
# Starts moto_server on a free loopback port, seeds a small estate (two security groups tagged
# for the dev environment, one with a hand-made rule Steward must leave alone, and one
# untagged group), then runs `steward plan`, `steward apply` on the bundled desired state, and
# `steward plan` again to show there is nothing left to do. Stops the emulator on exit.
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

echo "==> building steward"
swift build --product steward >/dev/null
steward="$(swift build --show-bin-path)/steward"

port=$("$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
workdir=$(mktemp -d)
moto_server -H 127.0.0.1 -p "$port" >"$workdir/moto.log" 2>&1 &
moto_pid=$!
trap 'kill "$moto_pid" 2>/dev/null; wait "$moto_pid" 2>/dev/null; rm -rf "$workdir"' EXIT

export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1
export AWS_ENDPOINT_URL="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
    "$python" - <<'PY' 2>/dev/null && break
import os, urllib.request
urllib.request.urlopen(os.environ["AWS_ENDPOINT_URL"] + "/moto-api/", timeout=1)
PY
    sleep 0.1
done

echo "==> seeding the emulator: tagged groups web-dev (443) and ssh-dev (22), a hand-made rule, an untagged group"
"$python" - <<'PY'
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
PY

cp -R desired-state "$workdir/desired-state"
cd "$workdir"
echo
echo "==> steward plan"
"$steward" plan
echo
echo "==> steward apply --auto-approve"
"$steward" apply --auto-approve
echo
echo "==> steward plan (again: nothing left to do)"
"$steward" plan --detailed-exitcode
echo
echo "Audit log (first lines of $workdir/steward-audit.jsonl):"
head -n 3 steward-audit.jsonl
