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

# The sysroot too: with the rust-src component installed, std's own paths point into it.
sysroot=$(rustc --print sysroot)
remap="--remap-path-prefix=$root=/tba-doctor --remap-path-prefix=$cargo_home=/cargo --remap-path-prefix=$sysroot=/rust"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$remap"
release=target/wasm32-unknown-unknown/release
split=target/wasm-split
rm -rf dist "$bindgen_out" "$split"
mkdir -p "$out/pkg" "$bindgen_out" "$split"

# The content script ships one wasm per feature (crates/content/Cargo.toml), so that a page loads
# only the code it runs: tba_content_role on the role page, tba_content_auth on an error page.
#
# Its budget is 60 KB gzipped (product.md §7), so it is built the way min-sized-rust describes:
# the pinned toolchain rebuilds `std` from its own `rust-src` component with `optimize_for_size`, and
# a panic aborts at once (`-Cpanic=immediate-abort`) instead of formatting a message nobody sees.
# These are unstable options of the same pinned 1.95.0 compiler, unlocked with RUSTC_BOOTSTRAP=1
# for this build only; tests and clippy use the compiler as it comes. -Zlocation-detail=none drops
# the source paths a panic would name, and -Zfmt-debug=none makes every Debug impl write nothing:
# the shipped code never shows a Debug rendering (every text a user reads is a message id), only
# tests do, and they are built without it; 0.26 KB off the gzipped role module (gzip -9, measured
# at 2da4819's parent). Separate target directory: the flags differ from the popup's.
for feature in role auth; do
  RUSTC_BOOTSTRAP=1 \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$remap -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
    cargo build --quiet --release --locked --target wasm32-unknown-unknown -p tba-content \
    --no-default-features --features "$feature" --target-dir target/content \
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
  cp "target/content/wasm32-unknown-unknown/release/tba_content.wasm" "$split/tba_content_$feature.wasm"
done
cargo build --quiet --release --locked --target wasm32-unknown-unknown -p tba-popup
cp "$release/tba_popup.wasm" "$split/tba_popup.wasm"
# The options page is the popup crate built with its options entry point instead (feature options-page).
cargo build --quiet --release --locked --target wasm32-unknown-unknown -p tba-popup --features options-page
cp "$release/tba_popup.wasm" "$split/tba_options.wasm"

# --low-memory-unused (content modules only) lets wasm-opt fold constant address offsets, which
# assumes nothing lives in the lowest 1 KiB of memory. Rust's wasm32 layout puts the 1 MiB stack
# there, growing down from 1 MiB, with data and heap above it: the stack would have to be within
# 1 KiB of overflowing. It takes about 0.8 KB off the gzipped role module (measured at this commit).
#
# -ocimfs 50 -aimfs 6 (content modules only) shape the functions for V8's lazy, tiered compilation.
# By default wasm-opt inlines every function that has one caller, whatever its size, so the whole
# page reading became one 20 KB function: V8 compiled it on its first call, and because its loops
# are hot it then recompiled all of it with TurboFan in the background (42 ms of CPU on a 2-core
# machine, measured with --js-flags=--trace-wasm-compilation-times), for code used only by the next
# reading. Now only functions of up to 50 bytes are inlined that way, so the table parser, the
# codec and the cross-check stay separate and small; functions of up to 6 bytes are always inlined,
# which leaves fewer functions to compile one by one. The first run got about 3 ms faster in paired
# runs of tests/bench/ab.mjs, and the gzipped role module 1.8 KB smaller.
for module in tba_content_role tba_content_auth tba_popup tba_options; do
  wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir "$bindgen_out" "$split/$module.wasm"
  content=()
  [[ $module == tba_content_* ]] && content=(--low-memory-unused -ocimfs 50 -aimfs 6)
  node node_modules/binaryen/bin/wasm-opt -Oz --converge "${content[@]}" "$bindgen_out/${module}_bg.wasm" -o "$out/pkg/${module}_bg.wasm"
  cp "$bindgen_out/$module.js" "$out/pkg/$module.js"
  # The names the module and its glue share, shortened in both: 2.5 KB off the gzipped role
  # module, 3.0 KB off the popup's (measured at 1bc09c9; the script says how).
  node scripts/minify-names.mjs "$out/pkg/${module}_bg.wasm" "$out/pkg/$module.js"
done
cp manifest.json "$out/"
cp -R extension/. "$out/"
# The options page shares the popup's styles, which popup.html keeps inline (a style sheet file would
# hold popup.js back): the lines between its <style> tags become options.css.
sed -n '/<style>/,/<\/style>/p' extension/popup.html | sed '1d;$d' > "$out/options.css"
# The permission catalog compiled into the wasm is derived from Oracle's list (UPL 1.0): its notice ships too.
mkdir -p "$out/licenses"
cp data/netsuite-permissions.LICENSE.txt "$out/licenses/"

for browser in chrome firefox; do
  python3 scripts/pack.py "$out" "dist/tba-doctor-$version-$browser.zip"
done
echo "built $out and dist/tba-doctor-$version-{chrome,firefox}.zip"
