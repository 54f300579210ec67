#!/usr/bin/env bash
# The content scan's cost: `check` of one model folder with and without `--no-content-scan`, for a SIZE_MIB
# (default 1024) safetensors file, a torch.save-style zip (archive/data.pkl + one SIZE_MIB storage record), an ONNX
# model whose one initializer is SIZE_MIB of external data (model.onnx + model.onnx.data), an ONNX model holding
# the SIZE_MIB initializer inline (raw_data), the same model stored in a zip (model.zip: the zip scan streams .onnx
# members through the ONNX reader), and torch's legacy tar (Python tarfile, PAX, as torch's _legacy_save wrote it:
# sys_info, pickle, tensors, storages with one SIZE_MIB storage). The scan reads the safetensors header, the zip's
# central directory, local headers and data.pkl, the ONNX protobuf with raw_data seeked over, and the tar's headers
# and pickles with the raw storage skipped by its size, never the tensor payload, so the difference should be
# milliseconds for all of them. Files are generated here (zeros: the scan does not look at payload bytes).
source "$(dirname "$0")/lib.sh"
SIZE_MIB=${SIZE_MIB:-1024}
st="$DATA/content-safetensors-$SIZE_MIB"
pt="$DATA/content-torchzip-$SIZE_MIB"
ox="$DATA/content-onnx-external-$SIZE_MIB"
oi="$DATA/content-onnx-inline-$SIZE_MIB"
oz="$DATA/content-onnx-zip-$SIZE_MIB"
lt="$DATA/content-torch-tar-$SIZE_MIB"
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
if [[ ! -f $ox/model.onnx || ! -f $oi/model.onnx ]]; then
  mkdir -p "$ox" "$oi"
  python3 - "$ox" "$oi" "$SIZE_MIB" <<'PY'
import sys
external, inline, mib = sys.argv[1], sys.argv[2], int(sys.argv[3])
n = (mib << 20) // 4
def varint(v):
    out = bytearray()
    while True:
        b, v = v & 0x7F, v >> 7
        out.append(b | 0x80 if v else b)
        if not v:
            return bytes(out)
def field(f, payload): return varint(f << 3 | 2) + varint(len(payload)) + payload
def number(f, v): return varint(f << 3) + varint(v)
def text(f, s): return field(f, s.encode())
# onnx/onnx.proto: ModelProto ir_version 1, graph 7, opset_import 8; GraphProto node 1, initializer 5, input 11,
# output 12; TensorProto dims 1, data_type 2, name 8, raw_data 9, external_data 13, data_location 14.
value = lambda name: text(1, name) + field(2, field(1, number(1, 1) + field(2, field(1, number(1, n)))))
rest = text(2, "main") + field(11, value("x")) + field(12, value("y"))
node = field(1, text(1, "w") + text(2, "y") + text(4, "Identity"))
opset = field(8, text(1, "") + number(2, 13))
tensor = number(1, n) + number(2, 1) + text(8, "w")
ext = tensor + field(13, text(1, "location") + text(2, "model.onnx.data")) + field(13, text(1, "offset") + text(2, "0")) \
    + field(13, text(1, "length") + text(2, str(n * 4))) + number(14, 1)
with open(external + "/model.onnx", "wb") as f:
    f.write(number(1, 8) + field(7, node + field(5, ext) + rest) + opset)
with open(external + "/model.onnx.data", "wb") as f:
    f.truncate(n * 4)
# Inline: the 1 GiB raw_data is written as headers only, the file extended to its full size (zeros).
raw_head = varint(9 << 3 | 2) + varint(n * 4)
init = tensor + raw_head
init_head = varint(5 << 3 | 2) + varint(len(init) + n * 4) + init
graph_len = len(node) + len(init_head) + n * 4 + len(rest)
with open(inline + "/model.onnx", "wb") as f:
    f.write(number(1, 8) + varint(7 << 3 | 2) + varint(graph_len) + node + init_head)
    f.seek(n * 4, 1)
    f.write(rest + opset)
PY
fi
if [[ ! -f $oz/model.zip ]]; then
  mkdir -p "$oz"
  python3 - "$oi/model.onnx" "$oz/model.zip" <<'PY'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_STORED, allowZip64=True) as z, open(sys.argv[1], "rb") as model:
    with z.open(zipfile.ZipInfo("model/model.onnx"), "w", force_zip64=True) as member:
        shutil.copyfileobj(model, member, 1 << 20)
PY
fi
if [[ ! -f $lt/model.pth ]]; then
  mkdir -p "$lt"
  python3 - "$lt/model.pth" "$SIZE_MIB" <<'PY'
