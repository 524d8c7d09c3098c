#!/usr/bin/env bash
# Install Debian's gcc for the mypyc build of the compiled package (`make compiled`), unless a
# C compiler is already there. Needs root for apt-get; reads nothing from stdin.
set -euo pipefail

if command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1; then
    exit 0
fi
echo "compiler.sh: installing gcc with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq gcc </dev/null >&2
