/**
 * Library components of the CBOM: which copy of which crypto library a finding belongs to. A finding names its
 * library (`Finding.library`); the tree declares versions (`Inventory.libraries`). A finding inside a copy's
 * directory belongs to that copy. Elsewhere (application code calling the library) it belongs to an unversioned
 * component of that library: the build, not the tree, decides which copy is linked (MCUboot holds an Mbed TLS
 * 3.0.0 ASN.1 extract and links a full Mbed TLS from a submodule), and a guessed version would mislead.
 */

import type { CryptoLibraryRow } from '../catalog/crypto-libraries.js';
import { findCryptoLibrary, libraryPurl } from '../catalog/crypto-libraries.js';
import type { LibraryFacts } from '../model/finding.js';
import { slug } from './ids.js';

export interface LibraryComponent {
  readonly bomRef: string;
  readonly name: string;
  readonly version?: string;
  readonly purl?: string;
  readonly row?: CryptoLibraryRow;
  /** Short, stable token for bom-refs of what this library provides, e.g. `mbedtls-3.6.2`. */
  readonly token: string;
  /** Where the tree declares this copy's version. */
  readonly declaredBy: LibraryFacts[];
}

const inside = (path: string, root: string): boolean => root === '' || path === root || path.startsWith(`${root}/`);

export class LibraryComponents {
  private readonly byKey = new Map<string, LibraryComponent>();

  constructor(private readonly facts: readonly LibraryFacts[]) {
    for (const f of facts) {
      const row = findCryptoLibrary(f.id);
      this.component(row, row?.name ?? f.id, f.version).declaredBy.push(f);
    }
  }

  /** The component for a library name as a detector wrote it, for a finding at `path`. */
  resolve(name: string, path: string): LibraryComponent {
    const row = findCryptoLibrary(name);
    if (!row) return this.component(undefined, name, undefined);
    // A call of an API inside a copy of a library implementing it belongs to that copy (PSA Crypto in Mbed TLS).
    const ids = [row.id, ...(row.implementedBy ?? [])];
    const containing = this.facts
      .filter((f) => ids.includes(f.id) && inside(path, f.root))
      .sort((a, b) => b.root.length - a.root.length)[0];
    if (!containing) return this.component(row, row.name, undefined);
    const owner = findCryptoLibrary(containing.id) ?? row;
    return this.component(owner, owner.name, containing.version);
  }

  all(): LibraryComponent[] {
    return [...this.byKey.values()];
  }

  private component(row: CryptoLibraryRow | undefined, name: string, version: string | undefined): LibraryComponent {
    const id = row?.id ?? slug(name);
    const key = `${id}@${version ?? ''}`;
    let c = this.byKey.get(key);
    if (!c) {
      const purl = row ? libraryPurl(row, version) : undefined;
      c = {
        // A purl that pins the release is the natural bom-ref; an unpinned one could name two components.
        bomRef: purl?.includes('@') ? purl : `library/${id}${version ? `@${version}` : ''}`,
        name,
        ...(version ? { version } : {}),
        ...(purl ? { purl } : {}),
        ...(row ? { row } : {}),
        token: slug(`${id}${version ? `-${version}` : ''}`),
        declaredBy: [],
      };
      this.byKey.set(key, c);
    }
    return c;
  }
}
