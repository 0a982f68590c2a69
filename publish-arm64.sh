#!/usr/bin/env bash
# publish-arm64.sh - build the AltoGateway agent (altogw) for linux-arm64 and package it.
#
#   ./publish-arm64.sh             NativeAOT (the shipped form): one native binary, no .NET runtime
#   ./publish-arm64.sh --trimmed   trimmed self-contained JIT build instead (PublishTrimmed, no AOT)
#   ./publish-arm64.sh [--trimmed] -- ARGS...   extra arguments for "dotnet publish"
#                                               (e.g. -- -p:TrimmerSingleWarn=false)
#
# Runs on an x64 (or arm64) Debian/Ubuntu host with the .NET 10 SDK. NativeAOT cross-compiles with
# clang and the Debian aarch64 cross toolchain; missing Debian packages are installed with apt-get
# when run as root, otherwise the script says what to install.
#
# Output, under dist/ at the repository root:
#   dist/altogw-linux-arm64/                  the program: "altogw" (plus, for --trimmed, the
#                                             runtime files it loads from its own directory)
#   dist/altogw-<version>-linux-arm64.tar.gz  the program (bin/), default configuration, systemd
#                                             files and INSTALL.txt for installing by hand
#   dist/altogateway_<version>_arm64.deb      Debian package (see "Debian package" below)
# Intermediate files stay in dist/.build/<aot|trimmed>/, which makes a second run fast.
#
# The build fails on any trimming/AOT analysis warning from our own assemblies (altogw*,
# AltoGateway*). Warnings from third-party assemblies are listed at the end and tolerated.
set -euo pipefail

# ---------------------------------------------------------------------------------------------
# Settings and arguments
# ---------------------------------------------------------------------------------------------
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo_root"
umask 022 # package contents: files 0644/0755, whatever the caller's umask

project=src/AltoGateway.Host/AltoGateway.Host.csproj
default_config=src/AltoGateway.Host/altogateway.default.json
rid=linux-arm64
dist=dist
out_dir="$dist/altogw-$rid"
# Assemblies whose trim/AOT warnings fail the build (prefix match, case-insensitive).
own_assembly_pattern='^(altogw|altogateway)'

mode=aot
extra_publish_args=()
while (($# > 0)); do
    case "$1" in
        --trimmed) mode=trimmed ;;
        --aot) mode=aot ;;
        -h | --help)
            sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
            exit 0
            ;;
        --)
            shift
            extra_publish_args=("$@")
            break
            ;;
        *)
            echo "publish-arm64.sh: unknown argument '$1' (try --help)" >&2
            exit 2
            ;;
    esac
    shift
done

build_dir="$dist/.build/$mode"
publish_dir="$build_dir/publish"
started=$SECONDS

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

step() { printf '\n==> %s\n' "$*"; }
die() {
    printf '\npublish-arm64.sh: error: %s\n' "$*" >&2
    exit 1
}

# ---------------------------------------------------------------------------------------------
# Prerequisites
# ---------------------------------------------------------------------------------------------
# Each check is "package test...": the Debian package that provides what the test looks for.
# Tests look for files and commands rather than package names, so tools installed another way
# count too.
missing_packages=()
need() {
    local package=$1
    shift
    "$@" >/dev/null 2>&1 || missing_packages+=("$package")
}
has_command() { command -v "$1"; }
has_file() { # any of the given paths or globs exists
    local pattern
    for pattern in "$@"; do
        compgen -G "$pattern" >/dev/null && return 0
    done
    return 1
}

step "Checking prerequisites ($mode build)"
command -v dotnet >/dev/null 2>&1 ||
    die "the .NET 10 SDK ('dotnet') is not on PATH; install it (https://dot.net, or Microsoft's Debian package feed) and run again."

# Packaging (both modes).
need dpkg has_command dpkg-deb
need binutils has_command readelf
need tar has_command tar
need gzip has_command gzip

