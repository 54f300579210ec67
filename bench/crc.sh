#!/usr/bin/env bash
# CRC throughput of `etag` (one thread) now, against an older build of the tool (OLD_MODELPACK: a modelpack.dll, e.g.
# built from dbe3a5e, the last commit with the hand-written CRCs), with md5sum and Python's zlib.crc32 in the same run.
# The CRC's own cost is the run's user CPU time minus the `--checksums none` run's (the ETag's MD5 is always computed);
# CPU time, not wall time, because the machine is shared and wall times swing by tens of percent.
source "$(dirname "$0")/lib.sh"
SIZE_MIB=${SIZE_MIB:-512}
file="$DATA/crc-$SIZE_MIB.bin"
[[ -f $file ]] || head -c $((SIZE_MIB << 20)) /dev/urandom >"$file"

commands=(-n md5sum "md5sum $file" -n python-zlib-crc32 "python3 -c 'import sys,zlib; print(zlib.crc32(open(sys.argv[1],\"rb\").read()))' $file")
for kind in none crc32 crc32c crc64nvme; do
  commands+=(-n "new $kind" "$MODELPACK etag $file --uploader single --threads 1 --checksums $kind")
  if [[ -n ${OLD_MODELPACK:-} ]]; then
    commands+=(-n "old $kind" "dotnet $OLD_MODELPACK etag $file --uploader single --threads 1 --checksums $kind")
  fi
done
hyperfine -N -w 1 -r "${RUNS:-3}" --export-json "$BENCH_DIR/out/crc.json" "${commands[@]}"
jq -r --argjson mib "$SIZE_MIB" '
  (.results | map({key: .command, value: .user}) | from_entries) as $t
  | ["new", "old"][] as $who
  | select($t[$who + " none"] != null)
  | ["crc32", "crc32c", "crc64nvme"][] as $k
  | "\($who) \($k): \(($mib / 1024) / ($t[$who + " " + $k] - $t[$who + " none"]) | . * 100 | round / 100) GB/s per core (CRC alone, user CPU)"' "$BENCH_DIR/out/crc.json"
