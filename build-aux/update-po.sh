#!/bin/sh
# build-aux/update-po.sh
#
# Copyright 2026 The Rosette authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerates po/rosette.pot from the files in po/POTFILES.in (meson's
# rosette-pot target: xgettext with the GLib preset, .ui and XML through
# their ITS rules), merges it into every po/LL.po listed in po/LINGUAS
# (msgmerge, through the rosette-update-po target), checks each one with
# msgfmt --check and prints how much of each language is translated.
#
# Usage: build-aux/update-po.sh [BUILD-DIR]
#   BUILD-DIR defaults to $ROSETTE_BUILDDIR, then _build; it is configured
#   when it does not exist yet.

set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-${ROSETTE_BUILDDIR:-$srcdir/_build}}

sh "$srcdir/build-aux/check-potfiles.sh" "$srcdir" >/dev/null || {
  echo "update-po: fix po/POTFILES.in first (see above)" >&2
  exit 1
}

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$srcdir" >/dev/null
fi

meson compile -C "$builddir" rosette-pot >/dev/null
meson compile -C "$builddir" rosette-update-po >/dev/null

total=$(msgattrib --no-obsolete "$srcdir/po/rosette.pot" | grep -c '^msgid ' || true)
echo "update-po: po/rosette.pot has $((total - 1)) messages"

status=0
for lang in $(sed -e 's/#.*//' "$srcdir/po/LINGUAS"); do
  po="$srcdir/po/$lang.po"
  if ! msgfmt --check --check-accelerators=_ --output-file=/dev/null "$po"; then
    status=1
  fi
  printf 'update-po: %s: ' "$lang"
  msgfmt --statistics --output-file=/dev/null "$po" 2>&1
done
exit "$status"