if [[ $mode == aot ]]; then
    # NativeAOT links the native code with clang; symbols are split off with llvm-objcopy.
    need clang has_command clang
    need llvm has_command llvm-objcopy
    if [[ "$(uname -m)" == aarch64 ]]; then
        # Native build on an arm64 machine: the ordinary toolchain.
        need libc6-dev has_file /usr/lib/aarch64-linux-gnu/libc.so
        need zlib1g-dev has_file /usr/lib/aarch64-linux-gnu/libz.a /usr/lib/aarch64-linux-gnu/libz.so
    else
        # Cross build: clang --target=aarch64-linux-gnu uses the GNU cross linker
        # (aarch64-linux-gnu-ld.bfd), the cross gcc's crt*.o and libgcc, the arm64 glibc and zlib.
        need binutils-aarch64-linux-gnu has_command aarch64-linux-gnu-ld.bfd
        need gcc-aarch64-linux-gnu has_file '/usr/lib/gcc-cross/aarch64-linux-gnu/*/crtbeginS.o'
        need libc6-dev-arm64-cross has_file /usr/aarch64-linux-gnu/lib/libc.so /usr/lib/aarch64-linux-gnu/libc.so
        need zlib1g-dev:arm64 has_file /usr/lib/aarch64-linux-gnu/libz.a /usr/lib/aarch64-linux-gnu/libz.so
    fi
fi

if ((${#missing_packages[@]} > 0)); then
    needs_arm64_arch=false
    if printf '%s\n' "${missing_packages[@]}" | grep -q ':arm64$' &&
        ! dpkg --print-foreign-architectures 2>/dev/null | grep -qx arm64; then
        needs_arm64_arch=true
    fi
    if ((EUID != 0)); then
        {
            echo
            echo "publish-arm64.sh: missing build prerequisites: ${missing_packages[*]}"
            echo "Install them (as root) with:"
            if $needs_arm64_arch; then
                echo "    dpkg --add-architecture arm64"
            fi
            echo "    apt-get update"
            echo "    apt-get install --no-install-recommends ${missing_packages[*]}"
            if $needs_arm64_arch; then
                echo "(On Ubuntu, arm64 packages come from ports.ubuntu.com: restrict the existing"
                echo " apt sources to [arch=amd64] and add a ports source for [arch=arm64].)"
            fi
        } >&2
        exit 1
    fi
    echo "Installing: ${missing_packages[*]}"
    if $needs_arm64_arch; then
        dpkg --add-architecture arm64
    fi
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing_packages[@]}"
fi

# ---------------------------------------------------------------------------------------------
# Version (from the build: src/Directory.Build.props)
# ---------------------------------------------------------------------------------------------
version="$(dotnet msbuild "$project" -nologo -getProperty:Version -p:Configuration=Release | tr -d '[:space:]')"
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$ ]] ||
    die "could not read the version from the build (got '$version')"
# Debian orders "1.0.0~rc.1" before "1.0.0", as SemVer orders "1.0.0-rc.1" before "1.0.0".
deb_version="${version/-/\~}"
# Timestamps inside the archives: the last commit's date, so that unchanged sources give
# byte-identical archives.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$repo_root" log -1 --format=%ct 2>/dev/null || date +%s)}"
echo "AltoGateway $version, $mode build for $rid"

# ---------------------------------------------------------------------------------------------
# Publish
# ---------------------------------------------------------------------------------------------
step "dotnet publish ($mode)"
# Remove the outputs of earlier runs first: a failed build must not leave an older binary
# looking like the result of this one. Intermediate files (obj/, bin/) are kept.
rm -rf "$out_dir" "$publish_dir" "$dist/altogw-"*"-$rid.tar.gz" "$dist/altogateway_"*"_arm64.deb"
mkdir -p "$build_dir"

