#!/usr/bin/env bash
# Installs what `make` needs, idempotently and quietly when it is already there:
# the wasm32 target and rust-src, wasm-bindgen-cli at exactly the version in Cargo.lock, and the npm dev tools.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown
# The content-script wasm rebuilds std from source (scripts/build.sh).
rustup component list --installed 2>/dev/null | grep -qx rust-src \
  || rustup component add rust-src

wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$wanted" ] || { echo "install-build-tools: wasm-bindgen not found in Cargo.lock" >&2; exit 1; }
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$wanted" ]; then
  echo "installing wasm-bindgen-cli $wanted (found '${have:-none}')"
  # --locked fails on this registry mirror (a pinned transitive crate is missing there).
  cargo install --quiet wasm-bindgen-cli --version "$wanted" --force
fi

# The stamp is a copy of the lock file that `npm ci` was last run with.
if ! cmp -s package-lock.json node_modules/.tba-doctor-lock-stamp 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.tba-doctor-lock-stamp
fi
