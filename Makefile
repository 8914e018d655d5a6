# wenxi: two commands.
#   make serve   build whatever is missing, then serve the app on http://127.0.0.1:8000/
#   make test    run every test: Rust unit + integration tests, then the browser tests
PORT ?= 8000

.PHONY: serve test web rust-test browser-test bench eval

serve: web
	@echo "wenxi: open http://127.0.0.1:$(PORT)/#sample  (the sample page loads and is analysed)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

web:
	scripts/build-web.sh

test: rust-test browser-test

rust-test:
	cargo test --all-targets

browser-test: web
	scripts/ensure-chromium.sh
	node --test --test-concurrency=1 tests/browser/
