#!/usr/bin/env bash
# TalentPass test script: everything CI checks, runnable from any directory on a fresh Debian 12 machine (as root,
# with only the .NET SDK) or on a developer machine that already has everything. Idempotent.
#
# Usage: scripts/test.sh [--no-build] [stage ...]
#   stages (default: all, in this order):
#     format        dotnet format --verify-no-changes (only in a full run or when named)
#     unit          tests/TalentPass.UnitTests
#     architecture  tests/TalentPass.ArchitectureTests
#     sqlite        tests/TalentPass.IntegrationTests on SQLite
#     postgres      tests/TalentPass.IntegrationTests on a private, throw-away PostgreSQL cluster
#     browser       tests/TalentPass.BrowserTests (Playwright + Debian's Chromium against the built web app)
#     ledger-interop  Go's reference sumdb/tlog + sumdb/note (tests/tools/tlog-interop, Debian golang-go +
#                   golang-golang-x-mod-dev) check the Tlog library's tiles and a real running web host's checkpoint,
#                   tiles, proofs and bundle; a CLI-run witness (talentpass witness serve) cosigns its checkpoints
#   aliases: integration = sqlite + postgres
#   --no-build    skip restore and build (use the existing Release build)
#   Restore and build (Release) always run first unless --no-build; a restore, format or build failure stops at
#   once. A failing test stage does not stop the later ones. The last line is "N passed, N failed[, N skipped]".
#
# Installs what is missing with apt-get (postgresql, chromium, fonts-noto-cjk, nodejs/npm) and the npm test tools
# (tests/tools, npm ci). Environment:
#   CONFIGURATION=Release            build configuration the tests run against
#   TALENTPASS_TEST_PG_PORT=55432    first port tried for the private PostgreSQL (the next free one is used)
#   TALENTPASS_TEST_PG=...           use this PostgreSQL (admin connection string) instead of starting one
#   TALENTPASS_SCREENSHOTS=1         browser tests also refresh docs/images/*.png
#   TALENTPASS_NO_INSTALL=1          never call apt-get (fail if something is missing)
# Results: artifacts/test-results/<stage>.trx, browser failures in artifacts/browser/, logs in artifacts/logs/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CONFIGURATION="${CONFIGURATION:-Release}"
ARTIFACTS="$ROOT/artifacts"
RESULTS="$ARTIFACTS/test-results"
LOGS="$ARTIFACTS/logs"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false
export NUGET_XMLDOC_MODE=skip
# No MSBuild worker nodes or build servers left running after the script (CI waits for its process tree).
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

ALL_STAGES=(format unit architecture sqlite postgres browser ledger-interop)
BUILD=1
STAGES=()
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    integration) STAGES+=(sqlite postgres) ;;
    integration-sqlite) STAGES+=(sqlite) ;;
    integration-postgres) STAGES+=(postgres) ;;
    format | unit | architecture | sqlite | postgres | browser | ledger-interop) STAGES+=("$arg") ;;
    *) echo "unknown stage or option: $arg (try --help)" >&2; exit 2 ;;
  esac
