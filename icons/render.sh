#!/usr/bin/env bash
# Regenerates every raster icon from lambda-release-console.svg.
# Needs Debian's librsvg2-bin (rsvg-convert), icoutils (icotool) and icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"
SVG=lambda-release-console.svg
mkdir -p png
for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" "$SVG" -o "png/icon-$s.png"
done
# Windows: multi-size .ico; the 256 px image stored as PNG (--raw), as Windows Vista+ expects.
icotool -c -o lambda-release-console.ico png/icon-16.png png/icon-24.png png/icon-32.png \
  png/icon-48.png png/icon-64.png png/icon-128.png --raw=png/icon-256.png
# macOS: .icns takes only 16, 32, 48, 128, 256 and 512 px images.
png2icns lambda-release-console.icns png/icon-16.png png/icon-32.png png/icon-48.png \
  png/icon-128.png png/icon-256.png png/icon-512.png >/dev/null
# Window icons the app loads from its class path (stage.getIcons()).
RES=../src/main/resources/com/lambdarelease/app/icons
mkdir -p "$RES"
for s in 16 32 64 128 256; do
  cp "png/icon-$s.png" "$RES/icon-$s.png"
done
