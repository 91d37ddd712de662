#!/usr/bin/env bash
# Builds pqready from the action's own checkout (the CLI is not published to a registry) and says where its
# executable is. Runs once per job; the native C parser compiles here (python3, make and g++ are on GitHub's runners).
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
if [ ! -f packages/cli/dist/commands/scan.js ]; then
  npm install --global pnpm@12.4.2 >/dev/null
  pnpm install --frozen-lockfile
  pnpm build
fi
echo "bin=$GITHUB_ACTION_PATH/packages/cli/bin/run.js" >> "$GITHUB_OUTPUT"
