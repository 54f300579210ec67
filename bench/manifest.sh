#!/usr/bin/env bash
# `modelpack manifest` (ETag + CRC64NVME + SHA-256 of every file, one read each, files and parts in parallel) vs
# md5sum and sha256sum over the same ~1 GiB tree, in the same run; then peak memory at 1 and 4 GiB.
source "$(dirname "$0")/lib.sh"
source "$BENCH_DIR/make_model.sh"
RUNS=${RUNS:-3}
cd "$DATA"
make_model model-1g 1
hyperfine --warmup 1 --runs "$RUNS" --export-markdown "$BENCH_DIR/out/manifest.md" \
  -n "modelpack manifest" "$MODELPACK manifest model-1g --s3-uri s3://bench-bucket/models/m/1/ -o manifest.csv" \
  -n "md5sum" "sh -c 'find model-1g -type f -print0 | xargs -0 md5sum > /dev/null'" \
  -n "sha256sum" "sh -c 'find model-1g -type f -print0 | xargs -0 sha256sum > /dev/null'"
make_model model-4g 4
echo "| input | modelpack manifest peak RSS (MiB) |"
echo "|---|---:|"
for m in model-1g model-4g; do
  echo "| $m | $(peak_mib $MODELPACK manifest "$m" --s3-uri s3://bench-bucket/models/m/1/ -o "manifest-$m.csv") |"
done
rm -f manifest*.csv
