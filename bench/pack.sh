#!/usr/bin/env bash
# `modelpack pack` vs GNU tar -czf, tar | pigz -p 2 -6, and Python's tarfile "w:gz" (what the SageMaker Python SDK
# does) on a reproducible ~1 GiB model, each at its default level; then `modelpack etag` (8 MiB parts) vs md5sum on
# the 1 GiB weight shard; then peak memory of pack at 1 and 4 GiB. Ratios are computed by hyperfine in the same run.
source "$(dirname "$0")/lib.sh"
source "$BENCH_DIR/make_model.sh"
RUNS=${RUNS:-3}
cd "$DATA"
make_model model-1g 1
input_bytes=$(du -sb model-1g | cut -f1)
hyperfine --warmup 1 --runs "$RUNS" --export-markdown "$BENCH_DIR/out/pack.md" \
  -n "modelpack pack" "$MODELPACK pack model-1g -o out-modelpack.tar.gz --checksums none" \
  -n "tar -czf" "tar -C model-1g -czf out-tar.tar.gz ." \
  -n "tar | pigz -p 2 -6" "sh -c 'tar -C model-1g -cf - . | pigz -p 2 -6 > out-pigz.tar.gz'" \
  -n "python tarfile w:gz" "python3 -c 'import tarfile; t = tarfile.open(\"out-python.tar.gz\", \"w:gz\"); t.add(\"model-1g\", arcname=\".\"); t.close()'"
echo
echo "| output | bytes | of input |"
echo "|---|---:|---:|"
for f in out-modelpack out-tar out-pigz out-python; do
  size=$(stat -c %s "$f.tar.gz")
  echo "| $f.tar.gz | $size | $(echo "scale=4; $size / $input_bytes" | bc) |"
done
echo
shard=model-1g/model-00001-of-00001.bin
hyperfine --warmup 1 --runs "$((RUNS + 2))" --export-markdown "$BENCH_DIR/out/etag.md" \
  -n "modelpack etag (8 MiB parts)" "$MODELPACK etag $shard --part-size 8MiB --checksums none" \
  -n "md5sum" "md5sum $shard"
echo
make_model model-4g 4
echo "| input | modelpack pack peak RSS (MiB) |"
echo "|---|---:|"
for m in model-1g model-4g; do
  echo "| $m | $(peak_mib $MODELPACK pack "$m" -o "out-$m.tar.gz" --checksums none) |"
done
rm -f out-*.tar.gz
