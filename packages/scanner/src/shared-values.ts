/**
 * Values many findings share (one certificate's analysis for all its copies, one cipher suite's facts for every
 * server naming it) are frozen: no finding can change what the others hold, and the scan keeps a frozen value as it
 * is instead of copying it per finding (runner/shapes.ts).
 */

/** Freezes a plain data value and everything it holds (byte arrays cannot be frozen and hold no references). */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || Object.isFrozen(value)) return value;
  for (const member of Object.values(value)) deepFreeze(member);
  return Object.freeze(value);
}
