/**
 * The other named curves OpenSSL builds in (`openssl ecparam -list_curves`, crypto/ec/ec_curve.c): SEC 2 prime and
 * binary curves, X9.62 prime and characteristic-two curves, and WAP WTLS curves, as certificates, keys and
 * test data name them. OIDs from OpenSSL objects.txt, CycloneDX 1.7 `ellipticCurve` values from
 * cryptography-defs.json (absent where it has none), field and order sizes from each curve's parameters.
 * Classical strength: SP 800-57 Pt 1 Table 2 bands on the order size (160–223 → 80, 224–255 → 112, 256–383 → 128,
 * 384–511 → 192); below 160 bits, half the order size (Pollard rho), where the bands stop.
 */
import { SRC } from './sources.js';
import type { CurveRow } from './types.js';

/** [name, namedCurve OID, field bits, order bits, CycloneDX ellipticCurve]. */
const BUILTIN: readonly (readonly [string, string, number, number, string?])[] = [
  ['secp112r1', '1.3.132.0.6', 112, 112, 'secg/secp112r1'],
  ['secp112r2', '1.3.132.0.7', 112, 110, 'secg/secp112r2'],
  ['secp128r1', '1.3.132.0.28', 128, 128, 'secg/secp128r1'],
  ['secp128r2', '1.3.132.0.29', 128, 126, 'secg/secp128r2'],
  ['prime192v2', '1.2.840.10045.3.1.2', 192, 192, 'x962/prime192v2'],
  ['prime192v3', '1.2.840.10045.3.1.3', 192, 192, 'x962/prime192v3'],
  ['prime239v1', '1.2.840.10045.3.1.4', 239, 239, 'x962/prime239v1'],
  ['prime239v2', '1.2.840.10045.3.1.5', 239, 239, 'x962/prime239v2'],
  ['prime239v3', '1.2.840.10045.3.1.6', 239, 239, 'x962/prime239v3'],
  ['sect113r1', '1.3.132.0.4', 113, 113, 'secg/sect113r1'],
  ['sect113r2', '1.3.132.0.5', 113, 113, 'secg/sect113r2'],
  ['sect131r1', '1.3.132.0.22', 131, 131, 'secg/sect131r1'],
  ['sect131r2', '1.3.132.0.23', 131, 131, 'secg/sect131r2'],
  ['sect163k1', '1.3.132.0.1', 163, 163, 'secg/sect163k1'],
  ['sect163r1', '1.3.132.0.2', 163, 162, 'secg/sect163r1'],
  ['sect163r2', '1.3.132.0.15', 163, 163, 'secg/sect163r2'],
  ['sect193r1', '1.3.132.0.24', 193, 193, 'secg/sect193r1'],
  ['sect193r2', '1.3.132.0.25', 193, 193, 'secg/sect193r2'],
  ['sect233k1', '1.3.132.0.26', 233, 232, 'secg/sect233k1'],
  ['sect233r1', '1.3.132.0.27', 233, 233, 'secg/sect233r1'],
  ['sect239k1', '1.3.132.0.3', 239, 238, 'secg/sect239k1'],
  ['sect283k1', '1.3.132.0.16', 283, 281, 'secg/sect283k1'],
  ['sect283r1', '1.3.132.0.17', 283, 282, 'secg/sect283r1'],
  ['sect409k1', '1.3.132.0.36', 409, 407, 'secg/sect409k1'],
  ['sect409r1', '1.3.132.0.37', 409, 409, 'secg/sect409r1'],
  ['sect571k1', '1.3.132.0.38', 571, 570, 'secg/sect571k1'],
  ['sect571r1', '1.3.132.0.39', 571, 570, 'secg/sect571r1'],
  ['c2pnb163v1', '1.2.840.10045.3.0.1', 163, 163, 'x962/c2pnb163v1'],
  ['c2pnb163v2', '1.2.840.10045.3.0.2', 163, 162, 'x962/c2pnb163v2'],
  ['c2pnb163v3', '1.2.840.10045.3.0.3', 163, 162, 'x962/c2pnb163v3'],
  ['c2pnb176v1', '1.2.840.10045.3.0.4', 176, 161],
  ['c2tnb191v1', '1.2.840.10045.3.0.5', 191, 191, 'x962/c2tnb191v1'],
  ['c2tnb191v2', '1.2.840.10045.3.0.6', 191, 190, 'x962/c2tnb191v2'],
  ['c2tnb191v3', '1.2.840.10045.3.0.7', 191, 189, 'x962/c2tnb191v3'],
  ['c2pnb208w1', '1.2.840.10045.3.0.10', 208, 193, 'x962/c2pnb208w1'],
  ['c2tnb239v1', '1.2.840.10045.3.0.11', 239, 238, 'x962/c2tnb239v1'],
  ['c2tnb239v2', '1.2.840.10045.3.0.12', 239, 237, 'x962/c2tnb239v2'],
  ['c2tnb239v3', '1.2.840.10045.3.0.13', 239, 236, 'x962/c2tnb239v3'],
  ['c2pnb272w1', '1.2.840.10045.3.0.16', 272, 257, 'x962/c2pnb272w1'],
  ['c2pnb304w1', '1.2.840.10045.3.0.17', 304, 289, 'x962/c2pnb304w1'],
  ['c2tnb359v1', '1.2.840.10045.3.0.18', 359, 353, 'x962/c2tnb359v1'],
  ['c2pnb368w1', '1.2.840.10045.3.0.19', 368, 353, 'x962/c2pnb368w1'],
  ['c2tnb431r1', '1.2.840.10045.3.0.20', 431, 418, 'x962/c2tnb431r1'],
  ['wap-wsg-idm-ecid-wtls1', '2.23.43.1.4.1', 113, 112, 'wtls/wap-wsg-idm-ecid-wtls1'],
  ['wap-wsg-idm-ecid-wtls3', '2.23.43.1.4.3', 163, 163, 'wtls/wap-wsg-idm-ecid-wtls3'],
  ['wap-wsg-idm-ecid-wtls4', '2.23.43.1.4.4', 113, 113, 'wtls/wap-wsg-idm-ecid-wtls4'],
  ['wap-wsg-idm-ecid-wtls5', '2.23.43.1.4.5', 163, 163, 'wtls/wap-wsg-idm-ecid-wtls5'],
  ['wap-wsg-idm-ecid-wtls6', '2.23.43.1.4.6', 112, 112, 'wtls/wap-wsg-idm-ecid-wtls6'],
  ['wap-wsg-idm-ecid-wtls7', '2.23.43.1.4.7', 160, 161, 'wtls/wap-wsg-idm-ecid-wtls7'],
  ['wap-wsg-idm-ecid-wtls8', '2.23.43.1.4.8', 112, 113, 'wtls/wap-wsg-idm-ecid-wtls8'],
  ['wap-wsg-idm-ecid-wtls9', '2.23.43.1.4.9', 160, 161, 'wtls/wap-wsg-idm-ecid-wtls9'],
  ['wap-wsg-idm-ecid-wtls10', '2.23.43.1.4.10', 233, 232, 'wtls/wap-wsg-idm-ecid-wtls10'],
  ['wap-wsg-idm-ecid-wtls11', '2.23.43.1.4.11', 233, 233, 'wtls/wap-wsg-idm-ecid-wtls11'],
  ['wap-wsg-idm-ecid-wtls12', '2.23.43.1.4.12', 224, 224, 'wtls/wap-wsg-idm-ecid-wtls12'],
];

const strength = (orderBits: number): number =>
  orderBits >= 384
    ? 192
    : orderBits >= 256
      ? 128
      : orderBits >= 224
        ? 112
        : orderBits >= 160
          ? 80
          : Math.floor(orderBits / 2);

export const OPENSSL_BUILTIN_CURVES: readonly CurveRow[] = Object.freeze(
  BUILTIN.map(([name, oid, fieldBits, orderBits, ellipticCurve]) =>
    Object.freeze({
      id: name,
      token: name,
      aliases: [name],
      oid,
      ...(ellipticCurve ? { ellipticCurve } : {}),
      curveName: name,
      fieldBits,
      classicalBits: strength(orderBits),
      ...(orderBits < 224 ? { weak: ['ec-below-224'] } : {}),
      sources: [SRC.opensslObjects, SRC.cdxDefs, SRC.sp80057],
    }),
  ),
);
