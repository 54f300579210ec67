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

# make_text_model DIR builds a text-heavy model reproducibly: a ~45 MB BPE tokenizer.json (1.5 M vocabulary entries,
# 500 k merges) and 300 generated Python modules, about 66 MB in all: what LZ77 matching is for.
make_text_model() {
  local dir=$1
  [[ -f $dir.complete && -d $dir ]] && return
  rm -rf "$dir" && mkdir -p "$dir/tokenizer" "$dir/code"
  python3 - "$dir" <<'PY'
import json, random, sys
root = sys.argv[1]
rng = random.Random(2)
letters = "abcdefghijklmnopqrstuvwxyz"
vocab = {"".join(rng.choice(letters) for _ in range(rng.randrange(2, 12))) + str(i): i for i in range(1_500_000)}
merges = [f"{rng.choice(letters)}{rng.choice(letters)} {rng.choice(letters)}" for _ in range(500_000)]
json.dump({"model": {"type": "BPE", "vocab": vocab, "merges": merges}}, open(f"{root}/tokenizer/tokenizer.json", "w"), indent=1)
for i in range(300):
    body = "".join(f"def f_{i}_{j}(x, y):\n    return x * {rng.random():.6f} + y  # layer {j}\n" for j in range(rng.randrange(50, 2000)))
    open(f"{root}/code/module_{i}.py", "w").write(body)
PY
  touch "$dir.complete"
}
