/**
 * The detector registry: a plain array. Adding a detector = one folder + one line here.
 */
import { apacheTls } from './apache-tls/index.js';
import { cCryptoApi } from './c-crypto-api/index.js';
import { cCryptoConfig } from './c-crypto-config/index.js';
import { cCryptoImplementation } from './c-crypto-implementation/index.js';
import { cryptoParameters } from './crypto-parameters/index.js';
import { dovecotTls } from './dovecot-tls/index.js';
import { haproxyTls } from './haproxy-tls/index.js';
import { libreswanIpsec } from './libreswan-ipsec/index.js';
import { mosquittoTls } from './mosquitto-tls/index.js';
import { nginxTls } from './nginx-tls/index.js';
import { opensshConfig } from './openssh-config/index.js';
import { opensshKey } from './openssh-key/index.js';
import { opensslCnf } from './openssl-cnf/index.js';
import { pkcs12Bundle } from './pkcs12-bundle/index.js';
import { postfixTls } from './postfix-tls/index.js';
import { privateKey } from './private-key/index.js';
import { publicKey } from './public-key/index.js';
import { strongswanIpsec } from './strongswan-ipsec/index.js';
import { stunnelTls } from './stunnel-tls/index.js';
import { tlsPolicyJson } from './tls-policy-json/index.js';
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
  apacheTls,
  haproxyTls,
  opensslCnf,
  mosquittoTls,
  strongswanIpsec,
  libreswanIpsec,
  tlsPolicyJson,
  postfixTls,
  dovecotTls,
  stunnelTls,
  cCryptoApi,
  cCryptoConfig,
  cCryptoImplementation,
];
