#!/usr/bin/env bash
# Replaces the app-image's Linux launchers (bin/lambda-release-console, bin/lambda-release-cli) with
# /bin/sh scripts that start the bundled runtime's java with the same class path and options as
# jpackage's lib/app/NAME.cfg.
#
#   script-launchers.sh APP_IMAGE_DIR
#
# Why: jpackage's Linux launcher asks the package manager who owns it at every start
# (`rpm -qf` then `dpkg -S` on its own path, then `dpkg -L` on the package when installed: see
# LinuxPackage.c in the JDK's jdk.jpackage module), only to find lib/libapplauncher.so. Measured on
# the project's machine, the console's "launch" milestone came 283-375 ms after spawning with it and
# 154-187 ms with java started directly, and every command-line call paid the same. The scripts need
# the runtime's bin/java, which the pom keeps (jpackage --jlink-options without --strip-native-commands).
set -euo pipefail
image=$(cd "${1:?usage: script-launchers.sh APP_IMAGE_DIR}" && pwd)
java="$image/lib/runtime/bin/java"
[ -x "$java" ] || { echo "script-launchers.sh: no $java (jlink stripped the native commands?)" >&2; exit 1; }
# Of the runtime's commands only java is started; the others (javac, jlink, ...) would only be shipped.
find "$image/lib/runtime/bin" -mindepth 1 ! -name java -delete
# A JDK 24 or later runtime warns on stderr at the first native library JavaFX loads (JEP 472) and at Netty's
# and JavaFX's first use of sun.misc.Unsafe memory access (JEP 498) unless they are allowed, which JDK 17
# does not understand: the options go only into launchers of such a runtime.
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$image/lib/runtime/release")

for cfg in "$image"/lib/app/*.cfg; do
    name=$(basename "$cfg" .cfg)
    launcher="$image/bin/$name"
    [ -e "$launcher" ] || continue
    main=$(sed -n 's/^app\.mainclass=//p' "$cfg" | head -1)
    [ -n "$main" ] || { echo "script-launchers.sh: no app.mainclass in $cfg" >&2; exit 1; }
    # Each value as one double-quoted shell word, with jpackage's $APPDIR spelled as the script's own.
    word() {
        case "$1" in
            *'"'* | *'`'* | *'\'*) echo "script-launchers.sh: cannot quote '$1' from $cfg" >&2; exit 1 ;;
        esac
        local rest=${1//\$APPDIR/@APPDIR@}
        case "$rest" in
            *'$'*) echo "script-launchers.sh: unexpected \$ in '$1' from $cfg" >&2; exit 1 ;;
        esac
        printf ' "%s"' "${rest//@APPDIR@/\$app}"
    }
    classpath=$(sed -n 's/^app\.classpath=//p' "$cfg" | paste -sd: -)
    options=""
    while IFS= read -r option; do
        options+=$(word "$option")
    done < <(sed -n 's/^java-options=//p' "$cfg")
    if [ "${major:-0}" -ge 24 ]; then
        options+=' "--enable-native-access=ALL-UNNAMED" "--sun-misc-unsafe-memory-access=allow"'
    fi
    # C1 compiles a method after 10 calls instead of 200. A listing runs the SDK's request path once a page, so
    # at the default the first listing in a fresh JVM ran most of its 200 pages interpreted. Measured on JDK 25
    # with the AOT cache (FirstScreenBenchmark's fresh JVMs, README): the first listing of 10,000 functions
    # 120-280 ms quicker, the console's restart to its first cached row 0-20 ms later, --version no slower. On
    # JDK 17 the same flag put the console's window 80-150 ms later (more of its start compiled while it
    # starts, without an AOT cache's head start), so only launchers of a 25 or later runtime get it.
    if [ "${major:-0}" -ge 25 ]; then
        options+=' "-XX:CompileThresholdScaling=0.05"'
    fi
    arguments=""
    while IFS= read -r argument; do
        [ -n "$argument" ] && arguments+=$(word "$argument")
    done < <(sed -n 's/^arguments=//p' "$cfg")
    {
        echo '#!/bin/sh'
        echo "# $name: generated at packaging time by packaging/linux/script-launchers.sh from lib/app/$name.cfg."
        echo '# Starts the bundled runtime directly (jpackage'"'"'s own launcher asks rpm and dpkg who owns it first).'
        echo 'self=$(readlink -f "$0")'
        echo 'root=${self%/bin/*}'
        echo 'app="$root/lib/app"'
        echo "exec \"\$root/lib/runtime/bin/java\"$options -cp$(word "$classpath") $main$arguments \"\$@\""
    } > "$launcher.sh"
    chmod 755 "$launcher.sh"
    mv "$launcher.sh" "$launcher"
    echo "script-launchers.sh: bin/$name starts lib/runtime/bin/java directly"
done