publish_args=(
    "$project" -c Release -r "$rid" -nologo
    # Our own obj/ and bin/ under dist/.build/<mode>/: never touches src/*/obj or src/*/bin, so a
    # developer's Debug build (or IDE) running at the same time is not disturbed.
    --artifacts-path "$build_dir"
    -o "$publish_dir"
    # The repository treats warnings as errors; for the trimmer and ILC that would also fail on
    # third-party warnings. This script judges them instead (see "Trimming/AOT warnings" below).
    -p:IlcTreatWarningsAsErrors=false
    -p:ILLinkTreatWarningsAsErrors=false
    # Every warning of the run, one per line, without the summary repeats.
    "-flp:LogFile=$build_dir/publish-warnings.log;WarningsOnly;NoSummary"
)
if [[ $mode == aot ]]; then
    publish_args+=(-p:PublishAot=true)
    # ILC's output; newer than the stamp below means the trim/AOT analysis ran in this run.
    analysis_output_name=altogw.o
else
    publish_args+=(-p:PublishAot=false -p:PublishTrimmed=true --self-contained true)
    analysis_output_name=altogw.dll # the trimmer's output under obj/.../linked/
fi

analysis_stamp="$build_dir/.analysis-stamp"
analysis_ran() {
    [[ -n "$(find "$build_dir/obj" \( -path '*/native/*' -o -path '*/linked/*' \) \
        -name "$analysis_output_name" -newer "$analysis_stamp" -print -quit 2>/dev/null)" ]]
}
# MSBuild reruns ILC/the trimmer when an input file changes (sources, project files, packages),
# not when a property given on the command line does. So when this run's publish arguments
# differ from the last run's (e.g. "-- -p:Something=..."), throw the compiler's output away.
forget_analysis() {
    find "$build_dir/obj" \( -path '*/native/*' -name "$analysis_output_name" \
        -o -path '*/linked/*' -name Link.semaphore \) -delete 2>/dev/null || true
    rm -f "$build_dir/analysis-warnings.log"
}
arguments_now="$(printf '%s\n' "${publish_args[@]}" "${extra_publish_args[@]}")"
if [[ ! -f $build_dir/publish-arguments.txt || "$(cat "$build_dir/publish-arguments.txt")" != "$arguments_now" ]]; then
    forget_analysis
fi
touch "$analysis_stamp"
sleep 1 # mtime granularity: anything the publish writes is strictly newer than the stamp

dotnet publish "${publish_args[@]}" "${extra_publish_args[@]}"
printf '%s\n' "$arguments_now" >"$build_dir/publish-arguments.txt"

# When nothing changed, MSBuild skips ILC/the trimmer and prints no analysis warnings. The
# warnings of the run that produced the current binary are kept in analysis-warnings.log.
saved_warnings="$build_dir/analysis-warnings.log"
if analysis_ran; then
    cp "$build_dir/publish-warnings.log" "$saved_warnings"
elif [[ ! -f $saved_warnings ]]; then
    # The compiler output is up to date but its warnings were not kept (dist/.build/ partly
    # deleted, or made by a plain "dotnet publish"): run the analysis once more.
    echo "No saved trim/AOT analysis for the current build; running it again."
    forget_analysis
    touch "$analysis_stamp"
    sleep 1
    dotnet publish "${publish_args[@]}" "${extra_publish_args[@]}"
    analysis_ran || die "the trim/AOT analysis did not run; delete $build_dir and try again"
    cp "$build_dir/publish-warnings.log" "$saved_warnings"
else
    echo "(Trim/AOT analysis unchanged since the last run: its warnings are reused.)"
fi

