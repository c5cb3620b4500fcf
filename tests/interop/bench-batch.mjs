// bench-batch.mjs
//
// Copyright 2026 The Rosette authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Node.js side of tests/bench/bench-batch.c: the same batch made with
// the npm libraries: for each recipient, the template credential (the
// payload Rosette signed, with its embedded achievement image) gets a new
// id, subject and salted identity hash, is signed ES256 with jose's
// CompactSign, spliced as an iTXt chunk right after IHDR of the same 512 px
// artwork (bytes, no PNG re-encoding), and written to a temporary file
// renamed into place. Prints "<seconds> s  <rows/s> rows/s".
//
// usage: node bench-batch.mjs OUT_DIR COUNT ARTWORK.png TEMPLATE.json

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as jose from 'jose';
import CRC32 from 'crc-32';

const [outDir, countText, artworkPath, templatePath] = process.argv.slice(2);
const count = Number(countText);
const artwork = await readFile(artworkPath);
const template = JSON.parse(await readFile(templatePath, 'utf8'));
await mkdir(outDir, { recursive: true });

const { privateKey } = await jose.generateKeyPair('ES256');
const ihdrEnd = 8 + 12 + artwork.readUInt32BE(8);
const head = artwork.subarray(0, ihdrEnd);
const tail = artwork.subarray(ihdrEnd);
const keyword = Buffer.from('openbadgecredential\0\0\0\0\0', 'latin1');
const encoder = new TextEncoder();

function splice (jws) {
  const text = Buffer.from(jws, 'utf8');
  const data = Buffer.concat([Buffer.from('iTXt', 'latin1'), keyword, text]);
  const length = Buffer.alloc(4);
  const crc = Buffer.alloc(4);
  length.writeUInt32BE(data.length - 4);
  crc.writeInt32BE(CRC32.buf(data));
  return Buffer.concat([head, length, data, crc, tail]);
}

async function one (i) {
  const email = `person${String(i).padStart(6, '0')}@acme.example`;
  const salt = randomBytes(16).toString('hex');
  const credential = structuredClone(template);
  credential.id = credential.jti = `urn:uuid:${randomUUID()}`;
  credential.sub = credential.credentialSubject.id = `urn:uuid:${randomUUID()}`;
  const identity = credential.credentialSubject.identifier[0];
  identity.salt = salt;
  identity.identityHash = 'sha256$' + createHash('sha256').update(email + salt).digest('hex');
  const jws = await new jose.CompactSign(encoder.encode(JSON.stringify(credential)))
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .sign(privateKey);
  const path = join(outDir, `person-${i}.png`);
  await writeFile(path + '.part', splice(jws));
  await rename(path + '.part', path);
}

const start = process.hrtime.bigint();
const inFlight = 64;
let next = 0;
async function worker () {
  while (next < count)
    await one(next++);
}
await Promise.all(Array.from({ length: inFlight }, worker));
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`${seconds.toFixed(2)} s  ${(count / seconds).toFixed(0)} rows/s`);
