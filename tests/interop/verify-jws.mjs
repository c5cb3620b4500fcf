// verify-jws.mjs: checks JWKs and compact JWS signatures made by Rosette
// with the independent `jose` library.
//
// Copyright 2026 The Rosette authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node verify-jws.mjs CASES.json
// CASES.json: [{ "alg": "ES256", "jwk": {...}, "jws": "h.p.s", "payload": "text" }, ...]
// Prints one line per case and exits 0 only if every signature verifies,
// every payload matches, and a tampered copy of each signature is rejected.

import { readFileSync } from 'node:fs';
import { compactVerify, importJWK, calculateJwkThumbprint } from 'jose';

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let failures = 0;

for (const c of cases) {
  try {
    if ('d' in c.jwk)
      throw new Error('the public JWK contains a private member "d"');
    const key = await importJWK(c.jwk, c.alg);
    const { payload, protectedHeader } = await compactVerify(c.jws, key);
    const text = new TextDecoder().decode(payload);
    if (text !== c.payload)
      throw new Error(`payload differs: ${text}`);
    if (protectedHeader.alg !== c.alg)
      throw new Error(`header alg is ${protectedHeader.alg}`);

    // Flip one bit in the middle of the signature: must not verify.
    const [h, p, s] = c.jws.split('.');
    const sig = Buffer.from(s, 'base64url');
    sig[sig.length >> 1] ^= 0x01;
    let rejected = false;
    try {
      await compactVerify(`${h}.${p}.${sig.toString('base64url')}`, key);
    } catch {
      rejected = true;
    }
    if (!rejected)
      throw new Error('a tampered signature verified');

    const thumbprint = await calculateJwkThumbprint(c.jwk);
    console.log(`ok ${c.alg} kid=${c.jwk.kid ?? '-'} thumbprint=${thumbprint}`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${c.alg}: ${e.message}`);
  }
}

process.exit(failures === 0 && cases.length > 0 ? 0 : 1);
