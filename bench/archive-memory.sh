#!/usr/bin/env bash
# `modelpack check` of large model.tar.gz files: memory must stay flat as the archive grows (members are
# streamed, never buffered). Compared in the same run with `tar -tzf` and Python's tarfile listing the archive.
# SIZES are GiB of incompressible, reproducible "weights" (AES-CTR keystream of a fixed key) plus small files.
source "$(dirname "$0")/lib.sh"
SIZES=${SIZES:-"1 10"}
cd "$DATA"
echo "| archive | modelpack check wall (s) | peak RSS (MiB) | tar -tzf wall (s) | python tarfile wall (s) | peak RSS (MiB) |"
echo "|---|---:|---:|---:|---:|---:|"
for gib in $SIZES; do
  archive=archive-src-${gib}g.tar.gz
  if [[ ! -f $archive ]]; then
    rm -rf "archive-src-${gib}g" && mkdir -p "archive-src-${gib}g/code"
    for part in $(seq 1 "$gib"); do
      # head closes the pipe after 1 GiB; openssl's SIGPIPE is expected, not a failure.
      { openssl enc -aes-128-ctr -nosalt -pass "pass:modelpack-$part" -pbkdf2 </dev/zero 2>/dev/null || true; } | head -c 1073741824 >"archive-src-${gib}g/weights-$part.bin"
    done
    echo '{"model_type": "bench"}' >"archive-src-${gib}g/config.json"
    echo 'def model_fn(d): pass' >"archive-src-${gib}g/code/inference.py"
    tar -C "archive-src-${gib}g" -cf - . | pigz -1 -p 2 >"$archive"
    rm -rf "archive-src-${gib}g"
  fi
  t0=$(date +%s.%N); mp=$(peak_mib $MODELPACK check "$archive"); t1=$(date +%s.%N)
  tar -tzf "$archive" >/dev/null; t2=$(date +%s.%N)
  py=$(peak_mib python3 -c 'import sys, tarfile; [m.name for m in tarfile.open(sys.argv[1])]' "$archive"); t3=$(date +%s.%N)
  printf '| %s GiB | %.1f | %s | %.1f | %.1f | %s |\n' "$gib" "$(echo "$t1 - $t0" | bc)" "$mp" "$(echo "$t2 - $t1" | bc)" "$(echo "$t3 - $t2" | bc)" "$py"
done
