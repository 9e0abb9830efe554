#!/bin/sh
# Installs the pinned web checkers (package.json, package-lock.json beside this script)
# into FOLDER/node_modules with `npm ci`, for the export conformance test. Nothing is
# done when FOLDER already holds an install of the same lock file, so a rerun needs no
# network. Exit 77 (skipped) without npm; install-deps.sh installs Node.js and npm.
# --ignore-scripts: vnu-jar's postinstall would download a Java; Debian's is used.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
folder=$1
if ! command -v npm >/dev/null 2>&1; then
    echo "web checkers: npm not found; skipped (packaging/install-deps.sh installs it)" >&2
    exit 77
fi
mkdir -p "$folder"
stamp="$folder/node_modules/.copydesk-package-lock.json"
if [ -f "$stamp" ] && cmp -s "$stamp" "$here/package-lock.json"; then
    echo "web checkers: already installed in $folder/node_modules"
    exit 0
fi
cp "$here/package.json" "$here/package-lock.json" "$folder/"
cd "$folder"
npm ci --ignore-scripts --no-audit --no-fund --prefer-offline
cp "$here/package-lock.json" "$stamp"
echo "web checkers: installed in $folder/node_modules"
