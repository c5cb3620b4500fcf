#!/bin/sh
# build-aux/check-potfiles.sh
#
# Copyright 2026 The Rosette authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that po/POTFILES.in is complete and current: every file under src/
# and data/ with translatable strings is listed there (or in po/POTFILES.skip),
# and every listed file exists. Names each offending file and exits 1.
#
# Usage: check-potfiles.sh [SOURCE-ROOT]

set -eu

srcdir=${1:-$(dirname "$0")/..}
cd "$srcdir"

[ -f po/POTFILES.in ] || { echo "check-potfiles: po/POTFILES.in not found in $srcdir" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Listed files: comments and blank lines ignored.
for f in po/POTFILES.in po/POTFILES.skip; do
  [ -f "$f" ] && sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' "$f"
done | grep -v '^$' | sort -u >"$tmp/listed"

# Files with translatable strings:
#  - C sources with a gettext marker: _ ("…"), N_, C_, NC_, Q_, ngettext and
#    the g_d*gettext family, with or without a space before the parenthesis;
#  - GtkBuilder and other XML with translatable="yes";
#  - desktop entries, metainfo and GSettings schemas, which are translated
#    whole.
c_markers='(^|[^[:alnum:]_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dgettext|g_dpgettext2?)[[:space:]]*\('

{
  find src data -type f \( -name '*.c' -o -name '*.h' \) -print 2>/dev/null \
    | xargs -r grep -lE "$c_markers" || true
  find src data -type f \( -name '*.ui' -o -name '*.xml' -o -name '*.xml.in' -o -name '*.xml.in.in' \) -print 2>/dev/null \
    | xargs -r grep -l 'translatable="yes"' || true
  find data -type f \( -name '*.desktop.in' -o -name '*.desktop.in.in' \
    -o -name '*.metainfo.xml.in' -o -name '*.metainfo.xml.in.in' \
    -o -name '*.gschema.xml' -o -name '*.gschema.xml.in' \) -print 2>/dev/null
} | sed 's|^\./||' | sort -u >"$tmp/translatable"

status=0

# Translatable but not listed.
comm -23 "$tmp/translatable" "$tmp/listed" >"$tmp/missing"
while IFS= read -r f; do
  echo "check-potfiles: $f has translatable strings but is not in po/POTFILES.in" >&2
  status=1
done <"$tmp/missing"

# Listed but gone.
while IFS= read -r f; do
  if [ ! -f "$f" ]; then
    echo "check-potfiles: $f is listed in po/POTFILES.in or po/POTFILES.skip but does not exist" >&2
    status=1
  fi
done <"$tmp/listed"

if [ "$status" -eq 0 ]; then
  echo "check-potfiles: po/POTFILES.in lists all $(wc -l <"$tmp/translatable") files with translatable strings"
fi
exit "$status"
