/**
 * PKCS#12 (RFC 7292) object identifiers: content types of the AuthenticatedSafe (RFC 5652 §4, §8)
 * and the SafeBag types (RFC 7292 §4.2).
 */
export const P12_OID = Object.freeze({
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  envelopedData: '1.2.840.113549.1.7.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
});

type BagKind = 'key' | 'shrouded-key' | 'certificate' | 'crl' | 'secret' | 'safe-contents';

export const BAG_TYPES: Readonly<Record<string, BagKind>> = Object.freeze({
  '1.2.840.113549.1.12.10.1.1': 'key',
  '1.2.840.113549.1.12.10.1.2': 'shrouded-key',
  '1.2.840.113549.1.12.10.1.3': 'certificate',
  '1.2.840.113549.1.12.10.1.4': 'crl',
  '1.2.840.113549.1.12.10.1.5': 'secret',
  '1.2.840.113549.1.12.10.1.6': 'safe-contents',
});
