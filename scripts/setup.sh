#!/usr/bin/env bash
# Installs the system packages Gazette builds and tests with, only those that are missing.
# Usage: scripts/setup.sh [--tests]   (--tests adds what the test servers need)
set -euo pipefail

packages=(libcurl4-openssl-dev libxml2-dev libssl-dev pkg-config)
if [ "${1:-}" = "--tests" ]; then
  packages+=(python3 python3-aiosmtpd openssl spamassassin curl chromium chromium-driver python3-selenium fonts-dejavu-core dovecot-imapd python3-venv)
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
  # The IMAP tests start their own Dovecot on a free loopback port; the system one is not needed.
  if [[ " ${missing[*]} " == *" dovecot-imapd "* ]] && command -v systemctl >/dev/null; then
    $sudo systemctl disable --now dovecot >/dev/null 2>&1 || true
  fi
fi

command -v swift >/dev/null || { echo "setup: swift is not on PATH (Swift 6 toolchain required)" >&2; exit 1; }

# The email-lint test runs ../shared/bench/email_lint.py, which needs tinycss2 >= 1.3 (Debian has
# 1.2) and PyYAML: a virtual environment in .build/, made once.
if [ "${1:-}" = "--tests" ]; then
  venv="$(cd "$(dirname "$0")/.." && pwd)/.build/venv-lint"
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import tinycss2, yaml" 2>/dev/null; then
    mkdir -p "$(dirname "$venv")"
    { /usr/bin/python3 -m venv "$venv" && "$venv/bin/pip" install -q "tinycss2>=1.3" pyyaml; } >/dev/null 2>&1 \
      || echo "setup: could not install tinycss2 and PyYAML into $venv (the email-lint test will be skipped)" >&2
  fi
fi
