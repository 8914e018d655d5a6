#!/usr/bin/env bash
# Builds whatever is missing for the page: the wasm target, wasm-bindgen-cli at
# the version in Cargo.lock, npm packages, then www/pkg (wasm + JS glue, the
# dictionary, the sample page and the service worker's asset list).
# Usage: scripts/build-web.sh            (release build)
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf '\033[1m[build]\033[0m %s\n' "$*" >&2; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

[ -f Cargo.lock ] || cargo generate-lockfile
want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  # --locked fails against this registry; without it the install works (about 4 min).
  log "installing wasm-bindgen-cli $want (found: ${have:-none})"
  cargo install wasm-bindgen-cli --version "$want"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ]; then
  log "installing npm packages"
  npm ci --no-audit --no-fund
fi

log "compiling the library to wasm"
cargo build --lib --release --no-default-features --target wasm32-unknown-unknown
rm -rf www/pkg.tmp && mkdir -p www/pkg.tmp
wasm-bindgen --target web --no-typescript --out-dir www/pkg.tmp target/wasm32-unknown-unknown/release/wenxi.wasm
log "optimising with wasm-opt (npm binaryen)"
# Not --all-features: it turns on compact imports, which Chromium 156 rejects
# ("Invalid import kind 127"). Enable what rustc emits for wasm32 instead.
node_modules/.bin/wasm-opt -O3 --enable-bulk-memory --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue --strip-debug www/pkg.tmp/wenxi_bg.wasm -o www/pkg.tmp/wenxi_bg.opt.wasm
mv www/pkg.tmp/wenxi_bg.opt.wasm www/pkg.tmp/wenxi_bg.wasm
cp assets/jieba-dict.txt www/pkg.tmp/jieba-dict.txt
cp seeds/000_0e8ce62d7256c336.txt www/pkg.tmp/sample.txt
rm -rf www/pkg && mv www/pkg.tmp www/pkg
node scripts/precache.mjs
log "www/pkg ready: $(du -sh www/pkg | cut -f1)"
