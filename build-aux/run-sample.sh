#!/bin/sh
# Installs what Hashiya needs, builds it, and opens it on the annotated sample project.
set -eu
cd "$(dirname "$0")/.."
build-aux/install-deps.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build
exec build/src/app/hashiya --sample
