#!/usr/bin/env bash
# The packaged app's AppCDS archive (class data sharing: the classes the console and the command line load
# at start, parsed and laid out once, mapped by every later start instead of read from 80 jars).
#
#   appcds.sh classlist APP_DIR   packaging time: a training run of the console (under Xvfb when there is no
#                                 display) on the embedded sandbox, to its first listing; writes lib/app/lrc.classlist
#   appcds.sh archive APP_DIR     install time (the .deb's postinst, install-check.sh) or for the app-image in place:
#                                 dumps lib/app/lrc.jsa from the class list
#
# Why two steps: on JDK 17 an archive records the absolute paths of the jars it was dumped from and is refused
# anywhere else, so the archive is dumped where the app is installed. The launchers pass
# -XX:SharedArchiveFile=$APPDIR/lrc.jsa -Xshare:auto, so a missing or stale archive only costs the speed-up.
set -euo pipefail
mode=${1:?usage: appcds.sh classlist|archive APP_DIR}
app=$(cd "${2:?usage: appcds.sh classlist|archive APP_DIR}" && pwd)
list="$app/lib/app/lrc.classlist"

case "$mode" in
classlist)
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"; [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true' EXIT
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
            _JAVA_OPTIONS="-XX:DumpLoadedClassList=$list" timeout 180 "$app/bin/lambda-release-console" >"$scratch/train.log" 2>&1 \
            || { echo "appcds.sh: the console's training run failed:"; tail -20 "$scratch/train.log"; exit 1; }
    else
        # No display to be had: the command line's classes (sandbox, SDK, Jackson, Netty) are most of them anyway.
        echo "appcds.sh: no display or Xvfb; training on the command line only"
        HOME="$scratch" LRC_JOURNAL="$scratch/journal.jsonl" _JAVA_OPTIONS="-XX:DumpLoadedClassList=$list" \
            "$app/bin/lambda-release-cli" --output json functions list >"$scratch/train.log" 2>&1
    fi
    echo "appcds.sh: $(grep -vc '^#' "$list") classes in $list"
    ;;
archive)
    [ -f "$list" ] || { echo "appcds.sh: no class list at $list; skipping the archive"; exit 0; }
    rm -f "$app/lib/app/lrc.jsa"
    _JAVA_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$list -XX:SharedArchiveFile=$app/lib/app/lrc.jsa -Xlog:cds=off -Xlog:cds+dynamic=off" \
        "$app/bin/lambda-release-cli" --version >/dev/null 2>&1 || true
    if [ -f "$app/lib/app/lrc.jsa" ]; then
        echo "appcds.sh: $app/lib/app/lrc.jsa ($(du -m "$app/lib/app/lrc.jsa" | cut -f1) MB)"
    else
        echo "appcds.sh: could not dump $app/lib/app/lrc.jsa; the app starts without it"
    fi
    ;;
*)
    echo "usage: appcds.sh classlist|archive APP_DIR" >&2; exit 2 ;;
esac
