/**
 * Memory-system derating k_mem: pqm4 measures at 0 wait states, so code running from flash at full clock is slower.
 * An explicit `memoryDerating` is used as given; a figure measured on a real board at speed (a direct row or a core
 * factor with `memoryIncluded`) already contains its memory effects and is not derated again.
 */
import type { DeviceProfile, Range } from '../catalog/types.js';
import { ONE } from '../range.js';

const DEFAULT_DERATING: Range = Object.freeze({ point: 1.25, low: 1, high: 1.5 });

export function memoryDerating(
  profile: DeviceProfile,
  includedInAnchor = false,
): { range: Range; assumption?: string } {
  if (profile.memoryDerating !== undefined) {
    const d = profile.memoryDerating;
    return { range: { point: d, low: d, high: d } };
  }
  if (includedInAnchor) return { range: ONE };
  if (profile.flashWaitStates === 0) return { range: ONE };
  const why =
    profile.flashWaitStates === undefined
      ? 'flash wait states unknown'
      : `${profile.flashWaitStates} flash wait states at ${profile.clockMHz} MHz`;
  return {
    range: DEFAULT_DERATING,
    assumption: `memory derating 1.25 (1.0–1.5) assumed: ${why} (pqm4 runs at 0 wait states)`,
  };
}
