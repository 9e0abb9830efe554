#!/bin/sh
# Installs every Debian 12 package Copydesk needs to build, run and test; nothing else.
# Idempotent: apt-get skips what is already installed.
set -eu

SUDO=
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
fi

PACKAGES="
build-essential cmake ninja-build ccache pkg-config
qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
qt6-webengine-dev qt6-webengine-dev-tools libqt6sql6-sqlite libqt6opengl6-dev
libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm
libicu-dev libdtl-dev libhunspell-dev hunspell-en-us hunspell-fr hunspell-es hunspell-ar hunspell-ru
libyaml-cpp-dev libxml2-dev
fonts-noto-core fonts-noto-cjk
python3 sqlite3
"

missing=
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -n "$missing" ]; then
    $SUDO apt-get update
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
fi
