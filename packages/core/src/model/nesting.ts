/**
 * How deeply a YAML (or JSON) text nests its flow collections (`[` and `{`). The `yaml` library recurses per
 * level: about a thousand levels overflow the stack, and two thousand make V8 abort the whole process while it
 * builds the error message (out of memory in the RegExp compiler, which no `catch` can stop). Loaders check this
 * first and refuse the file with a sentence instead. Brackets inside quotes count too: a real profile or
 * configuration never comes near the limit either way.
 */
export const MAX_YAML_NESTING = 64;

export function deepestFlowNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return deepest;
}
