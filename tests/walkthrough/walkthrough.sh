#!/usr/bin/env bash
# tests/walkthrough/walkthrough.sh: a new user's first session, driven by
# the keyboard with xdotool under a private Xvfb, with a screenshot of each
# step: first run, create the issuer, open the sample family, issue one
# badge, verify it.
#
# Copyright 2026 The Rosette authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/walkthrough/walkthrough.sh BUILDDIR [OUTDIR]
#   BUILDDIR  a configured and built Rosette build directory
#   OUTDIR    where the PNGs go (default BUILDDIR/walkthrough)
# Needs: xvfb dbus gnome-keyring xdotool imagemagick (build-aux/common.sh
# lists them). Everything runs in a temporary home: nothing of the user's
# keyring, settings or files is touched.

set -u

BUILDDIR=$(cd "${1:?usage: walkthrough.sh BUILDDIR [OUTDIR]}" && pwd)
OUTDIR=${2:-$BUILDDIR/walkthrough}
ROSETTE=$BUILDDIR/src/gui/rosette

for tool in Xvfb dbus-daemon gnome-keyring-daemon xdotool import; do
  command -v "$tool" >/dev/null || { echo "walkthrough: $tool is missing" >&2; exit 2; }
done
[ -x "$ROSETTE" ] || { echo "walkthrough: $ROSETTE is not built" >&2; exit 2; }

mkdir -p "$OUTDIR"
W=$(mktemp -d /tmp/rosette-walk.XXXXXX)
pids=()

cleanup ()
{
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null
  done
  rm -rf "$W"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# wait_for CMD...: retries CMD for up to 20 s.
wait_for ()
{
  local i
  for i in $(seq 1 200); do
    "$@" && return 0
    sleep 0.1
  done
  return 1
}

step=0
shot ()
{
  step=$((step + 1))
  sleep 0.8
  import -window root "$OUTDIR/$(printf '%02d' $step)-$1.png" 2>/dev/null
  echo "step $step: $2 -> $OUTDIR/$(printf '%02d' $step)-$1.png"
}

fail ()
{
  shot failed "FAILED: $*"
  echo "walkthrough: $*" >&2
  exit 1
}

mkdir -p "$W/run" "$W/data" "$W/config" "$W/cache" "$W/home" "$W/issued"
chmod 700 "$W/run"

Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$W/display" 2>"$W/xvfb.log" &
pids+=($!)
wait_for test -s "$W/display" || { cat "$W/xvfb.log" >&2; exit 1; }
export DISPLAY=":$(head -n1 "$W/display")"

dbus-daemon --session --nofork --nopidfile --address="unix:path=$W/bus" 2>"$W/dbus.log" &
pids+=($!)
export DBUS_SESSION_BUS_ADDRESS="unix:path=$W/bus"
wait_for test -S "$W/bus" || exit 1

export HOME="$W/home" XDG_DATA_HOME="$W/data" XDG_CONFIG_HOME="$W/config"
export XDG_CACHE_HOME="$W/cache" XDG_RUNTIME_DIR="$W/run"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$BUILDDIR/data"
export GTK_A11Y=none NO_AT_BRIDGE=1 GSK_RENDERER=cairo GTK_USE_PORTAL=0
export ROSETTE_DATA_DIR="$W/data/rosette"

echo -n walkthrough | gnome-keyring-daemon --foreground --unlock --components=secrets \
  >"$W/keyring.log" 2>&1 &
pids+=($!)
has_secrets ()
{
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
    grep -q 'boolean true'
}
wait_for has_secrets || { echo "walkthrough: no keyring" >&2; exit 1; }

"$ROSETTE" >"$W/rosette.log" 2>&1 &
pids+=($!)

window_named ()
{
  xdotool search --name "$1" >/dev/null 2>&1
}

# 1. First run: with no issuer, the welcome comes up over the sample.
wait_for window_named "Welcome to Rosette" || fail "no welcome window"
shot welcome "the welcome window"

# 2. Set up the organisation: Alt+S, type the name, Return creates it.
xdotool search --name "Welcome to Rosette" windowactivate --sync 2>/dev/null
xdotool key alt+s
sleep 0.5
xdotool type --delay 20 "Example Corp"
xdotool key Tab
xdotool type --delay 20 "https://example.org"
shot profile "the organisation form, filled in"
xdotool key alt+c

issuer_saved ()
{
  find "$ROSETTE_DATA_DIR" -name '*.json' 2>/dev/null | grep -q .
}
wait_for issuer_saved || fail "the issuer was not created"
shot issuer-created "the issuer and its keys are ready"

# 3. Open the sample family (Alt+O on the last step).
xdotool key alt+o
sleep 1
window_named "Welcome to Rosette" && fail "the welcome did not close"
shot sample "the sample family in the designer"

# 4. Issue one badge: Alt+2 is the Issue page; fill the recipient, then
# Issue… asks where to save.
xdotool search --name "Data Privacy" windowactivate --sync 2>/dev/null
xdotool key alt+2
sleep 0.5
xdotool key alt+e
xdotool type --delay 20 "ada@example.org"
xdotool key alt+n
xdotool type --delay 20 "Ada Lovelace"
shot issue-form "the Issue page, filled in"
xdotool key alt+i
wait_for window_named "Save the Badge" || fail "no save dialog"
xdotool key ctrl+a
xdotool type --delay 10 "$W/issued/ada.png"
shot save "saving the badge"
xdotool key Return

badge_written ()
{
  test -s "$W/issued/ada.png"
}
wait_for badge_written || fail "the badge was not written"
shot issued "the badge is issued (toast)"

# The Registry page (Alt+3) lists it.
xdotool key alt+3
shot registry "the Registry page with the new badge"

# 5. Verify it: opening a badge file (as Files would) shows the Verify page.
"$ROSETTE" "$W/issued/ada.png" >>"$W/rosette.log" 2>&1
sleep 2
shot verified "the Verify page checking the badge"

echo "walkthrough: done, $step screenshots in $OUTDIR"
