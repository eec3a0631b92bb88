#!/bin/sh
# Installs what Hashiya needs, builds it, and runs every test suite (unit, cli, data, ui); the
# UI tests get a virtual display from Xvfb. Benchmarks are separate: meson test -C build --benchmark.
set -eu
cd "$(dirname "$0")/.."
build-aux/install-deps.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build
exec xvfb-run -a -s "-screen 0 1280x800x24" meson test -C build --print-errorlogs --num-processes 2
