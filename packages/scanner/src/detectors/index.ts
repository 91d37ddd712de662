/**
 * The detector registry: a plain array. Adding a detector = one folder + one line here.
 */
import { cryptoParameters } from './crypto-parameters/index.js';
import { nginxTls } from './nginx-tls/index.js';
import { opensshConfig } from './openssh-config/index.js';
import { opensshKey } from './openssh-key/index.js';
import { pkcs12Bundle } from './pkcs12-bundle/index.js';
import { privateKey } from './private-key/index.js';
import { publicKey } from './public-key/index.js';
import type { Detector } from './types.js';
import { x509Certificate } from './x509-certificate/index.js';

export const detectors: readonly Detector[] = [
  x509Certificate,
  privateKey,
  publicKey,
  opensshKey,
  pkcs12Bundle,
  cryptoParameters,
  nginxTls,
  opensshConfig,
];
