#!/usr/bin/env bash
# The content scan's cost: `check` of one model folder with and without `--no-content-scan`, for a SIZE_MIB
# (default 1024) safetensors file and a torch.save-style zip (archive/data.pkl + one SIZE_MIB storage record).
# The scan reads the safetensors header and the zip's central directory, local headers and data.pkl, never the
# tensor payload, so the difference should be milliseconds for both. Files are generated here (zeros: the scan
# does not look at payload bytes).
source "$(dirname "$0")/lib.sh"
SIZE_MIB=${SIZE_MIB:-1024}
st="$DATA/content-safetensors-$SIZE_MIB"
pt="$DATA/content-torchzip-$SIZE_MIB"
if [[ ! -f $st/model.safetensors ]]; then
  mkdir -p "$st"
  python3 - "$st/model.safetensors" "$SIZE_MIB" <<'PY'
import json, struct, sys
path, mib = sys.argv[1], int(sys.argv[2])
n = (mib << 20) // 4
header = json.dumps({"w": {"dtype": "F32", "shape": [n], "data_offsets": [0, n * 4]}, "__metadata__": {"format": "pt"}}).encode()
with open(path, "wb") as f:
    f.write(struct.pack("<Q", len(header)) + header)
    f.truncate(8 + len(header) + n * 4)
PY
fi
if [[ ! -f $pt/model.pt ]]; then
  mkdir -p "$pt"
  python3 - "$pt/model.pt" "$SIZE_MIB" <<'PY'
import sys, zipfile
path, mib = sys.argv[1], int(sys.argv[2])
# The imports torch.save writes for an OrderedDict of one float tensor, protocol 2, one persistent id ('storage', FloatStorage, '0', 'cpu', n).
n = (mib << 20) // 4
pkl = (b"\x80\x02ccollections\nOrderedDict\nq\x00)Rq\x01X\x01\x00\x00\x00wctorch._utils\n_rebuild_tensor_v2\n"
       b"((X\x07\x00\x00\x00storagectorch\nFloatStorage\nX\x01\x00\x00\x000X\x03\x00\x00\x00cpuJ" + n.to_bytes(4, "little") + b"tQK\x00J"
       + n.to_bytes(4, "little") + b"\x85K\x01\x85\x89ccollections\nOrderedDict\n)RtRs.")
chunk = bytes(1 << 20)
with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED, allowZip64=True) as z:
    z.writestr("archive/data.pkl", pkl)
    z.writestr("archive/version", b"3\n")
    with z.open("archive/data/0", "w", force_zip64=True) as member:
        for _ in range(mib):
            member.write(chunk)
PY
fi
# Warm the page cache so both runs read from memory.
cat "$st/model.safetensors" "$pt/model.pt" >/dev/null
hyperfine -N -w 1 -r "${RUNS:-5}" --export-json "$BENCH_DIR/out/content-scan.json" \
  -n "safetensors, scan" "$MODELPACK check $st" -n "safetensors, --no-content-scan" "$MODELPACK check $st --no-content-scan" \
  -n "torch zip, scan" "$MODELPACK check $pt" -n "torch zip, --no-content-scan" "$MODELPACK check $pt --no-content-scan"
jq -r '(.results | map({key: .command, value: .mean}) | from_entries) as $t
  | ["safetensors", "torch zip"][] as $k
  | "\($k): +\((($t[$k + ", scan"] - $t[$k + ", --no-content-scan"]) * 1000) | round) ms for the scan (mean of the runs)"' "$BENCH_DIR/out/content-scan.json"
