/**
 * A problem with what the user gave the planner (a CBOM, a device profile, a plan configuration, a flag): one
 * sentence that names the file and, for structured input, the JSON path. The CLI prints it and exits with code 2.
 */
export class PlanInputError extends Error {
  override readonly name = 'PlanInputError';
}

/** `/components/3/name` → `$.components[3].name` (RFC 6901 pointer to the JSONPath people read). */
export function jsonPath(pointer: string): string {
  if (pointer === '' || pointer === '/') return '$';
  return `$${pointer
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((seg) =>
      /^\d+$/.test(seg) ? `[${seg}]` : /^[A-Za-z_$][\w$-]*$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`,
    )
    .join('')}`;
}
