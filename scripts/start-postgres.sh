#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster from Debian's packages for the server tests and
# prints its URL. Installs PostgreSQL with apt-get when missing (needs root).
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
port=${GK_PG_PORT:-5498}
if ! pg_lsclusters -h | grep -q "^$version gongkai "; then
  pg_createcluster "$version" gongkai -p "$port" -- --auth-local=trust --auth-host=scram-sha-256 >/dev/null
fi
pg_ctlcluster "$version" gongkai start >/dev/null 2>&1 || true
su postgres -c "psql -p $port -qtc \"SELECT 1 FROM pg_roles WHERE rolname='gongkai'\"" | grep -q 1 ||
  su postgres -c "psql -p $port -qc \"CREATE ROLE gongkai LOGIN PASSWORD 'gongkai'\" -c 'CREATE DATABASE gongkai OWNER gongkai'" >/dev/null
echo "postgres://gongkai:gongkai@127.0.0.1:$port/gongkai"
