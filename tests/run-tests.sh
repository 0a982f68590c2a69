#!/usr/bin/env bash
# Runs the whole AltoGateway test suite, the way CI does (.ci/run calls exactly this).
#
#   tests/run-tests.sh            as root: installs the Debian packages the tests use, builds the
#                                 arm64 agent for the emulated board, runs every test
#                                 as a user: tests that need root or a missing tool are skipped
#                                 (with the reason); with CI=true they fail instead
#
# The last line printed is "N passed, N failed[, N skipped]", counted from the TRX result files
# of this run; the exit status is non-zero when any test failed or nothing ran.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

# Debian packages used by the tests (tool -> package is listed in README, "Running the tests").
packages=(
  curl                      # smoke checks in scripts
  prometheus                # promtool: /metrics must pass "promtool check metrics"
  systemd                   # systemd-analyze verify of systemd/altogateway.service
  qemu-user-static          # the emulated arm64 board
  clang lld llvm            # NativeAOT cross-compilation (publish-arm64.sh)
  binutils-aarch64-linux-gnu gcc-aarch64-linux-gnu libc6-dev-arm64-cross zlib1g-dev:arm64
  dpkg-dev                  # dpkg-deb for the .deb package
  iproute2 nftables conntrack  # NAT integration tests: network namespaces, nft SNAT, conntrack -L/-D
  knot                      # knotd: a real DNS server for the discovery resolver (RFC 8686 App. C.4 walk)
  dnsutils knot-dnsutils    # dig and kdig: the discovery responder asked by real DNS clients
  isc-dhcp-client udhcpc dhcpcd-base dnsmasq-base  # DHCP: real clients in network namespaces, dnsmasq as reference and relay upstream
  kea-admin tcpdump         # DHCP server crash test: perfdhcp load, tcpdump records the DHCPACKs the clients got
  kea-dhcp4-server          # DHCP relay test: Kea as the relay's upstream server
)

missing_packages() {
  local missing=() p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  echo "${missing[@]:-}"
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "tests/run-tests.sh: the .NET 10 SDK is not installed (README, 'Before you start', says how)." >&2
  exit 2
fi

missing=$(missing_packages)
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing Debian packages: $missing"
    dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
    apt-get update -q >/dev/null
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null
  else
    echo "== not root: not installing $missing; tests that need them will be skipped"
  fi
fi

results="$repo/tests/TestResults"
rm -rf "$results"
mkdir -p "$results"

echo "== dotnet build"
dotnet build AltoGateway.sln -nologo -v quiet 2>&1 | tail -n 3

# The emulated-board tests run the real arm64 NativeAOT build under qemu.
if [ "$(missing_packages)" = "" ]; then
  echo "== publish-arm64.sh (NativeAOT linux-arm64 for the emulated board)"
  ./publish-arm64.sh > "$results/publish-arm64.log" 2>&1 || {
    tail -n 40 "$results/publish-arm64.log"
    echo "publish-arm64.sh failed: the emulated-board tests will fail" >&2
  }
  tail -n 3 "$results/publish-arm64.log"
fi

echo "== dotnet test"
set +e
dotnet test AltoGateway.sln --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
test_exit=$?
set -e

passed=0 failed=0 skipped=0 files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

if [ "$files" = 0 ]; then
  echo "no test results were written (did the build fail?)" >&2
  exit 1
fi

line="$passed passed, $failed failed"
[ "$skipped" = 0 ] || line="$line, $skipped skipped"
echo "$line"

if [ "$failed" != 0 ] || [ "$passed" = 0 ] || [ "$test_exit" != 0 ]; then
  exit 1
fi
