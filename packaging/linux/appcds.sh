#!/usr/bin/env bash
# The packaged app's class archive: the classes the console and the command line load at start, parsed
# and laid out once, mapped by every later start instead of read from 80 jars.
#
#   appcds.sh classlist APP_DIR   packaging time: a training run of the console (under Xvfb when there is no
#                                 display) on the embedded sandbox, to its first listing; writes what the
#                                 archive is made from (lib/app/lrc.classlist, or lib/app/lrc.aotconf on JDK 25)
#   appcds.sh archive APP_DIR     install time (the .deb's postinst, install-check.sh) or for the app-image in place:
#                                 makes lib/app/lrc.jsa from it
#
# Why two steps: an archive records the absolute paths of the jars it was made from and is refused anywhere
# else, so it is made where the app is installed. The launchers pass -XX:SharedArchiveFile=$APPDIR/lrc.jsa
# -Xshare:auto, so a missing or stale archive only costs the speed-up.
#
# The bundled runtime decides what the archive is. JDK 17: AppCDS, from the class list of the training run.
# JDK 25: the AOT cache (JEP 483 and 515: classes loaded and linked, and the training run's method profiles,
# so the JIT compiles the request path early), from the AOT configuration the training run recorded; the
# launchers' -XX:SharedArchiveFile maps either. Measured in fresh JVMs (FirstScreenBenchmark, README): with
# the AOT cache the first listing of 10,000 functions and the console's restart to its cached rows were both
# quicker than with JDK 17's archive.
set -euo pipefail
mode=${1:?usage: appcds.sh classlist|archive APP_DIR}
app=$(cd "${2:?usage: appcds.sh classlist|archive APP_DIR}" && pwd)
list="$app/lib/app/lrc.classlist"
config="$app/lib/app/lrc.aotconf"
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$app/lib/runtime/release" 2>/dev/null || true)
aot=false
[ "${major:-0}" -ge 25 ] && aot=true

# A copy of bin/NAME that passes no archive options (the JVM refuses them beside AOTMode record or create),
# removed on exit; prints its path.
without_archive() {
    local copy="$app/bin/.$1-without-archive"
    sed 's| "-XX:SharedArchiveFile=$app/lrc.jsa" "-Xshare:auto"||' "$app/bin/$1" >"$copy"
    grep -q 'SharedArchiveFile' "$copy" && { echo "appcds.sh: could not take the archive options out of bin/$1" >&2; exit 1; }
    chmod +x "$copy"
    echo "$copy"
}
trap 'rm -f "$app"/bin/.*-without-archive' EXIT

# JDK 25 makes the AOT cache only from jars of the size and modification time the training run saw, and
# jpackage's .deb gives every file the time it was copied ("timestamp has changed", tried here): so the jars
# carry one fixed time when the training records and again where the cache is made.
stamp_jars() {
    find "$app/lib/app" -name '*.jar' -exec touch -m -d @946684800 {} +
}

case "$mode" in
classlist)
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch" "$app"/bin/.*-without-archive; [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true' EXIT
    rm -f "$list" "$config"
    if $aot; then
        record="-XX:AOTMode=record -XX:AOTConfiguration=$config"
        stamp_jars
        console=$(without_archive lambda-release-console); cli=$(without_archive lambda-release-cli)
    else
        record="-XX:DumpLoadedClassList=$list"
        console="$app/bin/lambda-release-console"; cli="$app/bin/lambda-release-cli"
    fi
    display=${DISPLAY:-}
    if [ -z "$display" ] && command -v Xvfb >/dev/null 2>&1; then
        for n in $(seq 90 120); do
            [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
            Xvfb ":$n" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
            display=":$n"; sleep 1; break
        done
    fi
    if [ -n "$display" ] && command -v timeout >/dev/null 2>&1; then
        # The console to its first listing of the embedded sandbox; it exits by itself (LRC_EXIT_AFTER_FIRST_LISTING).
        DISPLAY="$display" HOME="$scratch" XDG_CONFIG_HOME="$scratch/.config" LRC_STARTUP_REPORT=1 LRC_EXIT_AFTER_FIRST_LISTING=1 \
            _JAVA_OPTIONS="$record" timeout 180 "$console" >"$scratch/train.log" 2>&1 \
            || { echo "appcds.sh: the console's training run failed:"; tail -20 "$scratch/train.log"; exit 1; }
    else
        # No display to be had: the command line's classes (sandbox, SDK, Jackson, Netty) are most of them anyway.
        echo "appcds.sh: no display or Xvfb; training on the command line only"
        HOME="$scratch" LRC_JOURNAL="$scratch/journal.jsonl" _JAVA_OPTIONS="$record" \
            "$cli" --output json functions list >"$scratch/train.log" 2>&1
    fi
    if $aot; then
        [ -f "$config" ] || { echo "appcds.sh: the training run recorded no $config:"; tail -20 "$scratch/train.log"; exit 1; }
        echo "appcds.sh: JDK $major: AOT configuration $config ($(du -m "$config" | cut -f1) MB)"
    else
        echo "appcds.sh: $(grep -vc '^#' "$list") classes in $list"
    fi
    ;;
archive)
    rm -f "$app/lib/app/lrc.jsa"
    if $aot; then
        [ -f "$config" ] || { echo "appcds.sh: no AOT configuration at $config; skipping the archive"; exit 0; }
        stamp_jars
        _JAVA_OPTIONS="-XX:AOTMode=create -XX:AOTConfiguration=$config -XX:AOTCache=$app/lib/app/lrc.jsa -Xlog:aot=off -Xlog:cds=off" \
            "$(without_archive lambda-release-cli)" --version >/dev/null 2>&1 || true
    else
        [ -f "$list" ] || { echo "appcds.sh: no class list at $list; skipping the archive"; exit 0; }
        _JAVA_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$list -XX:SharedArchiveFile=$app/lib/app/lrc.jsa -Xlog:cds=off -Xlog:cds+dynamic=off" \
            "$app/bin/lambda-release-cli" --version >/dev/null 2>&1 || true
    fi
    if [ -f "$app/lib/app/lrc.jsa" ]; then
        echo "appcds.sh: $app/lib/app/lrc.jsa ($(du -m "$app/lib/app/lrc.jsa" | cut -f1) MB)"
    else
        echo "appcds.sh: could not make $app/lib/app/lrc.jsa; the app starts without it"
    fi
    ;;
*)
    echo "usage: appcds.sh classlist|archive APP_DIR" >&2; exit 2 ;;
esac
