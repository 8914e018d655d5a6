#!/usr/bin/env bash
# What each entity rule is worth: one line per rule with the F1 of the MSRA
# dev block, People's Daily dev and CLUENER dev (coarse), and the seed page's
# found and wrong/reported entities, with that rule switched off.
# Usage: scripts/ablate-rules.sh [MODEL]   (needs ../shared/data; about 2 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
M=${1:-assets/ner.model}
D=../shared/data/ner
cargo build --release --quiet --bin wenxi
W=target/release/wenxi
one() {
  out=$($W eval ner --errors 0 --model "$M" "$@" $D/msra-train-clean/dev-block.spans.jsonl \
    $D/peoples-daily-dev/example.dev.spans.jsonl $D/cluener-dev/cluener2020_dev.spans.jsonl \
    --seed ../shared/data/seed/seed-gold.json)
  f=$(echo "$out" | grep "^overall" | awk -F'|' '{split($2,a," ");split($3,b," ");split($4,c," "); printf "%.4f %.4f %.4f", a[3],b[3],c[3]}')
  s=$(echo "$out" | grep "^seed page" | sed -E 's/.*found ([0-9]+)\/.*, ([0-9]+) of ([0-9]+) reported.*/\1 \2\/\3/')
  echo "$f seed $s"
}
echo "ALL $(one)"
echo "NONE $(one --no-rules)"
for r in $($W eval ner --without-rule list 2>&1 | sed 's/.*the rules: //'); do
  echo "-$r $(one --without-rule "$r")"
done
