#!/usr/bin/env bash
# Everyday use on real trees (see manifest.json): scan from another folder with each tree's configuration, time it,
# gate, baseline and diff between the two commits. Usage: benchmarks/everyday-use/run.sh TREES_DIR
# TREES_DIR holds <name>-old/ and <name>-new/ for each tree of the manifest. Never part of `pnpm test`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="$here/../../packages/cli/bin/run.js"
trees="$(cd "${1:?give the folder holding the extracted trees}" && pwd)"
work="$(mktemp -d)"
cd "$work"
for name in $(node -e 'for (const t of require(process.argv[1]).trees) console.log(t.name)' "$here/manifest.json"); do
  for side in old new; do
    dir="$trees/$name-$side"
    node -e 'const t=require(process.argv[1]).trees.find(x=>x.name===process.argv[2]); if (t.config) require("fs").writeFileSync(process.argv[3]+"/pqready.config.yaml", t.config); if (t.pqreadyignore) require("fs").writeFileSync(process.argv[3]+"/.pqreadyignore", t.pqreadyignore)' "$here/manifest.json" "$name" "$dir"
    start=$(date +%s.%N)
    node "$bin" scan "$(realpath --relative-to="$work" "$dir")" -o "$name-$side.cdx.json" -q || true
    echo "$name-$side: $(echo "$(date +%s.%N) - $start" | bc) s"
  done
  node "$bin" scan "$trees/$name-new" --format json --fail-on "broken and active" > "$name.json" 2> "$name.gate.txt" || true
  tail -n 1 "$name.gate.txt"
  node "$bin" scan "$trees/$name-new" --baseline "$name-old.cdx.json" --fail-on broken --format json > /dev/null 2> "$name.baseline.txt" || true
  tail -n 1 "$name.baseline.txt"
  node "$bin" diff "$name-old.cdx.json" "$name-new.cdx.json" | tail -n 1
done
echo "outputs in $work"
