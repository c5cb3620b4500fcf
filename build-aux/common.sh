# build-aux/common.sh: shared by build-aux/run and build-aux/test.
#
# Copyright 2026 The Rosette authors
# SPDX-License-Identifier: GPL-3.0-or-later

ROSETTE_SRCDIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROSETTE_BUILDDIR=${ROSETTE_BUILDDIR:-$ROSETTE_SRCDIR/_build}

# What building needs (HEADLESS.md lists the same).
ROSETTE_BUILD_PACKAGES="meson ninja-build pkg-config gcc gettext itstool yelp-tools
  appstream appstream-util desktop-file-utils libxml2-utils libgtk-4-dev libadwaita-1-dev
  librsvg2-dev libcairo2-dev libpng-dev libgmp-dev libsoup-3.0-dev libjson-glib-dev libsecret-1-dev
  libgnutls28-dev libsqlite3-dev libcurl4-gnutls-dev zlib1g-dev libcmark-dev shared-mime-info
  librsvg2-bin fonts-dejavu-core fonts-dejavu-extra fonts-lato adwaita-icon-theme"

# What running the tests headless needs on top.
ROSETTE_TEST_PACKAGES="xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
  glib-networking python3-aiosmtpd nginx-light imagemagick xdotool valgrind pngcheck poppler-utils
  openssl chromium"

rosette_note ()
{
  printf '%s\n' "$*" >&2
}

# rosette_ensure_packages PKG...: installs what is missing when root,
# otherwise prints the one apt line to run and fails.
rosette_ensure_packages ()
{
  local missing=()
  local pkg status

  for pkg in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    case "$status" in
      *"install ok installed"*) ;;
      *) missing+=("$pkg") ;;
    esac
  done

  [ ${#missing[@]} -eq 0 ] && return 0

  if [ "$(id -u)" -ne 0 ]; then
    rosette_note "These packages are missing: ${missing[*]}"
    rosette_note "Install them with:"
    rosette_note "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
    return 1
  fi

  rosette_note "Installing ${#missing[@]} missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || { rosette_note "apt-get update failed"; return 1; }
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    { rosette_note "apt-get install failed for: ${missing[*]}"; return 1; }
}

# rosette_build [MESON_OPTION...]: configures (once) and builds the tree.
rosette_build ()
{
  if [ ! -f "$ROSETTE_BUILDDIR/build.ninja" ]; then
    meson setup "$ROSETTE_BUILDDIR" "$ROSETTE_SRCDIR" "$@" >"$ROSETTE_SRCDIR/.meson-setup.log" 2>&1 ||
      { cat "$ROSETTE_SRCDIR/.meson-setup.log" >&2; return 1; }
    rm -f "$ROSETTE_SRCDIR/.meson-setup.log"
  elif [ $# -gt 0 ]; then
    meson configure "$ROSETTE_BUILDDIR" "$@" >/dev/null || return 1
  fi
  ninja -C "$ROSETTE_BUILDDIR"
}

# rosette_free_port: prints a TCP port on 127.0.0.1 that nobody listens on.
rosette_free_port ()
{
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# rosette_wait_for CMD...: retries CMD for up to 10 s.
rosette_wait_for ()
{
  local i
  for i in $(seq 1 100); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}
