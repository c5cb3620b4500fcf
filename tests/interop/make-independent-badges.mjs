// make-independent-badges.mjs: badges made by independent libraries
// (jose for VC-JWT and OB 2.0 JWS, @digitalbazaar/vc with
// eddsa-rdfc-2022 for Data Integrity), so that Rosette's verifier is
// tested on files it did not make itself.
//
// Copyright 2026 The Rosette authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node make-independent-badges.mjs OUTDIR
// Writes, with fresh keys each run: ob3-eddsa.jwt, ob3-es256.jwt (a did:key
// zDn… issuer: a compressed P-256 point), ob3-rs256.jwt and rs256.jwk (an
// https issuer: verify with --key), ob2-signed.jws and ob2.pem, and when
// the @digitalbazaar packages are installed ob3-di.json and
// ob3-di-tampered.json. The output is committed in tests/data/verify/
// independent/; the interop suite regenerates it and checks Rosette.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompactSign, exportJWK, exportSPKI, generateKeyPair } from 'jose';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
mkdirSync(out, { recursive: true });

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58 (bytes) {
  let n = BigInt('0x' + (Buffer.from(bytes).toString('hex') || '0'));
  let s = '';
  while (n > 0n) { s = ALPHABET[Number(n % 58n)] + s; n /= 58n; }
  for (const b of bytes) { if (b !== 0) break; s = '1' + s; }
  return s;
}
const b64 = (s) => Buffer.from(s, 'base64url');

// did:key of a public JWK: multicodec ed25519-pub (0xed 0x01) or
// p256-pub (0x80 0x24, the varint of 0x1200) with a compressed point.
function didKey (jwk) {
  let bytes;
  if (jwk.crv === 'Ed25519') {
    bytes = Buffer.concat([Buffer.from([0xed, 0x01]), b64(jwk.x)]);
  } else {
    const y = b64(jwk.y);
    bytes = Buffer.concat([Buffer.from([0x80, 0x24, 0x02 | (y[31] & 1)]), b64(jwk.x)]);
  }
  return 'did:key:z' + base58(bytes);
}

const OB3 = ['https://www.w3.org/ns/credentials/v2',
             'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];

function credential (issuer, id) {
  return {
    '@context': OB3,
    id: `urn:uuid:${id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Independent Issuer (jose)' },
    validFrom: '2024-01-01T00:00:00Z',
    name: 'Interoperability',
    credentialSubject: {
      id: 'did:example:recipient',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://independent.example/achievements/interop',
        type: ['Achievement'],
        name: 'Interoperability',
        description: 'Made outside Rosette.',
        criteria: { narrative: 'Verified by an independent implementation.' },
      },
    },
  };
}

async function vcJwt (alg, crv, name, issuerOf, kidOf) {
  const { publicKey, privateKey } = await generateKeyPair(alg, { crv, modulusLength: 2048 });
  const jwk = await exportJWK(publicKey);
  const issuer = issuerOf(jwk);
  const c = credential(issuer, `00000000-0000-4000-8000-00000000000${name.length % 10}`);
  const claims = { ...c, iss: issuer, jti: c.id, sub: c.credentialSubject.id,
                   nbf: Date.parse(c.validFrom) / 1000 };
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg, typ: 'JWT', kid: kidOf(issuer) })
    .sign(privateKey);
  writeFileSync(join(out, name), jws + '\n');
  return { publicKey, jwk };
}

await vcJwt('EdDSA', 'Ed25519', 'ob3-eddsa.jwt', didKey, (d) => `${d}#${d.slice(8)}`);
await vcJwt('ES256', undefined, 'ob3-es256.jwt', didKey, (d) => `${d}#${d.slice(8)}`);
const rsa = await vcJwt('RS256', undefined, 'ob3-rs256.jwt',
                        () => 'https://independent.example/issuer',
                        () => 'https://independent.example/keys/1');
writeFileSync(join(out, 'rs256.jwk'), JSON.stringify(rsa.jwk) + '\n');

// OB 2.0 signed assertion (RS256, the only algorithm OB 2.0 validators build).
{
  const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const assertion = {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id: 'urn:uuid:11111111-2222-4333-8444-555555555555',
    recipient: { type: 'email', hashed: false, identity: 'ana@independent.example' },
    badge: 'https://independent.example/badges/interop.json',
    verification: { type: 'SignedBadge', creator: 'https://independent.example/keys/ob2' },
    issuedOn: '2024-01-01T00:00:00Z',
  };
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(assertion)))
    .setProtectedHeader({ alg: 'RS256' })
    .sign(privateKey);
  writeFileSync(join(out, 'ob2-signed.jws'), jws + '\n');
  writeFileSync(join(out, 'ob2.pem'), await exportSPKI(publicKey));
}

// Data Integrity, when the di helper's packages are installed.
let vc = null;
try {
  vc = await import('@digitalbazaar/vc');
} catch {
  console.error('@digitalbazaar/vc is not installed: no Data Integrity badges');
}
if (vc) {
  const { DataIntegrityProof } = await import('@digitalbazaar/data-integrity');
  const { cryptosuite } = await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
  const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
  const contextsDir = join(here, '..', '..', 'data', 'contexts');
  const contexts = new Map([
    ['https://www.w3.org/ns/credentials/v2', 'credentials-v2.jsonld'],
    ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'ob-v3p0-context-3.0.3.json'],
    ['https://w3id.org/security/multikey/v1', 'multikey-v1.jsonld'],
    ['https://w3id.org/security/data-integrity/v2', 'data-integrity-v2.jsonld'],
  ].map(([url, file]) => [url, JSON.parse(readFileSync(join(contextsDir, file), 'utf8'))]));
  const keyPair = await Ed25519Multikey.generate();
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  keyPair.controller = did;
  const documentLoader = async (url) => {
    if (contexts.has(url))
      return { contextUrl: null, documentUrl: url, document: contexts.get(url) };
    throw new Error(`refusing to load ${url}`);
  };
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite });
  const c = credential(did, '00000000-0000-4000-8000-0000000000d1');
  c.issuer.name = 'Independent Issuer (@digitalbazaar/vc)';
  const signed = await vc.issue({ credential: c, suite, documentLoader });
  writeFileSync(join(out, 'ob3-di.json'), JSON.stringify(signed, null, 2) + '\n');
  signed.credentialSubject.achievement.name = 'Interoperability (changed)';
  writeFileSync(join(out, 'ob3-di-tampered.json'), JSON.stringify(signed, null, 2) + '\n');
}
