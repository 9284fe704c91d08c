#!/usr/bin/env bash
# What the tests need beside Python, on a fresh Debian machine (the README's test command runs
# this first): Debian's chromium for the dashboard's browser tests, and a PostgreSQL server on
# its Unix socket with a superuser role of the user who runs the tests (the store tests run
# against it too: tests/conftest.py). Installs what is missing (apt, as root or through sudo),
# starts the server where it is down; does nothing more where all is there. To use another
# server instead, skip this script and set MARSAD_TEST_PG=postgresql://USER@HOST/DBNAME.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# the newest cluster; one is made where the package made none
cluster=$(pg_lsclusters -h | sort -k1,1V | tail -n 1)
if [ -z "$cluster" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    as_root pg_createcluster "$version" main >/dev/null
    cluster=$(pg_lsclusters -h | sort -k1,1V | tail -n 1)
fi
read -r version name _ status _ <<<"$cluster"
[ "$status" = online ] || as_root pg_ctlcluster "$version" "$name" start

me=$(id -un)
for _ in $(seq 30); do as_postgres psql -qtAc "SELECT 1" >/dev/null 2>&1 && break; sleep 1; done
if [ "$(as_postgres psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname = '$me'")" != 1 ]; then
    as_postgres psql -qc "CREATE ROLE \"$me\" SUPERUSER LOGIN"
fi
