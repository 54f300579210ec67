#!/usr/bin/env bash
# Why pack deflates with .NET's zlib-ng and check inflates with SharpZipLib: single-thread throughput of both on the
# same 256 MiB of float32 weights. SharpZipLib's inflater is slower but reports where each gzip member ends, which
# GZipStream cannot; for deflate nothing SharpZipLib offers is worth its speed.
source "$(dirname "$0")/lib.sh"
source "$BENCH_DIR/make_model.sh"
make_model "$DATA/model-1g" 1
dotnet run -c Release --project "$BENCH_DIR/CompressionChoice" -- "$DATA/model-1g/model-00001-of-00001.bin" 256
