"""Writes a reproducible `aws s3api list-objects-v2` JSON listing of N keys: a sharded checkpoint layout."""
import json
import random
import sys

count = int(sys.argv[1])
prefix = "models/llm/1/"
rng = random.Random(20261122)
out = sys.stdout
out.write('{"Contents": [')
for i in range(count):
    shard = i // 1000
    key = f"{prefix}shard-{shard:04d}/tensor-{i:07d}.safetensors" if i % 50 else f"{prefix}shard-{shard:04d}/index-{i:07d}.json"
    item = {
        "Key": key,
        "LastModified": "2026-11-01T12:00:00.000Z",
        "ETag": '"%032x"' % rng.getrandbits(128),
        "Size": rng.randrange(1, 1 << 30),
        "StorageClass": "STANDARD",
    }
    out.write(("," if i else "") + json.dumps(item))
out.write('], "Name": "bench-bucket", "Prefix": "%s", "KeyCount": %d}\n' % (prefix, count))
