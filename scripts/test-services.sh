#!/usr/bin/env bash
# Installs and starts what the test suite needs beyond Python: Debian's chromium (for the
# browser tests) and a PostgreSQL server with a `yolvarex` role that may create databases.
# Safe to run again: it only installs what is missing and only starts what is stopped.
set -euo pipefail

PG_USER=yolvarex
PG_PASSWORD=yolvarex

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root (or sudo) to run: $*" >&2; exit 1; fi
}

missing=()
command -v chromium >/dev/null || missing+=(chromium)
# Pango draws the text of PDF plans (WeasyPrint, the pdf extra the tests use)
ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so' || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
command -v pg_ctlcluster >/dev/null && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 \
  || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
if [ -z "$version" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  as_root pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  as_root pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
  as_root su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
# Two test workers, live servers and their pools need more than the default 100 connections.
if [ "$(as_root su postgres -c "psql -qtAc 'show max_connections'")" -lt 300 ]; then
  as_root su postgres -c "psql -qc 'alter system set max_connections = 300'" >/dev/null
  as_root pg_ctlcluster "$version" main restart
  for _ in $(seq 1 30); do
    as_root su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
    sleep 1
  done
fi
exists=$(as_root su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname = '$PG_USER'\"")
if [ "$exists" != "1" ]; then
  as_root su postgres -c "psql -qc \"create role $PG_USER login createdb password '$PG_PASSWORD'\""
fi
echo "PostgreSQL $version is up; chromium: $(command -v chromium)"
