#!/usr/bin/env bash
# Installs what `make test` needs beyond the build, idempotently: Debian's chromium, chromium-driver
# and firefox-esr, and geckodriver from crates.io.
set -euo pipefail

missing=()
for package in chromium chromium-driver firefox-esr openssl; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

command -v geckodriver >/dev/null 2>&1 || cargo install --quiet geckodriver
