#!/usr/bin/env bash
# Installs the system packages Gazette builds and tests with, only those that are missing.
# Usage: scripts/setup.sh [--tests]   (--tests adds what the test servers need)
set -euo pipefail

packages=(libcurl4-openssl-dev libxml2-dev libssl-dev pkg-config)
if [ "${1:-}" = "--tests" ]; then
  packages+=(python3 python3-aiosmtpd openssl spamassassin curl chromium chromium-driver python3-selenium fonts-dejavu-core)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v swift >/dev/null || { echo "setup: swift is not on PATH (Swift 6 toolchain required)" >&2; exit 1; }
