// read-png.mjs: reads a badge baked by Rosette with independent PNG code
// (png-chunks-extract, which checks every CRC; png-chunk-itxt; fast-png).
//
// Copyright 2026 The Rosette authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node read-png.mjs BAKED.png UNBAKED.png KEYWORD EXPECTED.txt
// Passes (exit 0) when BAKED.png has exactly one iTXt chunk with KEYWORD,
// right after IHDR, uncompressed, with empty language tag and translated
// keyword, whose text is exactly EXPECTED.txt; when no other chunk was
// added, removed or changed; and when its pixels decode to the same
// image as UNBAKED.png.

import { readFileSync } from 'node:fs';
import extract from 'png-chunks-extract';
import { decodeSync } from 'png-chunk-itxt';
import { decode } from 'fast-png';

const [bakedPath, unbakedPath, keyword, expectedPath] = process.argv.slice(2);
const baked = readFileSync(bakedPath);
const unbaked = readFileSync(unbakedPath);
const expected = readFileSync(expectedPath, 'utf8');

function fail (message) {
  console.log(`FAIL ${message}`);
  process.exit(1);
}

const chunks = extract(baked);
const badges = chunks.filter((c) => c.name === 'iTXt' && decodeSync(c.data).keyword === keyword);
if (badges.length !== 1)
  fail(`${badges.length} iTXt chunks with keyword ${keyword}`);
if (chunks[0].name !== 'IHDR' || chunks[1] !== badges[0])
  fail(`the chunk is not right after IHDR: ${chunks.map((c) => c.name).join(' ')}`);

const itxt = decodeSync(badges[0].data);
if (itxt.compressionFlag || itxt.compressionMethod !== 0)
  fail('the iTXt chunk is compressed');
if (itxt.languageTag !== '' || itxt.translatedKeyword !== '')
  fail('language tag or translated keyword is not empty');
if (itxt.text !== expected)
  fail(`the text differs from what was baked (${itxt.text.length} vs ${expected.length} characters)`);

const others = chunks.filter((c) => c !== badges[0]);
const original = extract(unbaked);
if (others.length !== original.length
    || others.some((c, i) => c.name !== original[i].name || Buffer.compare(Buffer.from(c.data), Buffer.from(original[i].data)) !== 0))
  fail('the other chunks are not the original ones');

const a = decode(baked);
const b = decode(unbaked);
if (a.width !== b.width || a.height !== b.height || Buffer.compare(Buffer.from(a.data.buffer), Buffer.from(b.data.buffer)) !== 0)
  fail('the pixels differ from the unbaked image');

console.log(`ok ${keyword} ${itxt.text.length} characters, chunks: ${chunks.map((c) => c.name).join(' ')}, ${a.width}x${a.height}`);
