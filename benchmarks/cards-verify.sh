#!/usr/bin/env bash
# Card verification benchmark: wrk on loopback against POST /api/v1/cards/verify of the real web host (Release, SQLite,
# demo data, bearer token of demo-bank, the demo card ZY-DEMO-CARD-A1 and unknown tokens, every verification logged)
# and, in the same run and interleaved, against POST /api/v1/codes/verify (demo-servicepoint, static codes) — the
# issue's bar is "the same as online code verification". After the run the host is stopped cleanly and the card
# verification log is counted. Writes docs/benchmarks/cards-verify.md.
#   benchmarks/cards-verify.sh [--duration 15s] [--connections 32] [--threads 2] [--rounds 3]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

duration=15s connections=32 threads=2 rounds=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null; then
  echo "installing wrk (apt-get)"
  sudo_cmd=(); [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi

dotnet build -c Release src/TalentPass.Web >/dev/null

work="$(mktemp -d /tmp/talentpass-bench-cards.XXXXXX)"
app_port=5399
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

ASPNETCORE_ENVIRONMENT=Benchmark ASPNETCORE_URLS="http://127.0.0.1:$app_port" TALENTPASS_HOME="$work" \
  Database__Provider=Sqlite ConnectionStrings__TalentPass="Data Source=$work/talentpass.db" \
  Demo__Enabled=true Demo__Talents=60 FieldProtection__AllowGeneratedKeys=true Codes__AllowGeneratedKeys=true Ledger__AllowGeneratedKeys=true \
  Logging__LogLevel__Default=Warning DOTNET_gcServer=1 \
  dotnet src/TalentPass.Web/bin/Release/net10.0/TalentPass.Web.dll >"$work/web.log" 2>&1 &
app_pid=$!
pids+=("$app_pid")

echo "starting the web host"
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$app_port/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$app_port/health/ready" >/dev/null || { cat "$work/web.log" >&2; exit 1; }

token() {
  curl -fs -X POST "http://127.0.0.1:$app_port/api/v1/auth/token" -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"Demo@12345\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
talent_token="$(token demo-talent)"
staff_token="$(token demo-servicepoint)"
bank_token="$(token demo-bank)"

python3 - "$app_port" "$talent_token" "$staff_token" "$bank_token" "$work" <<'PY'
import json, sys, urllib.request
app, talent, staff, bank, work = sys.argv[1:6]
codes = []
for _ in range(100):
    r = urllib.request.Request(f"http://127.0.0.1:{app}/api/v1/codes/me/static", method="POST", headers={"Authorization": f"Bearer {talent}"})
    codes.append(json.load(urllib.request.urlopen(r))["code"])
# Three requests in four verify the demo card (valid: card + talent read), one an unknown token (card miss).
cards = ["ZY-DEMO-CARD-A1"] * 3 + ["tok_unknown_%04d" % i for i in range(1)]
def lua(bodies, token, path):
    with open(path, "w") as f:
        f.write("local bodies = {" + ",".join(json.dumps(json.dumps(b)) for b in bodies) + "}\n")
        f.write("local i = 0\nrequest = function()\n  i = i + 1\n")
        f.write(f"  return wrk.format('POST', nil, {{[\"Content-Type\"] = \"application/json\", [\"Authorization\"] = \"Bearer {token}\"}}, bodies[(i % #bodies) + 1])\nend\n")
lua([{"code": c} for c in codes], staff, f"{work}/codes.lua")
lua([{"cardToken": t} for t in cards], bank, f"{work}/cards.lua")
r = urllib.request.Request(f"http://127.0.0.1:{app}/api/v1/cards/verify", data=json.dumps({"cardToken": "ZY-DEMO-CARD-A1"}).encode(), method="POST",
                           headers={"Authorization": f"Bearer {bank}", "Content-Type": "application/json"})
answer = json.load(urllib.request.urlopen(r))
assert answer["outcome"] == "valid", answer
PY

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run() { # run <name> <url> <lua>
  local before after
  before=$(cpu_ticks "$app_pid")
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$3" "$2" >"$work/$1.out" 2>&1
  after=$(cpu_ticks "$app_pid")
  python3 - "$1" "$work/$1.out" "$((after - before))" "$(getconf CLK_TCK)" >>"$work/results.txt" <<'PY'
import re, sys
name, path, ticks, hz = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
text = open(path).read()
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
total = int(re.search(r"(\d+) requests in", text).group(1))
non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", text)) else 0
errors = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
print(name, rps, p50, p99, total, non2xx, errors, ticks * 1e6 / hz / max(total, 1))
PY
}

echo "warm-up, then $rounds rounds of code and card verification ($duration each)"
wrk -t"$threads" -c"$connections" -d5s -s "$work/codes.lua" "http://127.0.0.1:$app_port/api/v1/codes/verify" >/dev/null
wrk -t"$threads" -c"$connections" -d5s -s "$work/cards.lua" "http://127.0.0.1:$app_port/api/v1/cards/verify" >"$work/warmup.out"
warmup_requests=$(grep -o '[0-9]* requests in' "$work/warmup.out" | grep -o '^[0-9]*')
: >"$work/results.txt"
for r in $(seq 1 "$rounds"); do
  run "codes-$r" "http://127.0.0.1:$app_port/api/v1/codes/verify" "$work/codes.lua"
  run "cards-$r" "http://127.0.0.1:$app_port/api/v1/cards/verify" "$work/cards.lua"
done

kill -TERM "$app_pid"
wait "$app_pid" 2>/dev/null || true
log_rows=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from cards_verifications').fetchone()[0])" "$work/talentpass.db")

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') × $(nproc), load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p docs/benchmarks
python3 - "$work/results.txt" "$log_rows" "$warmup_requests" "$duration" "$connections" "$threads" "$rounds" "$cpu" >docs/benchmarks/cards-verify.md <<'PY'
import statistics, sys
results, log_rows, warmup, duration, connections, threads, rounds, cpu = sys.argv[1:9]
by = {}
for line in open(results):
    if line.strip():
        name, *v = line.split()
        by.setdefault(name.rsplit("-", 1)[0], []).append([float(x) for x in v])
def med(kind, i): return statistics.median(v[i] for v in by[kind])
total = sum(v[3] for v in by["cards"]) + int(warmup or 0)
bad = sum(v[4] + v[5] for v in by["cards"])
ok = lambda b: "**met**" if b else "**not met**"
print("# Card verification benchmark (`POST /api/v1/cards/verify`)")
print()
print(f"Machine: {cpu}; wrk {threads} threads, {connections} connections, {duration} per run, {rounds} interleaved rounds; "
      "web host Release, SQLite, server GC, logging at Warning; bearer token of demo-bank; 3 of 4 requests verify the demo "
      "card (valid), 1 of 4 an unknown token. Reproduce: `benchmarks/cards-verify.sh` (options `--duration --connections --threads --rounds`).")
print()
print("| endpoint | requests/s (median) | p50 ms | p99 ms | server CPU µs per request | runs (requests/s) |")
print("|---|---|---|---|---|---|")
for kind, label in [("codes", "code verification (the bar, same run)"), ("cards", "card verification")]:
    print(f"| {label} | {med(kind, 0):.0f} | {med(kind, 1):.2f} | {med(kind, 2):.2f} | {med(kind, 6):.0f} | {', '.join(f'{v[0]:.0f}' for v in by[kind])} |")
print()
print("| target | limit (same run) | measured | result |")
print("|---|---|---|---|")
ratio = med("cards", 0) / med("codes", 0)
print(f"| same bar as online code verification: throughput | {med('codes', 0):.0f}/s | {med('cards', 0):.0f}/s ({ratio:.0%}) | {ok(ratio >= 0.9)} |")
print(f"| same bar as online code verification: p99 < 20 ms | — | {med('cards', 2):.2f} ms | {ok(med('cards', 2) < 20)} |")
print(f"| every acknowledged verification logged after a clean shutdown | {int(total)} answered (incl. warm-up), {int(bad)} errors/non-2xx | {log_rows} rows in `cards_verifications` | {ok(int(log_rows) >= total - bad)} |")
print()
print("Notes: a card verification is two indexed reads (card by `(partner_id, token_hash)`, talent by id through "
      "`ITalentDirectory`, each an EF Core query on its own DbContext) and an HMAC of the token, where a code verification "
      "is an ECDSA check against in-memory keys and statuses with no database round trip; the verification log is queued "
      "and written in batches (token hash only). The two database reads are where the CPU goes; the remedies, not yet "
      "done, are an in-memory card index per node invalidated by a version counter (as the Codes status cache does) and "
      "a talent-status cache shared with Codes, or at least compiled queries for the two reads.")
PY
cat docs/benchmarks/cards-verify.md
