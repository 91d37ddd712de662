#!/usr/bin/env bash
# The action's scan step: runs pqready scan with the action's inputs and writes SARIF. A failed gate (exit code 1)
# is recorded, not raised, so that the SARIF is uploaded first and the last step fails the job; usage and internal
# errors (2, 3) fail at once. Inputs come as INPUT_* variables; PQREADY_BIN is the CLI's bin/run.js.
set -uo pipefail
: "${PQREADY_BIN:?PQREADY_BIN must name pqready\'s bin/run.js}"
sarif="${INPUT_SARIF_FILE:-pqready.sarif}"
read -r -a paths <<< "${INPUT_PATHS:-.}"
args=(scan "${paths[@]}" --format sarif --output "$sarif" --no-sarif-include-suppressed)
[ -n "${INPUT_FAIL_ON:-}" ] && args+=(--fail-on "$INPUT_FAIL_ON")
[ -n "${INPUT_BASELINE:-}" ] && args+=(--baseline "$INPUT_BASELINE")
[ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")
if [ -n "${INPUT_ARGS:-}" ]; then
  # Split at spaces and never evaluated; a value with spaces belongs in the configuration file.
  read -r -a extra <<< "$INPUT_ARGS"
  args+=("${extra[@]}")
fi
log="$(mktemp)"
node "$PQREADY_BIN" "${args[@]}" 2>"$log"
code=$?
cat "$log" >&2
summary="$(grep -E '^Gate (failed|passed):' "$log" | tail -n 1)"
{
  echo "sarif-file=$sarif"
  echo "exit-code=$code"
  echo "summary=${summary:-pqready exited with code $code}"
} >> "${GITHUB_OUTPUT:-/dev/null}"
if [ "$code" -ne 0 ] && [ "$code" -ne 1 ]; then exit "$code"; fi
exit 0
