#!/usr/bin/env bash
# run-arm64.sh - the emulated-hardware harness: run the linux-arm64 build of altogw on an x64
# host under QEMU user-mode emulation (qemu-aarch64-static), as if on the gateway's CPU.
#
#   hardware/emulated/run-arm64.sh [--binary PATH] [--] [ALTOGW ARGUMENTS...]
#
#   hardware/emulated/run-arm64.sh run --config my.json
#   hardware/emulated/run-arm64.sh --binary path/to/altogw check-config
#
# Runs dist/altogw-linux-arm64/altogw (from ./publish-arm64.sh) unless --binary (or the
# ALTOGW_ARM64_BINARY environment variable) names another one. Every other argument goes to altogw
# unchanged, and so does the environment: NOTIFY_SOCKET, WATCHDOG_USEC, ALTOGW__* and friends
# reach the agent. The script exec()s QEMU, so the agent keeps this script's PID (what
# WATCHDOG_PID, NotifyAccess=main and "kill $!" expect) and receives signals directly. The exit
# status is the agent's.
#
# QEMU only emulates the CPU: system calls go to the host kernel, so sockets, netlink, /proc and
# files behave as on the real box. Shared libraries (the arm64 glibc, and libstdc++ for the
# trimmed JIT build) come from Debian multiarch (dpkg --add-architecture arm64); missing pieces
# are installed with apt-get when running as root. On an arm64 host the binary runs natively.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"

binary="${ALTOGW_ARM64_BINARY:-$repo_root/dist/altogw-linux-arm64/altogw}"
if [[ ${1:-} == --binary ]]; then
    (($# >= 2)) || { echo "run-arm64.sh: --binary needs a path" >&2; exit 2; }
    binary=$2
    shift 2
elif [[ ${1:-} == --binary=* ]]; then
    binary=${1#--binary=}
    shift
fi
if [[ ${1:-} == -- ]]; then
    shift
fi

die() {
    echo "run-arm64.sh: $*" >&2
    exit 1
}

[[ -f $binary ]] || die "no binary at $binary (build it with ./publish-arm64.sh, or pass --binary PATH)"
[[ -x $binary ]] || die "$binary is not executable"

# Debian packages to add, installed in one go (as root) or reported (otherwise).
missing_packages=()
install_missing() {
    ((${#missing_packages[@]} > 0)) || return 0
    local add_arch=false
    if printf '%s\n' "${missing_packages[@]}" | grep -q ':arm64$' &&
        ! dpkg --print-foreign-architectures 2>/dev/null | grep -qx arm64; then
        add_arch=true
    fi
    if ((EUID != 0)); then
        {
            echo "run-arm64.sh: missing: ${missing_packages[*]}. Install them as root with:"
            $add_arch && echo "    dpkg --add-architecture arm64"
            echo "    apt-get update && apt-get install --no-install-recommends ${missing_packages[*]}"
        } >&2
        exit 1
    fi
    echo "run-arm64.sh: installing ${missing_packages[*]}" >&2
    $add_arch && dpkg --add-architecture arm64
    # apt's progress goes to stderr: stdout belongs to the agent.
    apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing_packages[@]}" >&2
    missing_packages=()
}

# On an arm64 machine there is nothing to emulate.
if [[ "$(uname -m)" == aarch64 ]]; then
    exec "$binary" "$@"
fi

# --- QEMU ------------------------------------------------------------------------------------
qemu="$(command -v qemu-aarch64-static || command -v qemu-aarch64 || true)"
if [[ -z $qemu ]]; then
    missing_packages+=(qemu-user-static)
    install_missing
    qemu="$(command -v qemu-aarch64-static)" || die "qemu-aarch64-static still not found"
fi

# --- arm64 loader and libraries --------------------------------------------------------------
# The binary asks for /lib/ld-linux-aarch64.so.1. With Debian multiarch (libc6:arm64) the loader
# and libraries live at their normal places (/lib/aarch64-linux-gnu), so the prefix is "/".
# (Not the cross-compiler's copy in /usr/aarch64-linux-gnu: with that prefix the agent spins at
# start-up under Debian 12's QEMU and never gets to main.) A caller's QEMU_LD_PREFIX wins.
if [[ -z ${QEMU_LD_PREFIX:-} ]]; then
    if [[ ! -e /lib/ld-linux-aarch64.so.1 ]]; then
        missing_packages+=(libc6:arm64)
        install_missing
    fi
    export QEMU_LD_PREFIX=/
fi

# Every shared library the program and its neighbours (the trimmed build's runtime) link against
# must exist for arm64; the NativeAOT binary needs glibc only. Checked up front, because the
# loader's own error under QEMU is terse.
library_dirs=("$QEMU_LD_PREFIX/lib/aarch64-linux-gnu" "$QEMU_LD_PREFIX/usr/lib/aarch64-linux-gnu" "$QEMU_LD_PREFIX/lib")
if command -v readelf >/dev/null 2>&1; then
    binary_dir="$(dirname "$binary")"
    elf_files=("$binary")
    if [[ -e $binary_dir/libcoreclr.so ]]; then # a self-contained .NET build: its runtime too
        mapfile -t -O 1 elf_files < <(find "$binary_dir" -maxdepth 1 -type f -name '*.so' \
            ! -name libcoreclrtraceptprovider.so)
    fi
    needed="$(readelf -d "${elf_files[@]}" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)"
    for library in $needed; do
        [[ -e $binary_dir/$library ]] && continue
        found=false
        for dir in "${library_dirs[@]}"; do
            [[ -e $dir/$library ]] && found=true && break
        done
        $found && continue
        case "$library" in
            libstdc++.so.*) missing_packages+=(libstdc++6:arm64) ;;
            libgcc_s.so.*) missing_packages+=(libgcc-s1:arm64) ;;
            libz.so.*) missing_packages+=(zlib1g:arm64) ;;
            *) missing_packages+=(libc6:arm64) ;;
        esac
    done
    if ((${#missing_packages[@]} > 0)); then
        mapfile -t missing_packages < <(printf '%s\n' "${missing_packages[@]}" | sort -u)
        if [[ $QEMU_LD_PREFIX != / ]]; then
            die "libraries missing under QEMU_LD_PREFIX=$QEMU_LD_PREFIX (${missing_packages[*]})"
        fi
        install_missing
    fi
fi

exec "$qemu" "$binary" "$@"
