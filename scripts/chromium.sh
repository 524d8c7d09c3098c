#!/usr/bin/env bash
# Install Debian's chromium for the browser tests of the web app (tests/web), unless
# /usr/bin/chromium is already there. Needs root for apt-get; reads nothing from stdin.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    exit 0
fi
echo "chromium.sh: installing chromium with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq chromium </dev/null >&2
