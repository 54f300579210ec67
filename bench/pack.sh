#!/usr/bin/env bash
# `modelpack pack` vs `tar | pigz -p 2 -6`, `tar | pigz -p 2 -1`, GNU `tar -czf` (gzip -6) and Python's tarfile "w:gz"
# (what the SageMaker Python SDK does) on a reproducible ~1 GiB weights model and on a text-heavy model (a large BPE
# tokenizer.json and Python sources), each at its default level. The commands run interleaved, round by round
# (A B C A B C ...), so a machine shared with other jobs slows them alike: medians of wall time and CPU seconds
# (user + sys, GNU time), the median of the per-round ratio pigz / modelpack, and output ratios. Then the encoder
# alone in MB/s per core (bench/DeflateProfile, thread CPU time), `modelpack etag` vs md5sum, and peak RSS of pack
# at 1 and 4 GiB. Every output is deleted before each run: writing into the page cache pages a deleted file freed
# is what a steady machine does, while a fresh VM pays first-touch faults on new pages (measured: 2.4 s of sys
# time for 950 MB, against 0.3 s once the pages are warm) that would otherwise land on whichever tool ran first.
# RUNS rounds for modelpack and pigz (default 3), SLOW_RUNS for tar -czf and Python (a minute each; default 1).
source "$(dirname "$0")/lib.sh"
source "$BENCH_DIR/make_model.sh"
RUNS=${RUNS:-3}
SLOW_RUNS=${SLOW_RUNS:-1}
REPORT=$BENCH_DIR/out/pack.md
cd "$DATA"
make_model model-1g 1
make_text_model text-model
dotnet build "$BENCH_DIR/DeflateProfile" -c Release -o "$BENCH_DIR/out/deflateprofile" -v quiet -nologo >&2

# One timed run of a shell command after deleting every output: prints "wall cpu peak_mib output_bytes".
timed() {
  local out=$1 cmd=$2
  rm -f out-*.tar.gz
  /usr/bin/time -f '%e %U %S %M' -o "$DATA/.time" sh -c "$cmd" >/dev/null 2>"$DATA/.stderr" || { cat "$DATA/.stderr" >&2; return 1; }
  awk -v size="$(stat -c %s "$out")" '{printf "%s %.2f %.0f %s\n", $1, $2 + $3, $4 / 1024, size}' "$DATA/.time"
}

median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

pack_model() {
  local model=$1 input_bytes names=() commands=() slow=()
  input_bytes=$(du -sb "$model" | cut -f1)
  names+=("modelpack pack"); commands+=("$MODELPACK pack $model -o out-modelpack.tar.gz --checksums none"); slow+=(0)
  if command -v pigz >/dev/null; then
    names+=("tar | pigz -p 2 -6"); commands+=("tar -C $model -cf - . | pigz -p 2 -6 > out-pigz6.tar.gz"); slow+=(0)
    names+=("tar | pigz -p 2 -1"); commands+=("tar -C $model -cf - . | pigz -p 2 -1 > out-pigz1.tar.gz"); slow+=(0)
  else
    echo "pigz is not installed: its rows are skipped" >&2
  fi
  names+=("tar -czf (gzip -6)"); commands+=("tar -C $model -czf out-tar.tar.gz ."); slow+=(1)
  names+=("python tarfile w:gz"); commands+=("python3 -c 'import tarfile; t = tarfile.open(\"out-python.tar.gz\", \"w:gz\"); t.add(\"$model\", arcname=\".\"); t.close()'"); slow+=(1)
  local results=$DATA/.results-$model
  rm -f "$results".*
  for ((round = 1; round <= RUNS; round++)); do
    for i in "${!names[@]}"; do
      ((slow[i] && round > SLOW_RUNS)) && continue
      local out
      out=$(grep -o 'out-[a-z0-9]*\.tar\.gz' <<<"${commands[i]}" | head -1)
      echo "$round $(timed "$out" "${commands[i]}")" >>"$results.$i"
      [[ $out == out-modelpack.tar.gz ]] && gzip -t out-modelpack.tar.gz && tar -tzf out-modelpack.tar.gz >/dev/null
    done
  done
  echo "| $model ($input_bytes bytes) | runs | median wall (s) | median CPU (s) | wall / modelpack's (per round, median) | output / input |"
  echo "|---|---:|---:|---:|---:|---:|"
  for i in "${!names[@]}"; do
    local wall cpu ratio relative
    wall=$(awk '{print $2}' "$results.$i" | median)
    cpu=$(awk '{print $3}' "$results.$i" | median)
    ratio=$(awk -v b="$input_bytes" 'NR == 1 {printf "%.4f", $5 / b}' "$results.$i")
    relative=$(join "$results.0" "$results.$i" | awk '{printf "%.2f\n", $6 / $2}' | median)
    echo "| \`${names[i]//|/\\|}\` | $(wc -l <"$results.$i") | $wall | $cpu | ${relative}x | $ratio |"
  done
  echo
}

{
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/^Mem/ {print $2}') GiB RAM, $(dotnet --version) SDK, $(date -u '+%F %H:%M UTC')"
  echo "Load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  pack_model model-1g
  pack_model text-model
  echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "Encoder alone, one core (bench/DeflateProfile, the worker's stages in thread CPU time):"
  echo
  echo '```'
  dotnet "$BENCH_DIR/out/deflateprofile/DeflateProfile.dll" model-1g/model-00001-of-00001.bin | grep -E 'MB in|encoder alone|bit packing|plan|probe|crc32'
  dotnet "$BENCH_DIR/out/deflateprofile/DeflateProfile.dll" text-model/tokenizer/tokenizer.json | grep -E 'MB in|own:|encoder alone|lz77|probe|crc32'
  echo '```'
  echo
  shard=model-1g/model-00001-of-00001.bin
  echo "| 1 GiB shard | median wall (s) | median CPU (s) |"
  echo "|---|---:|---:|"
  for tool in etag md5sum; do
    rm -f "$DATA/.etag"
    for ((round = 1; round <= RUNS + 2; round++)); do
      if [[ $tool == etag ]]; then cmd="$MODELPACK etag $shard --part-size 8MiB --checksums none"; else cmd="md5sum $shard"; fi
      /usr/bin/time -f '%e %U %S' -o "$DATA/.time" sh -c "$cmd" >/dev/null 2>&1
      awk '{printf "%s %.2f\n", $1, $2 + $3}' "$DATA/.time" >>"$DATA/.etag"
    done
    echo "| \`$([[ $tool == etag ]] && echo 'modelpack etag (8 MiB parts)' || echo md5sum)\` | $(awk '{print $1}' "$DATA/.etag" | median) | $(awk '{print $2}' "$DATA/.etag" | median) |"
  done
  echo
  make_model model-4g 4
  echo "| input | modelpack pack peak RSS (MiB), each run |"
  echo "|---|---:|"
  for m in model-1g model-4g; do
    rss=()
    for ((round = 1; round <= 2; round++)); do
      rss+=("$(timed out-pack.tar.gz "$MODELPACK pack $m -o out-pack.tar.gz --checksums none" | awk '{print $3}')")
    done
    echo "| $m | ${rss[*]} |"
  done
  rm -f out-*.tar.gz
} | tee "$REPORT"
