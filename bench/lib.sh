# Shared by the benchmark scripts: installs the public tools they compare against, builds the tool in Release.
# Source it from a script in bench/; afterwards $MODELPACK runs the tool and $DATA is the scratch folder.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
DATA=${BENCH_DATA:-$BENCH_DIR/data}
mkdir -p "$DATA" "$BENCH_DIR/out"

need=()
for tool in hyperfine pigz jq; do command -v "$tool" >/dev/null || need+=("$tool"); done
[[ -x /usr/bin/time ]] || need+=(time)
if ((${#need[@]})); then
  echo "installing ${need[*]}" >&2
  (apt-get update -qq && apt-get install -y -qq "${need[@]}") >&2
fi

dotnet build "$ROOT/src/ModelPackTools.Cli" -c Release -o "$BENCH_DIR/out/modelpack" -v quiet -nologo >&2
MODELPACK="dotnet $BENCH_DIR/out/modelpack/modelpack.dll"

# Peak resident memory of one run, in MiB, from GNU time.
peak_mib() {
  /usr/bin/time -f '%M' -o "$DATA/.time" "$@" >/dev/null 2>&1 || true
  awk '{printf "%.0f", $1 / 1024}' "$DATA/.time"
}

# CPU seconds (user + sys) of re-running the command that wrote out-NAME.tar.gz for the pack benchmark.
cpu_seconds_of() {
  local name=$1 model=$2 cmd
  case $name in
    out-modelpack) cmd="$MODELPACK pack $model -o $name.tar.gz --checksums none" ;;
    out-tar) cmd="tar -C $model -czf $name.tar.gz ." ;;
    out-pigz) cmd="tar -C $model -cf - . | pigz -p 2 -6 > $name.tar.gz" ;;
    out-pigz1) cmd="tar -C $model -cf - . | pigz -p 2 -1 > $name.tar.gz" ;;
    out-python) cmd="python3 -c 'import tarfile; t = tarfile.open(\"$name.tar.gz\", \"w:gz\"); t.add(\"$model\", arcname=\".\"); t.close()'" ;;
  esac
  /usr/bin/time -f '%U %S' -o "$DATA/.cpu" sh -c "$cmd" >/dev/null 2>&1 || true
  awk '{printf "%.2f", $1 + $2}' "$DATA/.cpu"
}
