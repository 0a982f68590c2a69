#!/usr/bin/env bash
# The benchmarks: builds what they measure, installs the anchors and tools (dnsmasq, Kea, wrk,
# knot, dnsperf, dig)
# when root, and prints our figures beside the targets and anchors. Issue 2's start-up and
# memory benchmark, the proxy's throughput and latency (wrk), DESIGN.md's swarm check, and the
# discovery responder's NAPTR queries/s against knot (dnsperf), and DHCPv4 exchanges/s against
# dnsmasq and Kea (perfdhcp, as root: network namespaces).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"

if [ "$(id -u)" = 0 ]; then
  for p in dnsmasq-base kea-dhcp4-server kea-admin wrk knot dnsperf dnsutils iproute2; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
      || { apt-get update -q >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$p" >/dev/null; }
  done
fi

[ -x dist/altogw-linux-arm64/altogw ] || ./publish-arm64.sh
if [ ! -x dist/altogw-linux-x64/altogw ]; then
  dotnet publish src/AltoGateway.Host -c Release -r linux-x64 -p:PublishAot=true -o dist/altogw-linux-x64 -nologo -v quiet
fi

dotnet run --project tests/AltoGateway.Benchmarks -c Release -- startup "${1:-5}"
dotnet run --project tests/AltoGateway.Benchmarks -c Release --no-build -- proxy "${PROXY_SECONDS:-10}" "${PROXY_CONNECTIONS:-16}"
dotnet run --project tests/AltoGateway.Benchmarks -c Release --no-build -- swarm "${SWARM_TRIALS:-100000}" "${SWARM_ASKERS:-50}"
dotnet run --project tests/AltoGateway.Benchmarks -c Release --no-build -- dns "${DNS_SECONDS:-10}"
if [ "$(id -u)" = 0 ]; then
  dotnet run --project tests/AltoGateway.Benchmarks -c Release --no-build -- dhcp "${DHCP_SECONDS:-5}"
else
  echo "DHCP benchmark not run: it builds network namespaces, run run.sh as root"
fi
