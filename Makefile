# TBA Doctor: the single entry point for building and testing. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := all

VERSION := $(shell sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' manifest.json | head -n 1)
RUST_SOURCES := $(shell find crates -name '*.rs' -o -name Cargo.toml) Cargo.toml Cargo.lock
STATIC_SOURCES := manifest.json $(shell find extension data -type f)
ZIPS := dist/tba-doctor-$(VERSION)-chrome.zip dist/tba-doctor-$(VERSION)-firefox.zip
TOOLS_STAMP := target/.build-tools-stamp

# Build the unpacked extension (dist/extension) and both store zips.
all: dist

# Same as `all`.
dist: $(ZIPS)

$(ZIPS) &: $(TOOLS_STAMP) $(RUST_SOURCES) $(STATIC_SOURCES) scripts/build.sh scripts/pack.py
	./scripts/build.sh

$(TOOLS_STAMP): scripts/install-build-tools.sh Cargo.lock package-lock.json
	./scripts/install-build-tools.sh
	@mkdir -p target && touch $@

# Install the build and test tools (idempotent).
tools: $(TOOLS_STAMP)
	./scripts/install-test-tools.sh

# Everything CI checks: fmt, clippy (native and wasm32), native tests, rules purity, web-ext lint, wasm size budgets, reproducible zips, e2e in Chromium and Firefox.
test: dist
	./scripts/install-test-tools.sh
	./scripts/test.sh

# Only the browser end-to-end suite (BROWSER=chromium|firefox to pick one).
e2e: dist
	node tests/e2e/run.mjs $(if $(BROWSER),--browser $(BROWSER))

# What CI runs.
ci: test

# Fuzz each target of fuzz/ (both wire readers and the settings reader, the sublist codec, the
# table reader against html5ever) for FUZZ_SECONDS each, default 600; `make test` runs 60 s each.
fuzz:
	./scripts/fuzz.sh $${FUZZ_SECONDS:-600}

# Measure every budget of BENCHMARKS.md (wasm sizes; the content script on the admin-700 fixture and
# the toolbar popup in headless Chromium) and rewrite its rows; fails when a budget is not met.
bench: dist
	@status=0; \
	node tests/bench/sizes.mjs --write || status=1; \
	node tests/bench/content.mjs --write || status=1; \
	node scripts/bench-popup.mjs --write || status=1; \
	exit $$status

# Format the Rust sources.
fmt:
	cargo fmt --all

# Remove build outputs.
clean:
	rm -rf dist target/wasm-bindgen target/e2e

.PHONY: all dist tools test e2e ci fuzz bench fmt clean
