// status-interop.mjs: revocation as the reference JavaScript stack sees
// it. Each badge (OB 3.0, eddsa-rdfc-2022) is verified with
// @digitalbazaar/vc; its BitstringStatusListEntry is checked by fetching
// the status list credential from the test's loopback server, verifying
// THAT credential's proof with the same suite, requiring the badge's own
// issuer, and only then reading the bit (gzip, multibase base64url, bit 0
// the most significant bit of byte 0).
//
// Copyright 2026 The Rosette authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node status-interop.mjs FILE...
//   one JSON line per file: {"file", "verified", "revoked", "listTrusted", "error"?}
//   revoked is null when the list could not be trusted or read.
//
// Contexts come from Rosette's pinned copies (data/contexts); did:key
// documents are built locally; only http://127.0.0.1 is ever fetched.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';

const here = dirname(fileURLToPath(import.meta.url));
const contextsDir = join(here, '..', '..', 'data', 'contexts');
const pinned = new Map(Object.entries({
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld',
  'https://w3id.org/security/data-integrity/v2': 'data-integrity-v2.jsonld',
  'https://w3id.org/security/multikey/v1': 'multikey-v1.jsonld',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob-v3p0-context-3.0.3.json',
}).map(([url, file]) => [url, JSON.parse(readFileSync(join(contextsDir, file), 'utf8'))]));

function didKeyDocument (did) {
  const multibase = did.slice('did:key:'.length);
  const method = {
    '@context': 'https://w3id.org/security/multikey/v1',
    id: `${did}#${multibase}`,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: multibase,
  };
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [method],
    assertionMethod: [method.id],
  };
}

async function documentLoader (url) {
  if (pinned.has(url))
    return { contextUrl: null, documentUrl: url, document: pinned.get(url) };
  if (url.startsWith('did:key:')) {
    const [did, fragment] = url.split('#');
    const document = didKeyDocument(did);
    return { contextUrl: null, documentUrl: url,
             document: fragment ? document.verificationMethod[0] : document };
  }
  if (url.startsWith('http://127.0.0.1:')) {
    const response = await fetch(url);
    if (!response.ok)
      throw new Error(`${url} answered ${response.status}`);
    return { contextUrl: null, documentUrl: url, document: await response.json() };
  }
  throw new Error(`refusing to load ${url}: not pinned, never fetched`);
}

const suite = () => new DataIntegrityProof({ cryptosuite });
const issuerOf = (credential) =>
  typeof credential.issuer === 'object' ? credential.issuer.id : credential.issuer;

function errorsOf (result) {
  const errors = [];
  const collect = (e) => { if (e) errors.push(e.message || String(e)); };
  collect(result.error);
  for (const r of result.results || [])
    collect(r.error);
  return errors.join('; ') || 'not verified';
}

// { revoked: bool|null, listTrusted: bool, error? }
async function revocation (credential) {
  const entry = [].concat(credential.credentialStatus || [])
    .find((e) => e.type === 'BitstringStatusListEntry' && e.statusPurpose === 'revocation');
  if (!entry)
    return { revoked: false, listTrusted: false, error: 'no revocation entry' };
  const { document: list } = await documentLoader(entry.statusListCredential);
  const checked = await vc.verifyCredential({ credential: list, suite: suite(), documentLoader });
  if (!checked.verified)
    return { revoked: null, listTrusted: false, error: `status list: ${errorsOf(checked)}` };
  if (issuerOf(list) !== issuerOf(credential))
    return { revoked: null, listTrusted: false, error: 'status list by another issuer' };
  const encoded = list.credentialSubject.encodedList;
  const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
  const index = Number(entry.statusListIndex);
  return { revoked: (bits[index >> 3] & (0x80 >> (index & 7))) !== 0, listTrusted: true };
}

for (const file of process.argv.slice(2)) {
  let line;
  try {
    const credential = JSON.parse(readFileSync(file, 'utf8'));
    let status = { revoked: null, listTrusted: false, error: 'status not checked' };
    // @digitalbazaar/vc asks for a checkStatus function for any
    // credentialStatus; this one is the revocation check above.
    const checkStatus = async ({ credential: c }) => {
      status = await revocation(c);
      return status.revoked === false
        ? { verified: true }
        : { verified: false, error: new Error(status.error || 'revoked') };
    };
    const result = await vc.verifyCredential({ credential, suite: suite(), documentLoader, checkStatus });
    line = { file, verified: result.verified, ...status };
    if (!result.verified)
      line.error = status.error || errorsOf(result);
  } catch (e) {
    line = { file, verified: false, revoked: null, listTrusted: false, error: e.message };
  }
  console.log(JSON.stringify(line));
}
