#!/usr/bin/env bash
# Partner benchmarks: sustained webhook delivery (outbox → dispatcher → signed POST → local receiver) on SQLite and
# PostgreSQL, beside the bare receiver's throughput measured in the same run. Writes docs/benchmarks/partners.md.
#   benchmarks/partners.sh [--events N] [--keys K] [--concurrency C]
# Starts a private PostgreSQL cluster on loopback (durable settings) unless TALENTPASS_BENCH_PG is set.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

dotnet build -c Release benchmarks/TalentPass.Benchmarks >/dev/null

if [[ -z "${TALENTPASS_BENCH_PG:-}" ]]; then
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pgdir=$(mktemp -d /tmp/talentpass-partners-bench-pg.XXXXXX)
  chown postgres:postgres "$pgdir" 2>/dev/null || true
  port=55447
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  runuser -u postgres -- "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir -c shared_buffers=256MB -c max_connections=200" start >/dev/null
  trap 'runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null; rm -rf "$pgdir"' EXIT
  export TALENTPASS_BENCH_PG="Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"
fi

dotnet benchmarks/TalentPass.Benchmarks/bin/Release/net10.0/TalentPass.Benchmarks.dll webhooks "$@"
