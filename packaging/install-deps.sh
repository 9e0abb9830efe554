#!/bin/sh
# Installs every Debian package Copydesk needs to build, run and test on the running
# release (Debian 12 bookworm or Debian 13 trixie); nothing else.
# Idempotent: apt-get skips what is already installed.
set -eu

SUDO=
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
fi

PACKAGES="
build-essential cmake ninja-build ccache pkg-config
qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
qt6-webengine-dev qt6-webengine-dev-tools qt6-declarative-dev libqt6sql6-sqlite libsqlite3-dev
libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm
libicu-dev libdtl-dev libhunspell-dev hunspell-en-us hunspell-fr hunspell-es hunspell-ar hunspell-ru
libyaml-cpp-dev libtomlplusplus-dev libxml2-dev libkainjow-mustache-dev libquazip1-qt6-dev
fonts-noto-core fonts-noto-cjk
python3 sqlite3 hugo libxml2-utils translate-toolkit
xvfb xauth imagemagick
chromium default-jre-headless
"
# The export tests check pages with the Nu Html Checker (vnu.jar from npm, run with this
# Java) and axe-core in this Chromium (tests/web: npm packages pinned in
# package-lock.json, installed by the test fixture). Node.js and npm come from Debian
# unless a node is already there (a NodeSource build ships its own npm).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    PACKAGES="$PACKAGES nodejs npm"
fi

# What differs between the releases. Debian 13 folds the OpenGL headers into
# qt6-base-dev and has KSyntaxHighlighting for Qt 6 (KF6 needs Qt >= 6.5, so Debian 12
# only has it for Qt 5): code blocks are highlighted where it is installed.
. /etc/os-release
case "${ID:-}:${VERSION_ID:-}" in
debian:12)
    PACKAGES="$PACKAGES libqt6opengl6-dev"
    ;;
debian:13)
    PACKAGES="$PACKAGES libkf6syntaxhighlighting-dev"
    ;;
*)
    echo "install-deps.sh: ${PRETTY_NAME:-this system} is not supported (Debian 12 or 13)" >&2
    exit 1
    ;;
esac

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

# Wanted where the release has them, not required: OmegaT (a CAT tool the XLIFF and TMX
# round trip is tested with, tests/app/translation/omegat_roundtrip.py; the test says
# it is skipped where there is none).
for p in omegat; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        continue
    fi
    if [ -z "$missing" ]; then
        $SUDO apt-get update
        missing=updated
    fi
    if apt-cache show "$p" >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "$p"
    else
        echo "install-deps.sh: $p is not in ${PRETTY_NAME:-this release}; its tests are skipped" >&2
    fi
done
