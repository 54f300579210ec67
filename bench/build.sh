#!/usr/bin/env bash
# `modelpack build` against the steps it replaces, on the reproducible ~1 GiB model: format tar.gz against `pack`
# (same checksums: build adds only the request), format prefix against `layout` then `manifest`. build must be no
# slower: it reads each input byte once (pack hashes the archive on its way to disk; layout links, manifest hashes).
source "$(dirname "$0")/lib.sh"
source "$BENCH_DIR/make_model.sh"
RUNS=${RUNS:-3}
cd "$DATA"
make_model model-1g 1
cat >spec-targz.json <<JSON
{ "modelPackageGroupName": "bench", "source": "model-1g", "format": "tar.gz", "s3Uri": "s3://bench/models/1g/model.tar.gz" }
JSON
cat >spec-prefix.json <<JSON
{ "modelPackageGroupName": "bench", "source": "model-1g", "format": "prefix", "s3Uri": "s3://bench/models/1g/" }
JSON
hyperfine --warmup 1 --runs "$RUNS" --export-markdown "$BENCH_DIR/out/build-targz.md" \
  -n "modelpack build (tar.gz)" "$MODELPACK build --spec spec-targz.json -o out-build-targz" \
  -n "modelpack pack" "$MODELPACK pack model-1g -o out-pack.tar.gz --checksums crc64nvme,sha256"
hyperfine --warmup 1 --runs "$RUNS" --export-markdown "$BENCH_DIR/out/build-prefix.md" \
  -n "modelpack build (prefix)" "$MODELPACK build --spec spec-prefix.json -o out-build-prefix" \
  -n "modelpack layout + manifest" "sh -c '$MODELPACK layout model-1g -o out-layout && $MODELPACK manifest out-layout --s3-uri s3://bench/models/1g/ -o out-manifest.csv'"
# hyperfine runs all of one command, then all of the other; on a shared machine the load shifts between them, so
# also alternate the two, pair by pair.
paired() { # NAME-A CMD-A NAME-B CMD-B
  local a b sa=0 sb=0
  for _ in $(seq "$((RUNS * 2))"); do
    a=$( { /usr/bin/time -f %e sh -c "$2" >/dev/null 2>&1; } 2>&1 ); b=$( { /usr/bin/time -f %e sh -c "$4" >/dev/null 2>&1; } 2>&1 )
    sa=$(echo "$sa + $a" | bc); sb=$(echo "$sb + $b" | bc)
  done
  echo "alternating, $((RUNS * 2)) pairs: $1 mean $(echo "scale=2; $sa / ($RUNS * 2)" | bc) s, $3 mean $(echo "scale=2; $sb / ($RUNS * 2)" | bc) s"
}
paired "build (tar.gz)" "$MODELPACK build --spec spec-targz.json -o out-build-targz" "pack" "$MODELPACK pack model-1g -o out-pack.tar.gz --checksums crc64nvme,sha256"
paired "build (prefix)" "$MODELPACK build --spec spec-prefix.json -o out-build-prefix" "layout + manifest" "$MODELPACK layout model-1g -o out-layout && $MODELPACK manifest out-layout --s3-uri s3://bench/models/1g/ -o out-manifest.csv"
rm -rf out-build-targz out-build-prefix out-pack.tar.gz out-layout out-manifest.csv
