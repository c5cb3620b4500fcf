// node-verify.mjs: a small Open Badges verifier on jose (VC-JWT) and
// @digitalbazaar/vc (Data Integrity), for tests/bench/bench-verify to
// time beside `rosette-cli verify`. It does what Rosette does offline for
// these files: unbake a PNG, verify the signature with the did:key of the
// kid or verification method, check the issuer and the dates.
//
// Copyright 2026 The Rosette authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node node-verify.mjs FILE...   (prints one line per file; exit 0
// only if every file verifies)

import { readFileSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compactVerify, decodeProtectedHeader } from 'jose';
import extractChunks from 'png-chunks-extract';

const here = dirname(fileURLToPath(import.meta.url));
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function unbase58 (s) {
  let n = 0n;
  for (const c of s) n = n * 58n + BigInt(ALPHABET.indexOf(c));
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  return Buffer.from(hex, 'hex');
}

// did:key → a KeyObject (Ed25519 or a compressed P-256 point, which
// OpenSSL decompresses itself).
function didKeyToKey (did) {
  const raw = unbase58(did.slice('did:key:z'.length).split('#')[0]);
  if (raw[0] === 0xed && raw[1] === 0x01)
    return createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw.subarray(2)]),
                             format: 'der', type: 'spki' });
  if (raw[0] === 0x80 && raw[1] === 0x24)
    return createPublicKey({ key: Buffer.concat([Buffer.from('3039301306072a8648ce3d020106082a8648ce3d030107032200', 'hex'),
                                                 raw.subarray(2)]), format: 'der', type: 'spki' });
  throw new Error('unsupported did:key');
}

function unbake (bytes) {
  if (bytes[0] !== 0x89)
    return bytes.toString('utf8').trim();
  for (const chunk of extractChunks(bytes)) {
    if (chunk.name !== 'iTXt') continue;
    const data = Buffer.from(chunk.data);
    const nul = data.indexOf(0);
    if (data.subarray(0, nul).toString('latin1') !== 'openbadgecredential') continue;
    let pos = nul + 3;
    pos = data.indexOf(0, pos) + 1;
    pos = data.indexOf(0, pos) + 1;
    return data.subarray(pos).toString('utf8');
  }
  throw new Error('no baked credential');
}

function checkDates (c) {
  const now = Date.now();
  if (Date.parse(c.validFrom) > now + 300000) throw new Error('not yet valid');
  if (c.validUntil && Date.parse(c.validUntil) < now - 300000) throw new Error('expired');
}

async function verifyJwt (jws) {
  const { alg, kid } = decodeProtectedHeader(jws);
  if (!['RS256', 'ES256', 'EdDSA'].includes(alg)) throw new Error(`alg ${alg}`);
  const { payload } = await compactVerify(jws, didKeyToKey(kid), { algorithms: [alg] });
  const c = JSON.parse(new TextDecoder().decode(payload));
  const issuer = typeof c.issuer === 'string' ? c.issuer : c.issuer.id;
  if (kid.split('#')[0] !== issuer || c.iss !== issuer) throw new Error('key is not the issuer’s');
  checkDates(c);
}

let di = null;
async function verifyDataIntegrity (credential) {
  if (!di) {
    const vc = await import('@digitalbazaar/vc');
    const { DataIntegrityProof } = await import('@digitalbazaar/data-integrity');
    const { cryptosuite } = await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
    const contextsDir = join(here, '..', '..', 'data', 'contexts');
    const contexts = new Map([
      ['https://www.w3.org/ns/credentials/v2', 'credentials-v2.jsonld'],
      ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'ob-v3p0-context-3.0.3.json'],
      ['https://w3id.org/security/multikey/v1', 'multikey-v1.jsonld'],
      ['https://w3id.org/security/data-integrity/v2', 'data-integrity-v2.jsonld'],
    ].map(([url, file]) => [url, JSON.parse(readFileSync(join(contextsDir, file), 'utf8'))]));
    const MULTIKEY = 'https://w3id.org/security/multikey/v1';
    const documentLoader = async (url) => {
      if (contexts.has(url)) return { contextUrl: null, documentUrl: url, document: contexts.get(url) };
      if (url.startsWith('did:key:')) {
        const [did, fragment] = url.split('#');
        const mb = did.slice('did:key:'.length);
        const method = { '@context': MULTIKEY, id: `${did}#${mb}`, type: 'Multikey', controller: did,
                         publicKeyMultibase: mb };
        const document = fragment ? method
          : { '@context': ['https://www.w3.org/ns/did/v1', MULTIKEY], id: did,
              verificationMethod: [method], assertionMethod: [method.id] };
        return { contextUrl: null, documentUrl: url, document };
      }
      throw new Error(`refusing to load ${url}`);
    };
    di = { vc, suite: new DataIntegrityProof({ cryptosuite }), documentLoader };
  }
  const result = await di.vc.verifyCredential({ credential, suite: di.suite, documentLoader: di.documentLoader });
  if (!result.verified) throw new Error('Data Integrity proof not verified');
  checkDates(credential);
}

let failures = 0;
for (const file of process.argv.slice(2)) {
  try {
    const text = unbake(readFileSync(file));
    if (text.startsWith('{'))
      await verifyDataIntegrity(JSON.parse(text));
    else
      await verifyJwt(text);
    console.log(`${file}: valid`);
  } catch (e) {
    failures++;
    console.log(`${file}: not valid (${e.message})`);
  }
}
process.exit(failures ? 1 : 0);
