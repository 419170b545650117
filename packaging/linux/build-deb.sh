#!/usr/bin/env bash
# Run by `./mvnw -Ppackage package` after jpackage built the app-image: on Linux, launchers that start
# the runtime directly (script-launchers.sh), the AppCDS class list (appcds.sh), the .deb from that app-image (with the icon, a desktop entry and both launchers), then the
# archive for the app-image where it stands. Elsewhere it says so and does nothing (the .msi and .dmg are
# built on their own OS, see packaging/README.md).
#
#   build-deb.sh JPACKAGE APP_IMAGE_DIR DEST_DIR VERSION
set -euo pipefail
jpackage=${1:?JPACKAGE}; image=${2:?APP_IMAGE_DIR}; dest=${3:?DEST_DIR}; version=${4:?VERSION}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ "$(uname -s)" != Linux ]; then
    echo "build-deb.sh: not Linux; no .deb (see packaging/README.md for the .msi and .dmg)"; exit 0
fi
for tool in dpkg-deb fakeroot; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "build-deb.sh: jpackage's deb type needs $tool: install it (Debian/Ubuntu: sudo apt-get install fakeroot dpkg)" >&2
        exit 1; }
done

bash "$here/script-launchers.sh" "$image"
cp "$here/appcds.sh" "$image/lib/app/appcds.sh" && chmod +x "$image/lib/app/appcds.sh"
rm -f "$image/lib/app/lrc.jsa"   # an archive names the jars where it was dumped: never ship one
bash "$here/appcds.sh" classlist "$image"

rm -rf "$dest" && mkdir -p "$dest"
"$jpackage" --type deb --app-image "$image" --dest "$dest" \
    --name lambda-release-console --app-version "$version" \
    --description "Release AWS Lambda code safely: versions, aliases, canary splits and live per-version metrics." \
    --icon "$root/icons/png/icon-256.png" --license-file "$root/LICENSE" \
    --resource-dir "$here/resources" \
    --vendor "Lambda Release Console" \
    --linux-package-name lambda-release-console --linux-shortcut --linux-package-deps libgtk-3-0 \
    --linux-menu-group Development --linux-app-category devel \
    --linux-deb-maintainer "lambda-release-console@users.noreply.github.com"
ls -1 "$dest"/*.deb

bash "$here/appcds.sh" archive "$image"   # the app-image in target/dist, run in place