# ---------------------------------------------------------------------------------------------
# Trimming/AOT warnings: ours fail the build, third-party ones are listed at the end
# ---------------------------------------------------------------------------------------------
# Warning lines look like (MSBuild's node prefix "1:7>" and the trailing "[project]" removed):
#   /repo/src/X/File.cs(12): Trim analysis warning IL2026: Ns.Type.Method(): Using member ...
#   ~/.nuget/packages/foo/1.0/lib/net8.0/Foo.dll : warning IL2104: Assembly 'Foo' produced ...
#   ILLink : Trim analysis warning IL2026: Ns.Type.Method(): ...       (no symbols: by member)
# The owner is the assembly named in the message, else the file the warning points at (a file
# inside this repository is ours), else the namespace of the member it is reported on.
warning_owner() {
    local line=$1 origin member
    if [[ $line =~ Assembly\ \'([^\']+)\'\ produced ]]; then
        echo "${BASH_REMATCH[1]}"
        return
    fi
    origin="$(sed -E 's/ ?: ((Trim|AOT) analysis )?warning IL[0-9]{4}:.*$//; s/\([0-9,]+\)$//' <<<"$line")"
    member="$(sed -E 's/^.*warning IL[0-9]{4}: //; s/[(:].*$//' <<<"$line")"
    case "$origin" in
        "$repo_root"/src/*) # one of our projects; name it by its directory (= project name)
            origin=${origin#"$repo_root"/src/}
            echo "${origin%%/*}"
            ;;
        "$repo_root"/*) echo "altogw (generated code)" ;;
        *.dll | *.exe) basename "${origin%.*}" ;;
        /* | [A-Za-z]:*) echo "third-party source $origin" ;;
        *) # no file: judge by the member's namespace. Top-level statements live in "Program".
            if [[ $member == Program.* || $member == '<'* ]]; then
                echo "altogw (Program)"
            else
                cut -d. -f1-2 <<<"$member" # e.g. "Newtonsoft.Json" (namespace, close to the assembly)
            fi
            ;;
    esac
}

own_warnings=()
third_party_warnings=()
other_warnings=()
while IFS= read -r line; do
    [[ -z $line ]] && continue
    if [[ ! $line =~ warning\ IL[0-9]{4}: ]]; then
        other_warnings+=("$line")
        continue
    fi
    owner="$(warning_owner "$line")"
    owner_lower=${owner,,}
    if [[ $owner_lower =~ $own_assembly_pattern ]]; then
        own_warnings+=("[$owner] $line")
    else
        third_party_warnings+=("[$owner] $line")
    fi
done < <(sed -E 's/^[[:space:]]*[0-9]+(:[0-9]+)?>//; s/ \[[^]]*\]$//' "$saved_warnings" "$build_dir/publish-warnings.log" | sort -u)

if ((${#own_warnings[@]} > 0)); then
    {
        echo
        echo "Trimming/AOT warnings in our own code (the build must stay trim- and AOT-clean):"
        printf '  %s\n' "${own_warnings[@]}"
        if ((${#third_party_warnings[@]} > 0)); then
            echo "Third-party warnings (tolerated):"
            printf '  %s\n' "${third_party_warnings[@]}"
        fi
    } >&2
    die "${#own_warnings[@]} trimming/AOT warning(s) from our assemblies; nothing was packaged."
fi

# ---------------------------------------------------------------------------------------------
# dist/altogw-linux-arm64: the program and what it needs beside it
# ---------------------------------------------------------------------------------------------
step "Staging $out_dir"
# Left out: debug symbols (*.pdb, NativeAOT's altogw.dbg, kept in $publish_dir), the empty static
# web assets manifest (the agent serves no static files), the sample configurations (shipped as
# examples instead) and the LTTng trace provider (needs liblttng-ust, loaded only if present).
mkdir -p "$out_dir"
tar -C "$publish_dir" \
    --exclude='*.pdb' --exclude='*.dbg' --exclude='*.staticwebassets.*.json' \
    --exclude='./samples' --exclude='libcoreclrtraceptprovider.so' \
    -cf - . | tar -C "$out_dir" -xf -
# Package-friendly modes whatever the NuGet caches had: programs 0755, libraries and data 0644.
find "$out_dir" -type d -exec chmod 0755 {} +
find "$out_dir" -type f -name '*.so' -exec chmod 0644 {} +
find "$out_dir" -type f ! -name '*.so' -perm -u+x -exec chmod 0755 {} +
find "$out_dir" -type f ! -name '*.so' ! -perm -u+x -exec chmod 0644 {} +
binary="$out_dir/altogw"
[[ -x $binary ]] || die "publish produced no $binary"
machine="$(readelf -h "$binary" | sed -n 's/^ *Machine: *//p')"
[[ $machine == AArch64 ]] || die "$binary is not an arm64 ELF executable (machine: ${machine:-unknown})"

# Runtime dependencies for the .deb, from the shared libraries the ELF files ask for
# (dpkg-shlibdeps would need a full Debian source tree and arm64 -dev packages).
elf_files=()
while IFS= read -r -d '' file; do
    if [[ "$(head -c 4 "$file" | od -An -c | tr -d ' ')" == '177ELF' ]]; then
        elf_files+=("$file")
    fi
done < <(find "$out_dir" -type f -print0)
glibc_min="$(for f in "${elf_files[@]}"; do readelf -W --dyn-syms "$f"; done |
    grep -oE 'GLIBC_[0-9]+(\.[0-9]+)+' | sed 's/^GLIBC_//' | sort -Vu | tail -n1)"
depends=("libc6${glibc_min:+ (>= $glibc_min)}")
while IFS= read -r library; do
    [[ -e $out_dir/$library ]] && continue # shipped beside the program (--trimmed)
    case "$library" in
        libc.so.* | libm.so.* | libdl.so.* | libpthread.so.* | librt.so.* | ld-linux-*) ;;
        libstdc++.so.6) depends+=("libstdc++6") ;;
        libgcc_s.so.1) depends+=("libgcc-s1") ;;
        libz.so.1) depends+=("zlib1g") ;;
        *) die "$out_dir needs $library: add its Debian package to the Depends mapping in publish-arm64.sh" ;;
    esac
