#!/bin/sh
# Installs what Hashiya needs, builds it, and opens it on the annotated sample project.
set -eu
cd "$(dirname "$0")/.."
build-aux/install-deps.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build
# Run from the build tree: the settings schema is compiled there, not installed.
GSETTINGS_SCHEMA_DIR="$PWD/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}" \
  exec build/src/app/hashiya --sample
