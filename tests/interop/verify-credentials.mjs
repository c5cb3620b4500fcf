// verify-credentials.mjs: checks VC-JWT and OB 2.0 signed assertions made
// by Rosette with the independent `jose` library.
//
// Copyright 2026 The Rosette authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node verify-credentials.mjs CASES.json
// CASES.json: [{ "name", "format": "vc-jwt"|"ob2", "alg", "jwk": {...}, "jws",
//                "iss"?, "sub"?, "jti"? }, ...]
// For each case: the JWS verifies with the given public JWK (and, for
// VC-JWT, with the JWK in its own header); the header holds only allowed
// members; the claims match; and flipping any single byte of the decoded
// payload, or any character of the encoded payload, makes jose reject it.
// Prints one line per case; exits 0 only if every case passes.

import { readFileSync } from 'node:fs';
import { compactVerify, importJWK, decodeProtectedHeader, calculateJwkThumbprint } from 'jose';

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let failures = 0;

async function rejects (jws, key) {
  try {
    await compactVerify(jws, key);
    return false;
  } catch {
    return true;
  }
}

for (const c of cases) {
  try {
    if ('d' in c.jwk)
      throw new Error('the public JWK contains a private member "d"');
    const key = await importJWK(c.jwk, c.alg);
    const { payload, protectedHeader } = await compactVerify(c.jws, key);
    if (protectedHeader.alg !== c.alg)
      throw new Error(`header alg is ${protectedHeader.alg}`);
    const claims = JSON.parse(new TextDecoder().decode(payload));

    if (c.format === 'vc-jwt') {
      const allowed = new Set(['alg', 'kid', 'jwk', 'typ']);
      for (const name of Object.keys(protectedHeader))
        if (!allowed.has(name))
          throw new Error(`header member ${name} is not allowed by OB 3.0`);
      if (protectedHeader.typ !== 'JWT')
        throw new Error('typ is not JWT');
      if (!protectedHeader.kid)
        throw new Error('no kid');
      // The embedded JWK is the same key and verifies on its own.
      const header = decodeProtectedHeader(c.jws);
      if ('d' in header.jwk)
        throw new Error('the header JWK contains "d"');
      if (await calculateJwkThumbprint(header.jwk) !== await calculateJwkThumbprint(c.jwk))
        throw new Error('the header JWK is not the signing key');
      await compactVerify(c.jws, await importJWK(header.jwk, c.alg));
      for (const claim of ['iss', 'sub', 'jti'])
        if (claims[claim] !== c[claim])
          throw new Error(`${claim} is ${claims[claim]}, expected ${c[claim]}`);
      if (claims.iss !== claims.issuer.id || claims.jti !== claims.id
          || claims.sub !== claims.credentialSubject.id)
        throw new Error('claims do not mirror the credential');
      if (claims.nbf !== Date.parse(claims.validFrom) / 1000)
        throw new Error('nbf is not validFrom');
      if ('validUntil' in claims && claims.exp !== Date.parse(claims.validUntil) / 1000)
        throw new Error('exp is not validUntil');
    } else {
      if (claims.type !== 'Assertion' || claims.verification?.type !== 'SignedBadge')
        throw new Error('not a signed OB 2.0 assertion');
    }

    // Tampering: every byte of the decoded payload, and every character of
    // the encoded one.
    const [h, p, s] = c.jws.split('.');
    const bytes = Buffer.from(p, 'base64url');
    let tried = 0;
    for (let i = 0; i < bytes.length; i++) {
      const copy = Buffer.from(bytes);
      copy[i] ^= 0x01;
      if (!await rejects(`${h}.${copy.toString('base64url')}.${s}`, key))
        throw new Error(`a payload with byte ${i} changed verified`);
      tried++;
    }
    for (let i = 0; i < p.length; i++) {
      const ch = p[i] === 'A' ? 'B' : 'A';
      if (!await rejects(`${h}.${p.slice(0, i)}${ch}${p.slice(i + 1)}.${s}`, key))
        throw new Error(`a payload with character ${i} changed verified`);
      tried++;
    }
    console.log(`ok ${c.name} ${c.alg} (${tried} tampered copies rejected)`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${c.name} ${c.alg}: ${e.message}`);
  }
}

process.exit(failures === 0 && cases.length > 0 ? 0 : 1);
