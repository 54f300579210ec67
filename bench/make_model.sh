# Sourced by the pack benchmarks: make_model DIR GIB builds a realistic model folder reproducibly:
# GIB GiB of float32 weights in 1 GiB shards, a config and tokenizer, an inference script, and ~2,000 small files.
make_model() {
  local dir=$1 gib=$2
  [[ -f $dir.complete && -d $dir ]] && return
  rm -rf "$dir" && mkdir -p "$dir/code" "$dir/tokenizer/vocab"
  cc -O2 -o "$DATA/gen_weights" "$BENCH_DIR/gen_weights.c" -lm
  for shard in $(seq 1 "$gib"); do
    "$DATA/gen_weights" 268435456 "$shard" >"$dir/model-0000$shard-of-0000$gib.bin"
  done
  python3 - "$dir" <<'PY'
import json, random, sys
root = sys.argv[1]
rng = random.Random(1)
json.dump({"architectures": ["BenchForCausalLM"], "hidden_size": 4096, "num_hidden_layers": 32}, open(f"{root}/config.json", "w"), indent=2)
json.dump({str(i): "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randrange(2, 12))) for i in range(32000)}, open(f"{root}/tokenizer/tokenizer.json", "w"))
open(f"{root}/code/inference.py", "w").write("def model_fn(model_dir):\n    return None\n")
for i in range(2000):
    open(f"{root}/tokenizer/vocab/piece-{i:04d}.txt", "w").write(" ".join(str(rng.random()) for _ in range(rng.randrange(5, 60))))
PY
  touch "$dir.complete"
}
