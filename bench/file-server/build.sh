#!/bin/sh
# Rebuilds bench/file-server/server.cjs, the baseline of `npm run bench:server`: the old design's shared
# server (scripts/mock-server.ts and src/backend at commit f7d9a16) bundled by esbuild into one file.
# See README.md. Run from anywhere inside the repository: sh bench/file-server/build.sh
set -eu
COMMIT=f7d9a16
root=$(git rev-parse --show-toplevel)
src=$(mktemp -d /tmp/mc-file-server.XXXXXX)
rmdir "$src"
git -C "$root" worktree add --detach "$src" "$COMMIT" >/dev/null
trap 'git -C "$root" worktree remove --force "$src"' EXIT
ln -s "$root/node_modules" "$src/node_modules"
# The one change: WeChat's storage limits (1 MB per key, 10 MB in all) off, as on a server.
sed -i 's|storage: opts.dataFile ? fileStorage(opts.dataFile) : memoryStorage(),|&\n    limits: false,|' \
  "$src/scripts/mock-server.ts"
grep -q 'limits: false' "$src/scripts/mock-server.ts"
"$root/node_modules/.bin/esbuild" "$src/scripts/mock-server.ts" --bundle --platform=node --target=node20 \
  --format=cjs --minify --legal-comments=none --tsconfig="$src/tsconfig.json" \
  --outfile="$root/bench/file-server/server.cjs"
