#!/usr/bin/env bash
# Builds dist/extension (the unpacked extension, one folder for Chrome and Firefox) and the store zips.
#
# Release wasm is built with paths remapped, so that the bytes do not depend on where the checkout or
# the cargo home lives: two builds of one commit give byte-identical zips.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
cargo_home=${CARGO_HOME:-$HOME/.cargo}
version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' manifest.json | head -n 1)
out=dist/extension
bindgen_out=target/wasm-bindgen

export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$root=/tba-doctor --remap-path-prefix=$cargo_home=/cargo"
release=target/wasm32-unknown-unknown/release
split=target/wasm-split
rm -rf dist "$bindgen_out" "$split"
mkdir -p "$out/pkg" "$bindgen_out" "$split"

# The content script ships one wasm per feature (crates/content/Cargo.toml), so that a page loads
# only the code it runs: tba_content_role on the role page, tba_content_auth on an error page.
for feature in role auth; do
  cargo build --quiet --release --locked --target wasm32-unknown-unknown -p tba-content \
    --no-default-features --features "$feature"
  cp "$release/tba_content.wasm" "$split/tba_content_$feature.wasm"
done
cargo build --quiet --release --locked --target wasm32-unknown-unknown -p tba-popup
cp "$release/tba_popup.wasm" "$split/tba_popup.wasm"

for module in tba_content_role tba_content_auth tba_popup; do
  wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir "$bindgen_out" "$split/$module.wasm"
  node node_modules/binaryen/bin/wasm-opt -Oz "$bindgen_out/${module}_bg.wasm" -o "$out/pkg/${module}_bg.wasm"
  cp "$bindgen_out/$module.js" "$out/pkg/$module.js"
done
cp manifest.json "$out/"
cp -R extension/. "$out/"

for browser in chrome firefox; do
  python3 scripts/pack.py "$out" "dist/tba-doctor-$version-$browser.zip"
done
echo "built $out and dist/tba-doctor-$version-{chrome,firefox}.zip"
