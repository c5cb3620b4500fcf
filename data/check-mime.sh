#!/bin/sh
# check-mime.sh
#
# Copyright 2026 The Rosette authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the shared-mime-info package file for .rosette families: it is
# well-formed XML, update-mime-database accepts it, and GIO then recognises a
# family document both by its extension and, without one, by its content.
#
# Usage: check-mime.sh MIME-XML

set -eu

mime_xml=$1
expected=application/x-rosette-family

fail ()
{
  echo "check-mime: $*" >&2
  exit 1
}

for tool in update-mime-database gio; do
  command -v "$tool" >/dev/null 2>&1 \
    || fail "$tool not found (install shared-mime-info and libglib2.0-bin)"
done

if command -v xmllint >/dev/null 2>&1; then
  xmllint --noout "$mime_xml" || fail "$mime_xml is not well-formed XML"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/share/mime/packages" "$tmp/home"
cp "$mime_xml" "$tmp/share/mime/packages/rosette.xml"
# The freedesktop.org base types give application/json for sub-class-of.
if [ -f /usr/share/mime/packages/freedesktop.org.xml ]; then
  cp /usr/share/mime/packages/freedesktop.org.xml "$tmp/share/mime/packages/"
fi

update-mime-database "$tmp/share/mime" >"$tmp/update.log" 2>&1 \
  || { cat "$tmp/update.log" >&2; fail "update-mime-database rejected $mime_xml"; }
if grep -qi -e error -e warning "$tmp/update.log"; then
  cat "$tmp/update.log" >&2
  fail "update-mime-database complained about $mime_xml"
fi

grep -q "^$expected application/json\$" "$tmp/share/mime/subclasses" \
  || fail "$expected is not a sub-class of application/json"

printf '{\n  "format": "rosette-family",\n  "version": 1,\n  "name": "Safety"\n}\n' \
  >"$tmp/safety.rosette"
cp "$tmp/safety.rosette" "$tmp/safety-without-extension"

content_type ()
{
  XDG_DATA_HOME="$tmp/home" XDG_DATA_DIRS="$tmp/share" \
    gio info -a standard::content-type "$1" \
    | sed -n 's/^ *standard::content-type: //p'
}

for f in safety.rosette safety-without-extension; do
  got=$(content_type "$tmp/$f")
  [ "$got" = "$expected" ] || fail "$f is detected as '$got', expected $expected"
  echo "ok: $f is $got"
done
