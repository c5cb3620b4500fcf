// validate-schema.mjs: validates OB 3.0 credentials made by Rosette
// against the 1EdTech JSON Schema (JSON Schema 2019-09) with ajv.
//
// Copyright 2026 The Rosette authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node validate-schema.mjs SCHEMA.json CREDENTIAL.json...
// Exits 0 only if every credential is valid, and a copy of the first one
// without credentialSubject is rejected (so the validator is really on).

import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

const [schemaPath, ...paths] = process.argv.slice(2);
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
let failures = 0;

for (const path of paths) {
  const credential = JSON.parse(readFileSync(path, 'utf8'));
  if (validate(credential)) {
    console.log(`ok ${path}`);
  } else {
    failures++;
    console.log(`FAIL ${path}: ${ajv.errorsText(validate.errors)}`);
  }
}

const broken = JSON.parse(readFileSync(paths[0], 'utf8'));
delete broken.credentialSubject;
if (validate(broken)) {
  failures++;
  console.log('FAIL a credential without credentialSubject was accepted');
} else {
  console.log('ok a credential without credentialSubject is rejected');
}

process.exit(failures === 0 && paths.length > 0 ? 0 : 1);