done < <(for f in "${elf_files[@]}"; do readelf -d "$f"; done |
    sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)
depends_field="$(printf '%s\n' "${depends[@]}" | sort -u | paste -sd, - | sed 's/,/, /g')"

# ---------------------------------------------------------------------------------------------
# Files shared by the tarball and the .deb
# ---------------------------------------------------------------------------------------------
extras="$build_dir/extras"
rm -rf "$extras"
mkdir -p "$extras/systemd"
cp systemd/altogateway.service systemd/altogateway.sysusers systemd/altogateway.tmpfiles "$extras/systemd/"
if [[ $mode == trimmed ]]; then
    # The JIT must make memory executable, which MemoryDenyWriteExecute=yes forbids.
    cat >"$extras/systemd/10-jit.conf" <<'EOF'
# Installed with the trimmed JIT build of altogw (publish-arm64.sh --trimmed) only: the JIT has
# to make generated code executable, which MemoryDenyWriteExecute=yes forbids. The NativeAOT
# build does not need this drop-in.
[Service]
MemoryDenyWriteExecute=no
EOF
fi
cp "$default_config" "$extras/altogateway.json"
if [[ -d $publish_dir/samples ]]; then
    cp -r "$publish_dir/samples" "$extras/examples"
fi
if [[ $mode == aot ]]; then
    install_program="install -m 0755 bin/altogw /usr/bin/altogw"
else
    install_program="mkdir -p /usr/lib/altogateway && cp -r bin/. /usr/lib/altogateway/
    ln -sf ../lib/altogateway/altogw /usr/bin/altogw
    install -D -m 0644 systemd/10-jit.conf /lib/systemd/system/altogateway.service.d/10-jit.conf"
fi
cat >"$extras/INSTALL.txt" <<EOF
AltoGateway agent $version for linux-arm64 ($mode build)

On Debian-based systems prefer the package, altogateway_${deb_version}_arm64.deb: it does all of
this and undoes it on removal. By hand, as root, from this directory:

    $install_program
    install -D -m 0644 altogateway.json /etc/altogateway/altogateway.json
    install -m 0644 systemd/altogateway.service /lib/systemd/system/altogateway.service
    install -D -m 0644 systemd/altogateway.sysusers /usr/lib/sysusers.d/altogateway.conf
    install -D -m 0644 systemd/altogateway.tmpfiles /usr/lib/tmpfiles.d/altogateway.conf
    systemd-sysusers altogateway.conf
    systemd-tmpfiles --create altogateway.conf
    systemctl daemon-reload

