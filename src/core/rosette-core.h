/* rosette-core.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rosette-types.h"
#include "rosette-error.h"
#include "rosette-enums.h"
#include "rosette-utils.h"

#include "rosette-model-enums.h"
#include "rosette-tier.h"
#include "rosette-family.h"
#include "rosette-palette.h"
#include "rosette-history.h"
#include "rosette-autosave.h"

#include "rosette-design.h"

#include "rosette-issuer-enums.h"
#include "rosette-key-record.h"
#include "rosette-issuer.h"
#include "rosette-issuer-store.h"

#include "rosette-encoding.h"
#include "rosette-key.h"
#include "rosette-keyring.h"
#include "rosette-key-documents.h"
#include "rosette-issuer-keys.h"
#include "rosette-context-loader.h"
#include "rosette-rdfc.h"
#include "rosette-jsonld.h"
#include "rosette-data-integrity.h"

#include "rosette-recipient.h"
#include "rosette-achievement.h"
#include "rosette-credential.h"
#include "rosette-endorsement.h"
#include "rosette-jws.h"
#include "rosette-jsonld-terms.h"

#include "rosette-baking.h"
#include "rosette-achievement-images.h"
#include "rosette-issuing.h"

#include "rosette-registry-enums.h"
#include "rosette-registry-rows.h"
#include "rosette-issued-record.h"
#include "rosette-registry.h"
#include "rosette-status-list.h"
#include "rosette-registry-pathways.h"

#include "rosette-csv-reader.h"
#include "rosette-csv-import.h"

#include "rosette-batch.h"
#include "rosette-reissue.h"
#include "rosette-status-publish.h"
#include "rosette-report-pdf.h"

#include "rosette-verify-report.h"
#include "rosette-verifier.h"
#include "rosette-settings.h"
#include "rosette-passwords.h"
#include "rosette-mail.h"
#include "rosette-delivery.h"
#include "rosette-publish.h"
#include "rosette-hosted.h"

#include "rosette-award.h"
#include "rosette-pathway.h"
#include "rosette-nominations.h"
