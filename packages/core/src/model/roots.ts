/**
 * Which scan root an evidence path belongs to, and the path relative to that root: with one root, paths are
 * already relative to it; with several, each path starts with its root's name (see `Evidence.path`).
 */
interface RootLocation {
  /** Index into `Inventory.roots`. */
  readonly root: number;
  /** Path relative to that root (the root's own name for a root that is a single file). */
  readonly path: string;
}

export function locateInRoots(path: string, roots: readonly string[]): RootLocation {
  if (roots.length <= 1) return { root: 0, path };
  // Longest name first: a root named `a/src` must win over one named `a` for `a/src/x.c`.
  const order = roots.map((name, i) => ({ name, i })).sort((a, b) => b.name.length - a.name.length);
  for (const { name, i } of order) {
    if (path === name) return { root: i, path: name.slice(name.lastIndexOf('/') + 1) };
    if (path.startsWith(`${name}/`)) return { root: i, path: path.slice(name.length + 1) };
  }
  return { root: 0, path };
}
