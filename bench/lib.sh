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
  # As root, or through sudo without a password; otherwise the scripts skip what is missing and say so.
  apt=(apt-get)
  ((EUID == 0)) || apt=(sudo -n apt-get)
  echo "installing ${need[*]}" >&2
  { "${apt[@]}" install -y -qq "${need[@]}" || { "${apt[@]}" update -qq && "${apt[@]}" install -y -qq "${need[@]}"; }; } >&2 ||
    echo "could not install ${need[*]}; comparisons that need them are skipped" >&2
fi

dotnet build "$ROOT/src/ModelPackTools.Cli" -c Release -o "$BENCH_DIR/out/modelpack" -v quiet -nologo >&2
MODELPACK="dotnet $BENCH_DIR/out/modelpack/modelpack.dll"

# Peak resident memory of one run, in MiB, from GNU time.
peak_mib() {
  /usr/bin/time -f '%M' -o "$DATA/.time" "$@" >/dev/null 2>&1 || true
  awk '{printf "%.0f", $1 / 1024}' "$DATA/.time"
}
