#!/usr/bin/env bash
# Ledger benchmark: durable appends/s with batching on SQLite and PostgreSQL (beside the fsync limit measured in the
# same run), inclusion-proof time and size and a full audit at 10,000,000 entries. Writes docs/benchmarks/ledger.md.
#   benchmarks/ledger.sh [--appends N] [--entries N] [--concurrency N] [--skip-big] [--skip-appends]
#   TALENTPASS_BENCH_WORK=DIR keeps the work folder (the 10M-entry log) and, with --reuse-big, reuses it.
# Starts a private PostgreSQL cluster (fsync ON: durable, as production) on loopback unless TALENTPASS_BENCH_PG is set.
# Needs ~5 GB free under $TMPDIR for the 10M-entry SQLite log (removed at the end).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

dotnet build -c Release benchmarks/TalentPass.Benchmarks >/dev/null

if [[ -n "${TALENTPASS_BENCH_WORK:-}" ]]; then
  work="$TALENTPASS_BENCH_WORK"; mkdir -p "$work"; keep=1
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/talentpass-ledger-bench.XXXXXX"); keep=0
fi
cleanup() { [[ $keep == 1 ]] || rm -rf "$work"; }
if [[ -z "${TALENTPASS_BENCH_PG:-}" ]]; then
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pgdir=$(mktemp -d /tmp/talentpass-ledger-bench-pg.XXXXXX)
  chown postgres:postgres "$pgdir" 2>/dev/null || true
  port=55449
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  runuser -u postgres -- "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Durable settings (fsync on, synchronous_commit on): the benchmark measures what production would see.
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir -c shared_buffers=512MB -c max_wal_size=4GB -c max_connections=300" start >/dev/null
  cleanup() { [[ $keep == 1 ]] || rm -rf "$work"; runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null; rm -rf "$pgdir"; }
  export TALENTPASS_BENCH_PG="Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"
fi
trap cleanup EXIT

dotnet benchmarks/TalentPass.Benchmarks/bin/Release/net10.0/TalentPass.Benchmarks.dll ledger --work "$work" --output docs/benchmarks/ledger.md "$@"
