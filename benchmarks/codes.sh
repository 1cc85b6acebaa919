#!/usr/bin/env bash
# Talent-code micro benchmarks on one core: offline verification es256 vs raw ECDsa.VerifyData, sm2 vs
# `openssl speed sm2` and a bare EVP loop, issuance es256 vs raw signing, QR version of dynamic and static codes
# (QRCoder, ECC M) — each figure beside its limit measured in the same run. Writes docs/benchmarks/codes.md.
#   benchmarks/codes.sh [--seconds S] [--rounds R]
# The process (and the openssl it starts) is pinned to one CPU with taskset when available: "per core" figures.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

command -v openssl >/dev/null || { echo "openssl is required (apt-get install openssl)" >&2; exit 1; }
dotnet build -c Release benchmarks/TalentPass.Benchmarks >/dev/null

pin=()
if command -v taskset >/dev/null; then
  cpu=$(( $(nproc) - 1 ))
  pin=(taskset -c "$cpu")
fi
"${pin[@]}" dotnet benchmarks/TalentPass.Benchmarks/bin/Release/net10.0/TalentPass.Benchmarks.dll codes --output docs/benchmarks/codes.md "$@"
