#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ for SECONDS each (default 60): `make test` runs it with 60,
# `make fuzz` with FUZZ_SECONDS (default 600). Stops at the first target that fails; the input that
# made it fail is in fuzz/artifacts/<target>/ (keep it as fuzz/known/<target>-<n> once fixed).
#
# cargo-fuzz builds with -Zsanitizer and other unstable flags; RUSTC_BOOTSTRAP=1 lets the stable
# toolchain accept them (as scripts/build.sh does for -Zbuild-std), so no nightly is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
command -v cargo-fuzz >/dev/null 2>&1 || cargo install --quiet cargo-fuzz --version 0.13.2
export RUSTC_BOOTSTRAP=1

seeds=target/fuzz-seeds
rm -rf "$seeds"
mkdir -p "$seeds/table" "$seeds/wire" "$seeds/codec" "$seeds/import"
# Inputs that once failed a target stay seeds of it (fuzz/known/<target>-*). table-1 was a tree of
# html5ever's that no browser holds (fuzz/fuzz_targets/table.rs says how it is told apart now).
for known in fuzz/known/*; do
  target=$(basename "$known"); target=${target%%-*}
  cp "$known" "$seeds/$target/"
done
# The fixture pages seed the table target too: whole pages, mutated.
for page in tests/fixtures/role/*/page.html; do
  cp "$page" "$seeds/table/$(basename "$(dirname "$page")").html"
done
# One message of each kind the wire readers take, to start from.
printf '%s' '{"type":"GetSnapshot"}' > "$seeds/wire/get"
printf '%s' '{"type":"FixAll","confirm":["ADMI_WEBSERVICES"]}' > "$seeds/wire/fix-all"
printf '%s' '{"type":"Unavailable","reason":"engine-failed: run: first-run: midway"}' > "$seeds/wire/unavailable"
printf '%s' '{"results":[{"permkey":"ADMI_WEBSERVICES","result":"done","alerts":[]},{"permkey":"ADMI_MANAGE_OWN_OAUTH_TOKENS","result":"done"}]}' > "$seeds/wire/results"
printf '%s' '{"settings":{"version":1,"profile":"cloudextend"}}' > "$seeds/wire/settings"
# The vendors' tables of the importer's tests seed the import target, with an SDF role and a profile file.
cp crates/rules/tests/import/*.txt "$seeds/import/"
printf '%s' '<role><name>R</name><permissions><permission><permkey>LIST_CUSTJOB</permkey><permlevel>EDIT</permlevel></permission><permission><permkey>customrecord_x</permkey><permlevel>VIEW</permlevel></permission></permissions></role>' > "$seeds/import/sdf"
printf '%s' '{"format":"tba-doctor-profile","version":1,"id":"custom:x","name":"X","requirements":[{"anyOf":["ADMI_WEBSERVICES"],"level":"FULL","why":"w"}],"kept":[{"permkey":"customrecord_y","level":"VIEW"}]}' > "$seeds/import/file"
printf 'permkey4\x05permlevel4\x00ADMI_WEBSERVICES\x054\x01ADMI_LOGIN_OAUTH\x051' > "$seeds/codec/two"

cd fuzz
cargo fuzz build --release
for target in $(cargo fuzz list); do
  mkdir -p "corpus/$target"
  echo "== fuzz $target for $seconds s"
  max_len=4096
  [ "$target" = table ] && max_len=262144
  log=../target/fuzz-$target.log
  status=0
  cargo fuzz run --release "$target" "corpus/$target" "../$seeds/$target" -- \
    -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 -print_final_stats=1 \
    >"$log" 2>&1 || status=$?
  grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
  if [ "$status" -ne 0 ]; then
    grep -E -A12 'panicked|SUMMARY|ERROR' "$log" | head -n 60
    echo "fuzz $target failed; the input is in fuzz/artifacts/$target/, the log in target/fuzz-$target.log"
    exit 1
  fi
done
