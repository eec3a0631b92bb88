#!/bin/sh
# Installs the Debian 12 packages Hashiya needs to build, run and test. Run as root or with sudo.
set -eu

packages="
  gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libjson-glib-dev libxml2-dev libarchive-dev libssl-dev
  desktop-file-utils appstream-util
  xvfb xauth python3 perl
  xdotool imagemagick dbus-daemon at-spi2-core gir1.2-atspi-2.0 python3-gi
  fonts-noto-core fonts-hosny-amiri fonts-dejavu-core
"

if [ "$(id -u)" -ne 0 ]; then
  exec sudo "$0" "$@"
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
# shellcheck disable=SC2086
apt-get install -y --no-install-recommends $packages