Then edit /etc/altogateway/altogateway.json (examples/ has samples), check it and start:

    altogw check-config
    systemctl enable --now altogateway
EOF

# Check the unit before shipping it. "systemd-analyze verify" insists that ExecStart exists,
# so verify a copy that starts the staged binary (it is only checked, never run).
if command -v systemd-analyze >/dev/null 2>&1; then
    step "systemd-analyze verify"
    unit_check="$(mktemp -d)"
    trap 'rm -rf "$unit_check"' EXIT
    sed "s|^ExecStart=/usr/bin/altogw|ExecStart=$repo_root/$binary|" systemd/altogateway.service \
        >"$unit_check/altogateway.service"
    if [[ -f $extras/systemd/10-jit.conf ]]; then
        mkdir "$unit_check/altogateway.service.d"
        cp "$extras/systemd/10-jit.conf" "$unit_check/altogateway.service.d/"
    fi
    # verify exits 0 even when it ignores a directive it cannot parse ("Failed to parse ...,
    # ignoring"), so any message at all counts as a failure.
    if ! verify_output="$(systemd-analyze verify --man=no "$unit_check/altogateway.service" 2>&1)" ||
        [[ -n $verify_output ]]; then
        printf '%s\n' "$verify_output" >&2
        die "systemd/altogateway.service does not pass systemd-analyze verify cleanly"
    fi
    echo "altogateway.service: OK"
else
    echo "(systemd-analyze not found: unit not verified)"
fi

# Reproducible archive members: fixed owner and the SOURCE_DATE_EPOCH timestamp.
normalize_times() { find "$@" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +; }

# ---------------------------------------------------------------------------------------------
# dist/altogw-<version>-linux-arm64.tar.gz
# ---------------------------------------------------------------------------------------------
step "Tarball"
tar_name="altogw-$version-$rid"
tar_stage="$build_dir/tar"
rm -rf "$tar_stage"
# <name>/bin/: the program directory; beside it the configuration, systemd files, INSTALL.txt.
mkdir -p "$tar_stage/$tar_name/bin"
cp -a "$out_dir/." "$tar_stage/$tar_name/bin/"
cp -a "$extras/." "$tar_stage/$tar_name/"
normalize_times "$tar_stage"
tarball="$dist/$tar_name.tar.gz"
tar -C "$tar_stage" --sort=name --owner=0 --group=0 --numeric-owner -cf - "$tar_name" | gzip -9n >"$tarball"
echo "$tarball"

# ---------------------------------------------------------------------------------------------
# Debian package: dist/altogateway_<version>_arm64.deb
# ---------------------------------------------------------------------------------------------
#   /usr/bin/altogw                                   the agent (NativeAOT: the binary itself;
#                                                     --trimmed: a symlink into /usr/lib/altogateway)
#   /lib/systemd/system/altogateway.service           the unit (not enabled, not started)
#   /usr/lib/sysusers.d/altogateway.conf              user altogateway, group gpio if missing
#   /usr/lib/tmpfiles.d/altogateway.conf              /var/lib/altogateway
#   /etc/altogateway/altogateway.json                 configuration (a conffile)
#   /usr/share/doc/altogateway/examples/              sample configurations
step "Debian package"
deb_root="$build_dir/deb"
rm -rf "$deb_root"
mkdir -p "$deb_root/DEBIAN" "$deb_root/usr/bin" "$deb_root/lib/systemd/system" \
    "$deb_root/usr/lib/sysusers.d" "$deb_root/usr/lib/tmpfiles.d" "$deb_root/etc/altogateway"

if [[ $mode == aot ]]; then
    install -m 0755 "$binary" "$deb_root/usr/bin/altogw"