done
[[ ${#STAGES[@]} -eq 0 ]] && STAGES=("${ALL_STAGES[@]}")

wants() {
  local s
  for s in "${STAGES[@]}"; do [[ "$s" == "$1" ]] && return 0; done
  return 1
}

header() { printf '\n==> %s\n' "$*"; }
now() { date +%s; }

TIMINGS=()
PASSED=0
FAILED=0
SKIPPED=0
FAILED_STAGES=()
NOTES=()
CLEANUP=()

cleanup() {
  local i
  for ((i = ${#CLEANUP[@]} - 1; i >= 0; i--)); do eval "${CLEANUP[i]}" || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root (or sudo) to run: $*" >&2
    return 1
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# Prerequisites
# ---------------------------------------------------------------------------------------------------------------
pg_bin() {
  local dir
  dir="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; fi
}

missing_packages() {
  local missing=()
  if wants postgres && [[ -z "${TALENTPASS_TEST_PG:-}" ]] && [[ -z "$(pg_bin)" ]]; then missing+=(postgresql); fi
  if wants browser; then
    command -v chromium >/dev/null || missing+=(chromium)
    dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'ok installed' || missing+=(fonts-noto-cjk)
  fi
  if wants ledger-interop; then
    command -v go >/dev/null || missing+=(golang-go)
    [[ -d /usr/share/gocode/src/golang.org/x/mod/sumdb/tlog ]] || missing+=(golang-golang-x-mod-dev)
    command -v curl >/dev/null || missing+=(curl)
  fi
  if wants sqlite || wants postgres; then
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
  fi
  echo "${missing[@]+"${missing[@]}"}"
}

install_prerequisites() {
  local missing
  missing="$(missing_packages)"
  if [[ -z "$missing" ]]; then
    echo "Debian packages: all present"
    return
  fi
  if [[ "${TALENTPASS_NO_INSTALL:-0}" == 1 ]]; then
    echo "missing Debian packages: $missing (TALENTPASS_NO_INSTALL=1, not installing)" >&2
    exit 1
  fi
  echo "installing Debian packages: $missing"
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >"$LOGS/apt-get.log" 2>&1 || {
    tail -n 30 "$LOGS/apt-get.log" >&2
    exit 1
  }
  missing="$(missing_packages)"
  [[ -z "$missing" ]] || { echo "still missing after apt-get: $missing" >&2; exit 1; }
}

install_npm_tools() {
  local dir="$ROOT/tests/tools"
  local stamp="$dir/node_modules/.talentpass-lock"
  if [[ -f "$stamp" ]] && cmp -s "$stamp" "$dir/package-lock.json"; then
    echo "npm test tools: up to date"
    return
  fi
  echo "npm test tools: npm ci in tests/tools"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) >"$LOGS/npm-ci.log" 2>&1 || {
    cat "$LOGS/npm-ci.log" >&2
    exit 1
  }
  cp "$dir/package-lock.json" "$stamp"
}

# ---------------------------------------------------------------------------------------------------------------
# Private PostgreSQL cluster (loopback only, fsync off, removed on exit)
# ---------------------------------------------------------------------------------------------------------------
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_postgres() {
  if [[ -n "${TALENTPASS_TEST_PG:-}" ]]; then
    echo "PostgreSQL: using TALENTPASS_TEST_PG"
    return
  fi
  local bin port password dir run=()
  bin="$(pg_bin)"
  [[ -n "$bin" ]] || { echo "PostgreSQL's initdb/pg_ctl not found under /usr/lib/postgresql/*/bin" >&2; return 1; }
  port="${TALENTPASS_TEST_PG_PORT:-55432}"
  while port_in_use "$port"; do port=$((port + 1)); done
  password="tp-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  dir="$(mktemp -d /tmp/talentpass-pg.XXXXXX)" # /tmp: the postgres user must be able to reach it
  if [[ $(id -u) -eq 0 ]]; then
    # initdb and postgres refuse to run as root: the cluster belongs to the postgres user.
    chown postgres: "$dir"
    run=(runuser -u postgres --)
  fi
  CLEANUP+=("rm -rf '$dir'")
  cd "$dir" # the postgres user may not be able to enter the checkout (e.g. under /root)
  printf '%s\n' "$password" >"$dir/pwfile"
  [[ ${#run[@]} -gt 0 ]] && chown postgres: "$dir/pwfile"
  "${run[@]}" "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" --auth=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$LOGS/postgres-initdb.log" 2>&1 || {
    cat "$LOGS/postgres-initdb.log" >&2
    cd "$ROOT"
    return 1
  }
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || {
    cat "$dir/postgres.log" >&2
    cd "$ROOT"
    return 1
  }
  cd "$ROOT"
  CLEANUP+=("cp '$dir/postgres.log' '$LOGS/postgres.log'; cd /tmp; ${run[*]+${run[*]}} '$bin/pg_ctl' -D '$dir/data' -m immediate -w stop >/dev/null 2>&1")
  export TALENTPASS_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Include Error Detail=true"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)"
}

# ---------------------------------------------------------------------------------------------------------------
# Ledger interoperability: Go's reference transparency-log code against the library and a running web host
# ---------------------------------------------------------------------------------------------------------------
free_port() {
  local port="$1"
  while port_in_use "$port"; do port=$((port + 1)); done
  echo "$port"
}

# build_tlog_interop: builds tests/tools/tlog-interop offline (GOPATH mode over Debian's golang.org/x/mod sources).
build_tlog_interop() {
  mkdir -p "$ARTIFACTS/tlog-interop"
  (cd "$ROOT/tests/tools/tlog-interop" &&
    env GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$ARTIFACTS/tlog-interop/go-cache" GOFLAGS= GOPROXY=off \
      go build -o "$ARTIFACTS/tlog-interop/tlog-interop" .)
}

# ledger_interop_live: the built web host (fresh SQLite, demo data) with one witness run by the CLI (quorum 1);
# the Go verifier checks checkpoint, tiles, entries, server proofs and a bundle; the CLI checks the bundle
# (cosigned) and refuses a tampered one. Prints what it does; returns non-zero on the first failure.
ledger_interop_live() {
  local home web cli port wport base wkey vkey pid wpid i out
  home="$(mktemp -d /tmp/talentpass-interop.XXXXXX)"
  CLEANUP+=("rm -rf '$home'")
  web="$ROOT/src/TalentPass.Web/bin/$CONFIGURATION/net10.0"
  cli="$ROOT/src/TalentPass.Cli/bin/$CONFIGURATION/net10.0/talentpass.dll"
  port="$(free_port 5380)"
  wport="$(free_port $((port + 1)))"
  base="http://127.0.0.1:$port"
  wkey="$(dotnet "$cli" witness keygen --key-file "$home/witness.key" --name witness.interop.example 2>/dev/null)"
  echo "witness key: $wkey"
  (cd "$web" && exec env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$base" TALENTPASS_HOME="$home" \
    Database__Provider=Sqlite "ConnectionStrings__TalentPass=Data Source=$home/talentpass.db" Demo__Enabled=true Demo__Talents=60 \
    Ledger__Witnesses__0__Name=witness.interop.example Ledger__Witnesses__0__Url="http://127.0.0.1:$wport" \
    "Ledger__Witnesses__0__VerifierKey=$wkey" Ledger__WitnessQuorum=1 Ledger__CheckpointInterval=00:00:02 \
    dotnet TalentPass.Web.dll) >"$LOGS/ledger-interop-web.log" 2>&1 &
  pid=$!
  CLEANUP+=("kill $pid 2>/dev/null; wait $pid 2>/dev/null")
  for ((i = 0; i < 120; i++)); do
    curl -sf "$base/health/ready" >/dev/null && break
    kill -0 "$pid" 2>/dev/null || { echo "the web host exited (see $LOGS/ledger-interop-web.log)"; return 1; }
    sleep 1
  done
  vkey=""
  for ((i = 0; i < 60 && ${#vkey} == 0; i++)); do
    vkey="$(curl -sf "$base/api/v1/ledger/verifier-key" | grep -o '"logKeys":\["[^"]*"' | sed 's/.*\["//; s/"$//')" || true
    [[ -n "$vkey" ]] || sleep 1
  done
  [[ -n "$vkey" ]] || { echo "the log published no verifier key"; return 1; }
  echo "log key: $vkey"
  dotnet "$cli" witness serve --listen "http://127.0.0.1:$wport" --key-file "$home/witness.key" --log "$vkey" \
    >"$LOGS/ledger-interop-witness.log" 2>&1 &
  wpid=$!
  CLEANUP+=("kill $wpid 2>/dev/null; wait $wpid 2>/dev/null")
  for ((i = 0; i < 90; i++)); do
    curl -sf "$base/ledger/checkpoint" | grep -q "^— witness.interop.example " && break
    sleep 1
  done
  curl -sf "$base/ledger/checkpoint" | grep -q "^— witness.interop.example " ||
    { echo "no checkpoint cosigned by the CLI witness within 90 s"; return 1; }
  echo "checkpoint cosigned by the CLI witness"
  "$ARTIFACTS/tlog-interop/tlog-interop" -base "$base/ledger/" -keys "$base/api/v1/ledger/verifier-key" \
    -api "$base/api/v1/ledger" -bundle "$base/api/v1/ledger/entries/0/bundle" || return 1
  curl -sf -o "$home/entry-1.tlog-proof" "$base/api/v1/ledger/entries/1/bundle" || { echo "bundle download failed"; return 1; }
  out="$(dotnet "$cli" ledger verify-proof "$home/entry-1.tlog-proof" --keys "$base/api/v1/ledger/verifier-key")" ||
    { echo "$out"; echo "verify-proof refused a genuine bundle"; return 1; }
  echo "$out"
  grep -q "cosigned by witness.interop.example" <<<"$out" || { echo "verify-proof did not report the witness"; return 1; }
  sed 's/^index 1$/index 2/' "$home/entry-1.tlog-proof" >"$home/tampered.tlog-proof"
  if out="$(dotnet "$cli" ledger verify-proof "$home/tampered.tlog-proof" --keys "$base/api/v1/ledger/verifier-key")"; then
    echo "$out"; echo "verify-proof accepted a tampered bundle"; return 1
  fi
  echo "$out"
}

# ---------------------------------------------------------------------------------------------------------------
# Test stages
# ---------------------------------------------------------------------------------------------------------------
trx_counter() { grep -o "<Counters [^>]*" "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0; }

# run_tests <stage> <project> [VAR=value ...]
run_tests() {
  local stage="$1" project="$2"
  shift 2
  local trx="$RESULTS/$stage.trx" started status=0 p f s
  rm -f "$trx"
  started=$(now)
  env "$@" dotnet test "$project" -c "$CONFIGURATION" --no-build --nologo ${TEST_FILTER:+--filter "$TEST_FILTER"} \
    --logger "trx;LogFileName=$stage.trx" --results-directory "$RESULTS" \
    --blame-hang-timeout 10m --blame-hang-dump-type none 2>&1 | tee "$LOGS/$stage.log" || status=$?
  if [[ -f "$trx" ]]; then
    p=$(trx_counter "$trx" passed)
    f=$(($(trx_counter "$trx" failed) + $(trx_counter "$trx" error) + $(trx_counter "$trx" timeout) + $(trx_counter "$trx" aborted)))
    # Skipped tests are counted in total but not in executed (VSTest leaves notExecuted at 0 for them).
    s=$(($(trx_counter "$trx" total) - $(trx_counter "$trx" executed)))
  else
    p=0 f=0 s=0
  fi
  if [[ $status -ne 0 && $f -eq 0 ]]; then
    # The run itself broke (crash, hang, no tests found): count it as one failure so the summary shows it.
    f=1
    NOTES+=("$stage: the test run failed without a failed test (exit $status) - see $LOGS/$stage.log")
  fi
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f))
  SKIPPED=$((SKIPPED + s))
  [[ $f -gt 0 ]] && FAILED_STAGES+=("$stage")
  TIMINGS+=("$(printf '%-14s %5ss  %4s passed, %s failed, %s skipped' "$stage" $(($(now) - started)) "$p" "$f" "$s")")
}

# timed <name> <command...>: a step that must succeed; on failure the script stops here.
timed() {
  local name="$1" started status=0
  shift
  started=$(now)
  "$@" || status=$?
  TIMINGS+=("$(printf '%-14s %5ss' "$name" $(($(now) - started)))")
  if [[ $status -ne 0 ]]; then
    header "summary"
    echo "  $name failed (exit $status): no tests were run"
    echo "0 passed, 1 failed"
    exit "$status"
  fi
}

mkdir -p "$RESULTS" "$LOGS"
SCRIPT_STARTED=$(now)

header "prerequisites"
timed prerequisites install_prerequisites
if wants sqlite || wants postgres; then install_npm_tools; fi

if [[ $BUILD -eq 1 ]]; then
  # In CI, leave no compiler server behind (it is shared per user, so a developer's machine keeps it).
  [[ "${CI:-}" == true ]] && CLEANUP+=("dotnet build-server shutdown >/dev/null 2>&1")
  header "restore"
  timed restore dotnet restore TalentPass.slnx --nologo
fi

if wants format; then
  header "format (dotnet format --verify-no-changes)"
  timed format dotnet format TalentPass.slnx --verify-no-changes --no-restore
fi

if [[ $BUILD -eq 1 ]]; then
  header "build ($CONFIGURATION)"
  timed build dotnet build TalentPass.slnx -c "$CONFIGURATION" --no-restore --nologo -clp:ErrorsOnly
fi

if wants unit; then
  header "unit tests"
  run_tests unit tests/TalentPass.UnitTests
fi

if wants architecture; then
  header "architecture tests"
  run_tests architecture tests/TalentPass.ArchitectureTests
fi

if wants sqlite; then
  header "integration tests on SQLite"
  run_tests sqlite tests/TalentPass.IntegrationTests TALENTPASS_TEST_PROVIDER=sqlite
fi

if wants postgres; then
  header "integration tests on PostgreSQL"
  started=$(now)
  if start_postgres; then
    TIMINGS+=("$(printf '%-14s %5ss' postgres-start $(($(now) - started)))")
    run_tests postgres tests/TalentPass.IntegrationTests TALENTPASS_TEST_PROVIDER=postgres "TALENTPASS_TEST_PG=$TALENTPASS_TEST_PG"
  else
    FAILED=$((FAILED + 1))
    FAILED_STAGES+=(postgres)
    NOTES+=("postgres: the private PostgreSQL cluster did not start - counted as 1 failure, see above")
  fi
fi

if wants browser; then
  header "browser tests (Playwright, Debian Chromium)"
  run_tests browser tests/TalentPass.BrowserTests "TALENTPASS_CHROMIUM=$(command -v chromium)"
fi

if wants ledger-interop; then
  header "ledger interoperability (Go sumdb/tlog + sumdb/note, CLI witness)"
  started=$(now)
  if build_tlog_interop; then
    TEST_FILTER="FullyQualifiedName~GoInteropTests" run_tests ledger-interop tests/TalentPass.UnitTests \
      "TALENTPASS_TLOG_INTEROP=$ARTIFACTS/tlog-interop/tlog-interop"
    started=$(now)
    status=0
    # Not in a pipeline: the function must run in this shell so that its CLEANUP entries stop the servers it starts.
    ledger_interop_live >"$LOGS/ledger-interop-live.log" 2>&1 || status=$?
    cat "$LOGS/ledger-interop-live.log"
    if [[ $status -eq 0 ]]; then
      PASSED=$((PASSED + 1))
      TIMINGS+=("$(printf '%-14s %5ss  %4s passed, %s failed, %s skipped' ledger-live $(($(now) - started)) 1 0 0)")
    else
      FAILED=$((FAILED + 1))
      FAILED_STAGES+=(ledger-live)
      TIMINGS+=("$(printf '%-14s %5ss  %4s passed, %s failed, %s skipped' ledger-live $(($(now) - started)) 0 1 0)")
    fi
  else
    FAILED=$((FAILED + 1))
    FAILED_STAGES+=(ledger-interop)
    NOTES+=("ledger-interop: the Go verifier did not build - counted as 1 failure, see above")
  fi
fi

header "summary"
printf '  %s\n' "${TIMINGS[@]}"
printf '  %-14s %5ss\n' total $(($(now) - SCRIPT_STARTED))
for note in "${NOTES[@]+"${NOTES[@]}"}"; do echo "  note: $note"; done
[[ ${#FAILED_STAGES[@]} -gt 0 ]] && echo "  failed stages: ${FAILED_STAGES[*]} (logs in artifacts/logs/)"
if [[ $SKIPPED -gt 0 ]]; then
  echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
else
  echo "$PASSED passed, $FAILED failed"
fi
[[ $FAILED -eq 0 ]]
