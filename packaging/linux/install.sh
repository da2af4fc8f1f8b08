#!/bin/sh
# Install the one-folder officer_desk app on a Linux workstation (run as root from inside the
# unpacked dist/officer-desk folder). The app goes to $APP_DIR, launchers to $PREFIX/bin, and
# the menu entry, AppStream metainfo and icons to $PREFIX/share. Uninstall: remove those.
set -eu
APP_DIR="${APP_DIR:-/opt/officer-desk}"
PREFIX="${PREFIX:-/usr/local}"
here="$(cd "$(dirname "$0")" && pwd)"

mkdir -p "$APP_DIR" "$PREFIX/bin" "$PREFIX/share"
cp -a "$here/." "$APP_DIR/"
ln -sf "$APP_DIR/officer-desk" "$PREFIX/bin/officer-desk"
ln -sf "$APP_DIR/officer-desk-admin" "$PREFIX/bin/officer-desk-admin"
cp -a "$here/share/." "$PREFIX/share/"
command -v update-desktop-database >/dev/null && update-desktop-database "$PREFIX/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
echo "officer_desk installed in $APP_DIR; start it from the menu or with: officer-desk"
