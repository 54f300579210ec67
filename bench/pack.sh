#!/usr/bin/env bash
# `modelpack pack` vs GNU tar -czf, tar | pigz -p 2 -6 and -1, and Python's tarfile "w:gz" (what the SageMaker Python
# SDK does) on a reproducible ~1 GiB weights model and on a text-heavy model (a large BPE tokenizer.json and Python
# sources), each at its default level: wall time from hyperfine, CPU seconds and peak RSS from GNU time, output ratios;
# then `modelpack etag` (8 MiB parts) vs md5sum on the 1 GiB weight shard; then peak memory of pack at 1 and 4 GiB.
# Record `uptime` with the figures: on a shared machine wall times swing, CPU seconds much less.
source "$(dirname "$0")/lib.sh"
source "$BENCH_DIR/make_model.sh"
RUNS=${RUNS:-3}
cd "$DATA"
make_model model-1g 1
make_text_model text-model
uptime
for model in model-1g text-model; do
  input_bytes=$(du -sb "$model" | cut -f1)
  hyperfine --warmup 1 --runs "$RUNS" --export-markdown "$BENCH_DIR/out/pack-$model.md" \
    -n "modelpack pack" "$MODELPACK pack $model -o out-modelpack.tar.gz --checksums none" \
    -n "tar -czf" "tar -C $model -czf out-tar.tar.gz ." \
    -n "tar | pigz -p 2 -6" "sh -c 'tar -C $model -cf - . | pigz -p 2 -6 > out-pigz.tar.gz'" \
    -n "tar | pigz -p 2 -1" "sh -c 'tar -C $model -cf - . | pigz -p 2 -1 > out-pigz1.tar.gz'" \
    -n "python tarfile w:gz" "python3 -c 'import tarfile; t = tarfile.open(\"out-python.tar.gz\", \"w:gz\"); t.add(\"$model\", arcname=\".\"); t.close()'"
  echo
  echo "| $model output | bytes | of input | CPU s (user+sys) |"
  echo "|---|---:|---:|---:|"
  for f in out-modelpack out-tar out-pigz out-pigz1 out-python; do
    size=$(stat -c %s "$f.tar.gz")
    echo "| $f.tar.gz | $size | $(echo "scale=4; $size / $input_bytes" | bc) | $(cpu_seconds_of "$f" "$model") |"
  done
  gzip -t out-modelpack.tar.gz && tar -tzf out-modelpack.tar.gz >/dev/null
  echo
done
uptime
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
