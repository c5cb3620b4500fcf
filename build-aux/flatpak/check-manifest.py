#!/usr/bin/python3
# check-manifest.py: the Flatpak manifest parses and names this app.
#
# Copyright 2026 The Rosette authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-manifest.py MANIFEST APP_ID
# Not a build: flatpak-builder is not on the CI machine. It checks what a
# reviewer would: JSON syntax, the fields flatpak-builder requires, the
# GNOME 43 runtime (GTK 4.8, libadwaita 1.2, as the code targets), the
# keyring and network permissions the app needs, and a meson module last.

import json
import sys

REQUIRED = ("id", "runtime", "runtime-version", "sdk", "command", "modules")
NEEDED_ARGS = ("--talk-name=org.freedesktop.secrets", "--share=network", "--socket=wayland")


def fail(message):
    print(f"not ok - {message}")
    print("1..1")
    sys.exit(1)


def main():
    path, app_id = sys.argv[1], sys.argv[2]
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as error:
        fail(f"{path}: {error}")

    for key in REQUIRED:
        if key not in manifest:
            fail(f"missing “{key}”")
    if manifest["id"] != app_id:
        fail(f"id is {manifest['id']}, the app is {app_id}")
    if manifest["runtime"] != "org.gnome.Platform" or manifest["runtime-version"] != "43":
        fail("runtime is not org.gnome.Platform 43 (GTK 4.8, libadwaita 1.2)")
    if manifest["command"] != "rosette":
        fail("command is not rosette")
    for arg in NEEDED_ARGS:
        if arg not in manifest.get("finish-args", []):
            fail(f"finish-args lack {arg}")
    last = manifest["modules"][-1]
    if not isinstance(last, dict) or last.get("name") != "rosette" or last.get("buildsystem") != "meson":
        fail("the last module is not rosette built with meson")

    print("ok 1 - flatpak manifest")
    print("1..1")


if __name__ == "__main__":
    main()
