#!/usr/bin/env bash
# Services benchmark: 100,000 one-click applications auto-approved end to end, and a department queue with
# 1,000,000 applications, on PostgreSQL, each beside its limit measured in the same run. Writes docs/benchmarks/services.md.
#   benchmarks/services.sh [--applications N] [--queue-rows N] [--parallel N] [--requests N]
# Starts a private PostgreSQL cluster on loopback (durable settings) unless TALENTPASS_BENCH_PG is set.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

dotnet build -c Release src/TalentPass.Cli >/dev/null
dotnet build -c Release src/TalentPass.Web >/dev/null
dotnet build -c Release benchmarks/TalentPass.Benchmarks >/dev/null

if [[ -z "${TALENTPASS_BENCH_PG:-}" ]]; then
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pgdir=$(mktemp -d /tmp/talentpass-bench-svc-pg.XXXXXX)
  chown postgres:postgres "$pgdir" 2>/dev/null || true
  port=55441
  runuser -u postgres -- "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Durable settings (fsync on): the benchmark measures what production would see.
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir -c shared_buffers=512MB -c max_wal_size=4GB -c max_connections=200" start >/dev/null
  trap 'runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null; rm -rf "$pgdir"' EXIT
  export TALENTPASS_BENCH_PG="Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"
fi

dotnet benchmarks/TalentPass.Benchmarks/bin/Release/net10.0/TalentPass.Benchmarks.dll services "$@"
