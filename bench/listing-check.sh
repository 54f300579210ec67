#!/usr/bin/env bash
# `modelpack check` of a 1,000,000-key S3 listing, against merely parsing the same JSON with python and jq.
# Prints wall-time ratios (hyperfine) and peak memory at 250k/500k/1M keys: memory should follow the key count.
source "$(dirname "$0")/lib.sh"
KEYS=${KEYS:-1000000}
cd "$DATA"
for n in 250000 500000 "$KEYS"; do
  [[ -f listing-$n.json ]] || python3 "$BENCH_DIR/gen_listing.py" "$n" > "listing-$n.json"
done
listing=listing-$KEYS.json
echo "listing: $KEYS keys, $(du -m "$listing" | cut -f1) MiB of JSON"
hyperfine --warmup 1 --runs "${RUNS:-5}" --export-markdown "$BENCH_DIR/out/listing-check.md" \
  -n "modelpack check" "$MODELPACK check $listing --s3-uri s3://bench-bucket/models/llm/1/" \
  -n "python json.load" "python3 -c 'import json,sys; json.load(open(sys.argv[1]))' $listing" \
  -n "jq length" "jq '.Contents | length' $listing"
echo
echo "| keys | modelpack peak RSS (MiB) | python json.load peak RSS (MiB) |"
echo "|---:|---:|---:|"
for n in 250000 500000 "$KEYS"; do
  echo "| $n | $(peak_mib $MODELPACK check "listing-$n.json" --s3-uri s3://bench-bucket/models/llm/1/) | $(peak_mib python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "listing-$n.json") |"
done
