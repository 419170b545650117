#!/usr/bin/env bash
# Installs the .deb that `./mvnw -Ppackage package` built and runs both launchers from the installation:
# `lambda-release-cli --version` and a listing of the embedded sandbox, then the console under Xvfb until
# its function list is drawn, with a screenshot to prove it.
#
#   packaging/linux/install-check.sh [--dpkg] [DEB] [SCREENSHOT.png]
#
# By default the package is unpacked with `dpkg-deb -x` into a scratch folder (nothing on the machine
# changes) and the install step of its postinst (the AppCDS archive) is run there; with --dpkg (as root)
# it is installed for real with `dpkg -i` into /opt/lambda-release-console and removed again at the end.
# Needs Xvfb and ImageMagick's `import` (Debian: apt-get install xvfb imagemagick) and GTK 3 (libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/../.."
real=false
if [ "${1:-}" = --dpkg ]; then real=true; shift; fi
deb=${1:-$(ls -1 lrc-app/target/installers/*.deb 2>/dev/null | head -1)}
[ -f "${deb:-}" ] || { echo "install-check.sh: no .deb; build it with ./mvnw -Ppackage package" >&2; exit 1; }
scratch=$(mktemp -d /tmp/lrc-install-check.XXXXXX)
shot=${2:-$scratch/console.png}
console_pid=; xvfb_pid=
cleanup() {
    [ -n "$console_pid" ] && kill "$console_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    if $real && [ -z "${removed:-}" ]; then dpkg -r lambda-release-console >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
fail() { echo "install-check.sh: FAILED: $*" >&2; exit 1; }

echo "== installing $deb"
# The maintainer scripts: the console's menu entry only (the command line is a terminal program), and
# a machine without a desktop menu must not fail the install or the removal.
dpkg-deb -e "$deb" "$scratch/control"
grep -q "lambda-release-console-lambda-release-console.desktop" "$scratch/control/postinst" \
    || fail "postinst does not add the console's menu entry"
! grep -q "lambda-release-cli.desktop" "$scratch/control/postinst" || fail "postinst adds a menu entry for the command line"
echo "depends: $(dpkg-deb -f "$deb" Depends)"
if $real; then
    [ "$(id -u)" = 0 ] || fail "--dpkg needs root"
    missing=
    for dep in $(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/[ (].*//'); do
        dpkg -s "$dep" >/dev/null 2>&1 || missing="$missing $dep"
    done
    [ -z "$missing" ] || fail "dpkg -i would stop on missing dependencies:$missing (apt-get install$missing, or apt-get install ./$(basename "$deb") which pulls them)"
    dpkg -i "$deb"
    dpkg -s lambda-release-console | grep -q "^Status: install ok installed" || fail "dpkg -i left the package unconfigured"
    app=/opt/lambda-release-console
else
    dpkg-deb -x "$deb" "$scratch/root"
    app=$scratch/root/opt/lambda-release-console
    bash "$app/lib/app/appcds.sh" archive "$app"    # what the postinst does on dpkg -i
fi
for f in bin/lambda-release-console bin/lambda-release-cli lib/lambda-release-console.png \
         lib/lambda-release-console-lambda-release-console.desktop; do
    [ -e "$app/$f" ] || fail "$app/$f is missing"
done
grep -q "^Exec=/opt/lambda-release-console/bin/lambda-release-console" "$app/lib/lambda-release-console-lambda-release-console.desktop" \
    || fail "the desktop entry does not start the console"
echo "desktop entry: $(grep -E '^(Name|Exec|Icon|Categories)=' "$app/lib/lambda-release-console-lambda-release-console.desktop" | paste -sd' ')"

echo "== the command-line launcher"
export HOME=$scratch/home XDG_CONFIG_HOME=$scratch/home/.config LRC_JOURNAL=$scratch/journal.jsonl
mkdir -p "$HOME"
version=$(env -u DISPLAY "$app/bin/lambda-release-cli" --version)
echo "$version"
[[ "$version" == "Lambda Release Console"* ]] || fail "--version printed: $version"
env -u DISPLAY "$app/bin/lambda-release-cli" --output json functions list | grep -q '"MyLambdaFunction"' \
    || fail "functions list on the embedded sandbox did not list MyLambdaFunction"
echo "functions list on the embedded sandbox: ok"

echo "== the console launcher, under Xvfb"
display=
for n in $(seq 60 89); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
    Xvfb ":$n" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 & xvfb_pid=$!
    display=":$n"; break
done
[ -n "$display" ] || fail "no free X display for Xvfb"
sleep 1
DISPLAY=$display LRC_STARTUP_REPORT=1 "$app/bin/lambda-release-console" >"$scratch/console.log" 2>&1 & console_pid=$!
for _ in $(seq 1 600); do
    grep -q "^startup: rows-shown" "$scratch/console.log" && break
    kill -0 "$console_pid" 2>/dev/null || { cat "$scratch/console.log"; fail "the console exited"; }
    sleep 0.1
done
grep -q "^startup: rows-shown" "$scratch/console.log" || { cat "$scratch/console.log"; fail "no function list within 60 s"; }
sleep 1   # let the frame reach the X server
DISPLAY=$display import -window root "$shot"
grep "^startup:" "$scratch/console.log"
echo "screenshot: $shot"
if $real; then
    echo "== removing"
    kill "$console_pid" 2>/dev/null || true; wait "$console_pid" 2>/dev/null || true; console_pid=
    dpkg -r lambda-release-console || fail "dpkg -r failed"
    removed=1
    [ ! -e "$app/lib/app/lrc.jsa" ] || fail "dpkg -r left the AppCDS archive behind"
fi
echo "install-check.sh: OK ($deb)"