import io, struct, sys, tarfile
path, mib = sys.argv[1], int(sys.argv[2])
n = (mib << 20) // 4  # float32 elements of the one storage
u = lambda s: b"X" + struct.pack("<I", len(s)) + s.encode()  # BINUNICODE
count = lambda k: b"\x80\x02J" + struct.pack("<i", k) + b"."
# torch/serialization.py _legacy_save: each member a pickle stream (protocol 2) then raw records. storages: the
# count, then per storage (key, device, type) and the element count and bytes (_write_file), then the views list;
# tensors: the count, then per tensor (key, storage id, type), ndim (int32 + padding), sizes, strides, offset.
storages_head = count(1) + b"\x80\x02(" + u("s0") + u("cpu") + b"ctorch\nFloatStorage\nt." + struct.pack("<q", n)
views = b"\x80\x02]."
tensors = count(1) + b"\x80\x02(" + u("t0") + u("s0") + b"ctorch\nFloatTensor\nt." + struct.pack("<iiqqq", 1, 0, n, 1, 0)
state = b"\x80\x02ccollections\nOrderedDict\n)R" + u("weight") + u("t0") + b"Qs."
class Storages:
    # The storages member streamed without holding it: its head, n * 4 zero bytes, the views; read() returns
    # exactly what is asked (tarfile's copyfileobj refuses a short read).
    def __init__(self):
        self.pos, self.size = 0, len(storages_head) + n * 4 + len(views)
    def byte_range(self, start, end):
        zeros_end = len(storages_head) + n * 4
        out = bytearray(end - start)
        for part, at in ((storages_head, 0), (views, zeros_end)):
            lo, hi = max(start, at), min(end, at + len(part))
            if lo < hi:
                out[lo - start:hi - start] = part[lo - at:hi - at]
        return bytes(out)
    def read(self, size=-1):
        end = self.size if size < 0 else min(self.size, self.pos + size)
        data = self.byte_range(self.pos, end)
        self.pos = end
        return data
with tarfile.open(path, "w:", format=tarfile.PAX_FORMAT) as tar:
    for name, data in (("sys_info", b"\x80\x02}."), ("pickle", state), ("tensors", tensors)):
        info = tarfile.TarInfo(name); info.size = len(data); tar.addfile(info, io.BytesIO(data))
    info = tarfile.TarInfo("storages"); info.size = len(storages_head) + n * 4 + len(views)
    tar.addfile(info, Storages())
PY
fi
# The inline model in a model.tar.gz: its bytes stream through the reader (zeros compress past the default ratio limit).
og="$DATA/content-onnx-inline-$SIZE_MIB.tar.gz"
[[ -f $og ]] || tar -C "$oi" -cf - . | pigz -p 2 -6 >"$og"
# Warm the page cache so both runs read from memory.
cat "$st/model.safetensors" "$pt/model.pt" "$ox/model.onnx" "$ox/model.onnx.data" "$oi/model.onnx" "$oz/model.zip" "$lt/model.pth" >/dev/null
hyperfine -N -w 1 -r "${RUNS:-5}" --export-json "$BENCH_DIR/out/content-scan.json" \
  -n "safetensors, scan" "$MODELPACK check $st" -n "safetensors, --no-content-scan" "$MODELPACK check $st --no-content-scan" \
  -n "torch zip, scan" "$MODELPACK check $pt" -n "torch zip, --no-content-scan" "$MODELPACK check $pt --no-content-scan" \
  -n "onnx external, scan" "$MODELPACK check $ox" -n "onnx external, --no-content-scan" "$MODELPACK check $ox --no-content-scan" \
  -n "onnx inline, scan" "$MODELPACK check $oi" -n "onnx inline, --no-content-scan" "$MODELPACK check $oi --no-content-scan" \
  -n "onnx in zip, scan" "$MODELPACK check $oz" -n "onnx in zip, --no-content-scan" "$MODELPACK check $oz --no-content-scan" \
  -n "torch legacy tar, scan" "$MODELPACK check $lt" -n "torch legacy tar, --no-content-scan" "$MODELPACK check $lt --no-content-scan" \
  -n "onnx inline tar.gz, scan" "$MODELPACK check $og --max-ratio 2000" -n "onnx inline tar.gz, --no-content-scan" "$MODELPACK check $og --max-ratio 2000 --no-content-scan"
jq -r '(.results | map({key: .command, value: .mean}) | from_entries) as $t
  | ["safetensors", "torch zip", "onnx external", "onnx inline", "onnx in zip", "torch legacy tar", "onnx inline tar.gz"][] as $k
  | "\($k): +\((($t[$k + ", scan"] - $t[$k + ", --no-content-scan"]) * 1000) | round) ms for the scan (mean of the runs)"' "$BENCH_DIR/out/content-scan.json"
