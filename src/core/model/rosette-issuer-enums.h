/* rosette-issuer-enums.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * RosetteKeyAlgorithm:
 * @ROSETTE_KEY_ALGORITHM_ED25519: Ed25519, for Data Integrity eddsa-rdfc-2022 (the default)
 * @ROSETTE_KEY_ALGORITHM_P256: ECDSA on NIST P-256, for VC-JWT ES256
 * @ROSETTE_KEY_ALGORITHM_RSA2048: RSA 2048 bits, for VC-JWT RS256 and OB 2.0
 *
 * The nicks ("ed25519", "p256", "rsa2048") are what files and the command
 * line use.
 */
typedef enum
{
  ROSETTE_KEY_ALGORITHM_ED25519,
  ROSETTE_KEY_ALGORITHM_P256,
  ROSETTE_KEY_ALGORITHM_RSA2048,
} RosetteKeyAlgorithm;

/**
 * RosetteKeyStatus:
 * @ROSETTE_KEY_STATUS_ACTIVE: signs new credentials
 * @ROSETTE_KEY_STATUS_RETIRED: published so old credentials still verify; never signs again
 * @ROSETTE_KEY_STATUS_REVOKED: compromised; published as revoked; never signs again
 */
typedef enum
{
  ROSETTE_KEY_STATUS_ACTIVE,
  ROSETTE_KEY_STATUS_RETIRED,
  ROSETTE_KEY_STATUS_REVOKED,
} RosetteKeyStatus;

/**
 * RosetteIdentifierMode:
 * @ROSETTE_IDENTIFIER_MODE_DID_KEY: the identifier is the did:key of the signing key
 * @ROSETTE_IDENTIFIER_MODE_DID_WEB: did:web:<domain>, a did.json published on the web
 * @ROSETTE_IDENTIFIER_MODE_URL: an https URL where the issuer profile is published
 */
typedef enum
{
  ROSETTE_IDENTIFIER_MODE_DID_KEY,
  ROSETTE_IDENTIFIER_MODE_DID_WEB,
  ROSETTE_IDENTIFIER_MODE_URL,
} RosetteIdentifierMode;

G_END_DECLS