else
    # The apphost finds its runtime next to its real path, so a symlink in /usr/bin works.
    mkdir -p "$deb_root/usr/lib/altogateway"
    cp -a "$out_dir/." "$deb_root/usr/lib/altogateway/"
    ln -s ../lib/altogateway/altogw "$deb_root/usr/bin/altogw"
    mkdir -p "$deb_root/lib/systemd/system/altogateway.service.d"
    install -m 0644 "$extras/systemd/10-jit.conf" "$deb_root/lib/systemd/system/altogateway.service.d/"
fi
install -m 0644 systemd/altogateway.service "$deb_root/lib/systemd/system/altogateway.service"
install -m 0644 systemd/altogateway.sysusers "$deb_root/usr/lib/sysusers.d/altogateway.conf"
install -m 0644 systemd/altogateway.tmpfiles "$deb_root/usr/lib/tmpfiles.d/altogateway.conf"
install -m 0644 "$default_config" "$deb_root/etc/altogateway/altogateway.json"
if [[ -d $extras/examples ]]; then
    mkdir -p "$deb_root/usr/share/doc/altogateway"
    cp -r "$extras/examples" "$deb_root/usr/share/doc/altogateway/examples"
fi

installed_size_kib="$(du -sk --exclude=DEBIAN "$deb_root" | cut -f1)"
cat >"$deb_root/DEBIAN/control" <<EOF
Package: altogateway
Version: $deb_version
Architecture: arm64
Maintainer: AltoGateway
Installed-Size: $installed_size_kib
Depends: $depends_field
Section: net
Priority: optional
Description: ALTO agent for home gateways and carrier-grade NAT boxes
 AltoGateway runs on the box that does the NAT (a home gateway, a CPE router
 or a CGN node) and makes IETF ALTO (RFC 7285) work for the peers behind it:
 it tells peers and BitTorrent-style trackers which ALTO server is
 responsible for a peer (DHCP options, RFC 7286 and RFC 8686 DNS records),
 names peers that share a public address behind a CGN (NAT-table lookups and
 opaque peer IDs), and answers third-party ALTO queries as a proxy in front
 of the ISP's ALTO server or its own built-in one.
 .
 The agent (altogw) is a single native program run by systemd
 (altogateway.service, Type=notify with watchdog) as its own unprivileged
 user with a few network capabilities. The service is neither enabled nor
 started on installation: edit /etc/altogateway/altogateway.json, check it
 with "altogw check-config", then "systemctl enable --now altogateway".
EOF

echo /etc/altogateway/altogateway.json >"$deb_root/DEBIAN/conffiles"

cat >"$deb_root/DEBIAN/postinst" <<'EOF'
#!/bin/sh
# altogateway postinst: create the user and directories, tell systemd about the unit.
# The service is not enabled or started here; after an upgrade it is restarted if it was running.
set -e

if [ "$1" = configure ]; then
    # User "altogateway" and (if the distribution has none) group "gpio".
    if command -v systemd-sysusers >/dev/null 2>&1; then
        systemd-sysusers ${DPKG_ROOT:+--root="$DPKG_ROOT"} altogateway.conf
    else
        getent group gpio >/dev/null || groupadd --system gpio
        getent group altogateway >/dev/null || groupadd --system altogateway
        getent passwd altogateway >/dev/null ||
            useradd --system --gid altogateway --home-dir /var/lib/altogateway --no-create-home \
                --shell /usr/sbin/nologin --comment "AltoGateway agent" altogateway
    fi

    # /var/lib/altogateway, owned by the agent.
    if command -v systemd-tmpfiles >/dev/null 2>&1; then
        systemd-tmpfiles ${DPKG_ROOT:+--root="$DPKG_ROOT"} --create altogateway.conf >/dev/null || true
    else
        install -d -m 0700 -o altogateway -g altogateway /var/lib/altogateway
    fi

    if [ -z "$DPKG_ROOT" ] && [ -d /run/systemd/system ]; then
        systemctl --system daemon-reload >/dev/null || true
        if [ -n "$2" ]; then
            # Upgrade: pick up the new binary if the agent was running; never start it anew.
            systemctl try-restart altogateway.service >/dev/null || true
        fi
    fi
