# wenxi: two commands.
#   make serve   build whatever is missing, then serve the app on http://127.0.0.1:8000/
#   make test    run every test: Rust unit + integration tests, then the browser tests
PORT ?= 8000

.PHONY: serve test lint web rust-test browser-test bench eval fuzz
SHARED ?= ../shared/data

serve: web
	@echo "wenxi: open http://127.0.0.1:$(PORT)/#sample  (the sample page loads and is analysed)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

web:
	scripts/build-web.sh

test: lint rust-test browser-test

# Formatting and clippy (no warning, no function over 120 lines: clippy.toml).
lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings

rust-test:
	cargo test --all-targets

browser-test: web
	scripts/ensure-chromium.sh
	node --test --test-concurrency=1 tests/browser/

# Accuracy on the gold data in ../shared/data (not needed by the tests).
eval:
	cargo build --release --bin wenxi
	@echo "== figures: seed page gold and news-dev"; target/release/wenxi eval figures $(SHARED)/seed/seed-gold.json $(SHARED)/figures/news-dev/news-dev.json
	@echo "== entities: MSRA dev block (articles never trained on), People's Daily dev, CLUENER dev (coarse), seed page"
	target/release/wenxi eval ner --errors 20 \
	  $(SHARED)/ner/msra-train-clean/dev-block.spans.jsonl \
	  $(SHARED)/ner/peoples-daily-dev/example.dev.spans.jsonl \
	  $(SHARED)/ner/cluener-dev/cluener2020_dev.spans.jsonl \
	  --seed $(SHARED)/seed/seed-gold.json

# Speed and size (see BENCHMARKS.md).
bench: web
	node bench/sizes.mjs
	cargo bench --bench pipeline && node bench/criterion-table.mjs
	node bench/browser.mjs

# Each fuzz target for FUZZ_SECONDS (needs cargo-fuzz; runs on stable via RUSTC_BOOTSTRAP).
FUZZ_SECONDS ?= 600
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	cd fuzz && for t in decode clean numeral figures analyze; do \
	  mkdir -p corpus/$$t && RUSTC_BOOTSTRAP=1 cargo fuzz run -O $$t corpus/$$t -- -max_total_time=$(FUZZ_SECONDS) -max_len=4096 || exit 1; done
