// di-interop.mjs: Data Integrity (eddsa-rdfc-2022) with the reference
// JavaScript stack (@digitalbazaar/vc, data-integrity,
// eddsa-rdfc-2022-cryptosuite, ed25519-multikey), offline.
//
// Copyright 2026 The Rosette authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage:
//   node di-interop.mjs verify FILE...      one JSON line per file:
//                                           {"file", "verified", "error"?}
//   node di-interop.mjs sign IN OUT         signs IN with the W3C vector key
//                                           (its issuer.id must be that did:key)
//   node di-interop.mjs bench IN N [RUNS]   after a warm-up, RUNS times N signs
//                                           and N verifies of IN; prints the
//                                           medians {"sign_per_s", "verify_per_s"}
//
// Contexts come from Rosette's own pinned copies (data/contexts); did:key
// documents are built locally; an https key whose URL fragment is its
// multibase (as in the 1EdTech samples) is resolved the same way. Nothing
// is fetched.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

const here = dirname(fileURLToPath(import.meta.url));
const contextsDir = join(here, '..', '..', 'data', 'contexts');
const contextFiles = {
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld',
  'https://www.w3.org/2018/credentials/v1': 'credentials-v1.jsonld',
  'https://w3id.org/security/data-integrity/v2': 'data-integrity-v2.jsonld',
  'https://w3id.org/security/data-integrity/v1': 'data-integrity-v1.jsonld',
  'https://w3id.org/security/multikey/v1': 'multikey-v1.jsonld',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob-v3p0-context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json': 'ob-v3p0-context-3.0.2.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json': 'ob-v3p0-context-3.0.1.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json': 'ob-v3p0-context.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': 'ob-v3p0-extensions.json',
};
const contexts = new Map();
for (const [url, file] of Object.entries(contextFiles))
  contexts.set(url, JSON.parse(readFileSync(join(contextsDir, file), 'utf8')));

const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';

// The W3C vc-di-eddsa vector key (tests/data/keys/w3c-eddsa-keyPair.json).
const w3cKey = JSON.parse(readFileSync(join(here, '..', 'data', 'keys', 'w3c-eddsa-keyPair.json'), 'utf8'));

function methodFor (controller, multibase) {
  return {
    '@context': MULTIKEY_V1,
    id: `${controller}#${multibase}`,
    type: 'Multikey',
    controller,
    publicKeyMultibase: multibase,
  };
}

function controllerDocument (controller, multibase) {
  const method = methodFor(controller, multibase);
  return {
    '@context': ['https://www.w3.org/ns/did/v1', MULTIKEY_V1],
    id: controller,
    verificationMethod: [method],
    assertionMethod: [method.id],
    authentication: [method.id],
  };
}

// Keys named "<controller>#<multibase>": the controller document is made
// from the fragment (a did:key is exactly that; the https ones are test
// fixtures whose fragment is the key).
const keysByController = new Map();

async function documentLoader (url) {
  if (contexts.has(url))
    return { contextUrl: null, documentUrl: url, document: contexts.get(url) };
  const hash = url.indexOf('#');
  if (hash > 0) {
    const controller = url.slice(0, hash);
    const multibase = url.slice(hash + 1);
    keysByController.set(controller, multibase);
    return { contextUrl: null, documentUrl: url, document: methodFor(controller, multibase) };
  }
  if (url.startsWith('did:key:')) {
    const multibase = url.slice('did:key:'.length);
    return { contextUrl: null, documentUrl: url, document: controllerDocument(url, multibase) };
  }
  if (keysByController.has(url))
    return { contextUrl: null, documentUrl: url, document: controllerDocument(url, keysByController.get(url)) };
  throw new Error(`refusing to load ${url}: not pinned, never fetched`);
}

async function verifyOne (credential) {
  const suite = new DataIntegrityProof({ cryptosuite });
  const result = await vc.verifyCredential({ credential, suite, documentLoader });
  if (result.verified)
    return { verified: true };
  const errors = [];
  const collect = (e) => { if (e) errors.push(e.message || String(e)); };
  collect(result.error);
  for (const r of result.results || [])
    collect(r.error);
  return { verified: false, error: errors.join('; ') || 'not verified' };
}

async function signer () {
  const did = `did:key:${w3cKey.publicKeyMultibase}`;
  const keyPair = await Ed25519Multikey.from({
    '@context': MULTIKEY_V1,
    type: 'Multikey',
    id: `${did}#${w3cKey.publicKeyMultibase}`,
    controller: did,
    publicKeyMultibase: w3cKey.publicKeyMultibase,
    secretKeyMultibase: w3cKey.privateKeyMultibase,
  });
  return { did, keyPair };
}

async function signOne (credential, keyPair) {
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite });
  return vc.issue({ credential, suite, documentLoader });
}

const [command, ...args] = process.argv.slice(2);

if (command === 'verify') {
  for (const file of args) {
    let line;
    try {
      line = { file, ...(await verifyOne(JSON.parse(readFileSync(file, 'utf8')))) };
    } catch (e) {
      line = { file, verified: false, error: e.message };
    }
    console.log(JSON.stringify(line));
  }
} else if (command === 'sign') {
  const { keyPair } = await signer();
  const credential = JSON.parse(readFileSync(args[0], 'utf8'));
  writeFileSync(args[1], JSON.stringify(await signOne(credential, keyPair), null, 2));
} else if (command === 'bench') {
  const { did, keyPair } = await signer();
  const credential = JSON.parse(readFileSync(args[0], 'utf8'));
  if (typeof credential.issuer === 'object')
    credential.issuer.id = did;
  else
    credential.issuer = did;
  const n = Number(args[1] || 100);
  const runs = Math.max(1, Number(args[2] || 1));
  const median = (xs) => {
    const s = [...xs].sort((x, y) => x - y);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  let signed;
  // Warm up (so that V8 has compiled the hot paths), as the C benchmark
  // warms its context cache.
  for (let i = 0; i < 20; i++) {
    signed = await signOne(structuredClone(credential), keyPair);
    await verifyOne(signed);
  }
  const signRates = [];
  const verifyRates = [];
  for (let run = 0; run < runs; run++) {
    let start = process.hrtime.bigint();
    for (let i = 0; i < n; i++)
      signed = await signOne(structuredClone(credential), keyPair);
    signRates.push(n / (Number(process.hrtime.bigint() - start) / 1e9));
    start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      const r = await verifyOne(signed);
      if (!r.verified)
        throw new Error(`bench credential did not verify: ${r.error}`);
    }
    verifyRates.push(n / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  console.log(JSON.stringify({ n, runs, sign_per_s: median(signRates),
                               verify_per_s: median(verifyRates),
                               sign_runs: signRates, verify_runs: verifyRates }));
} else {
  console.error('usage: node di-interop.mjs verify FILE... | sign IN OUT | bench IN N [RUNS]');
  process.exit(2);
}