fi

exit 0
EOF

cat >"$deb_root/DEBIAN/prerm" <<'EOF'
#!/bin/sh
# altogateway prerm: stop the agent when the package is removed. On upgrade it keeps running
# and postinst restarts it with the new binary.
set -e

if [ "$1" = remove ] && [ -z "$DPKG_ROOT" ] && [ -d /run/systemd/system ]; then
    systemctl stop altogateway.service >/dev/null 2>&1 || true
fi

exit 0
EOF

cat >"$deb_root/DEBIAN/postrm" <<'EOF'
#!/bin/sh
# altogateway postrm: forget the unit on remove; on purge also delete the agent's state
# (/var/lib/altogateway: leases, peer-ID keys) and the "enabled" link. The altogateway user and
# the gpio group stay (Debian policy: files elsewhere may still belong to them).
set -e

case "$1" in
    purge)
        rm -rf "$DPKG_ROOT/var/lib/altogateway"
        rm -f "$DPKG_ROOT/etc/systemd/system/multi-user.target.wants/altogateway.service"
        rmdir --ignore-fail-on-non-empty "$DPKG_ROOT/etc/altogateway" 2>/dev/null || true
        ;;
esac

case "$1" in
    remove | purge)
        if [ -z "$DPKG_ROOT" ] && [ -d /run/systemd/system ]; then
            systemctl --system daemon-reload >/dev/null || true
        fi
        ;;
esac

exit 0
EOF
chmod 0755 "$deb_root/DEBIAN/postinst" "$deb_root/DEBIAN/prerm" "$deb_root/DEBIAN/postrm"

# md5sums of everything but conffiles (dpkg tracks those itself); lets "dpkg --verify" work.
(cd "$deb_root" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -printf '%P\0' |
    sort -z | xargs -0 md5sum) >"$deb_root/DEBIAN/md5sums"

normalize_times "$deb_root"
deb="$dist/altogateway_${deb_version}_arm64.deb"
dpkg-deb --build --root-owner-group "$deb_root" "$deb" >/dev/null
{ dpkg-deb --info "$deb" >/dev/null && dpkg-deb --contents "$deb" >/dev/null; } ||
    die "dpkg-deb cannot read back $deb"
echo "$deb"

# ---------------------------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------------------------
step "Done in $((SECONDS - started)) s ($mode build, version $version)"
bytes="$(stat -c %s "$binary")"
printf '%-46s %s bytes (%s MB, %s MiB)\n' "$binary" "$bytes" \
    "$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1000000 }')" \
    "$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1048576 }')"
if [[ $mode == trimmed ]]; then
    # Here altogw is only the launcher (apphost); the runtime and assemblies sit beside it.
    printf '%-46s %s bytes in total\n' "$out_dir/" "$(du -sb "$out_dir" | cut -f1)"
fi
for artifact in "$tarball" "$deb"; do
    printf '%-46s %s bytes\n' "$artifact" "$(stat -c %s "$artifact")"
done
if [[ $mode == aot && -f $publish_dir/altogw.dbg ]]; then
    echo "Debug symbols (not shipped): $publish_dir/altogw.dbg"
fi
echo "Depends: $depends_field"

if ((${#other_warnings[@]} > 0)); then
    echo
    echo "Other build warnings:"
    printf '  %s\n' "${other_warnings[@]}"
fi
echo
if ((${#third_party_warnings[@]} > 0)); then
    details_command="./publish-arm64.sh -- -p:TrimmerSingleWarn=false"
    [[ $mode == aot ]] || details_command="./publish-arm64.sh --trimmed -- -p:TrimmerSingleWarn=false"
    echo "Trimming/AOT warnings from third-party assemblies (tolerated; details with"
    echo "'$details_command'):"
    printf '  %s\n' "${third_party_warnings[@]}"
else
    echo "Trimming/AOT warnings: none (ours or third-party)."
fi
