/* rosette-pathways-page-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rosette-pathways-page.h"

G_BEGIN_DECLS

struct _RosettePathwaysPage
{
  AdwBin            parent_instance;

  AdwToastOverlay  *toast_overlay;
  AdwLeaflet       *leaflet;
  GtkListBox       *pathway_list;
  GtkStack         *main_stack;
  GtkLabel         *title_label;
  GtkLabel         *goal_label;
  GtkLabel         *requirements_label;
  GtkLabel         *summary_label;
  GtkSpinner       *progress_spinner;
  GtkColumnView    *progress_view;

  RosetteRegistry  *registry;
  RosetteFamily    *family;
  GPtrArray        *pathways;
  GListStore       *progress;
  GCancellable     *cancellable;
  GCancellable     *evaluate_cancellable;
  GtkWidget        *dialog;
  char             *last_message;
  gboolean          opening;
  gboolean          busy;

  RosetteIssuer    *signer_issuer;
  RosetteKey       *signer_key;
  RosetteKeyRecord *signer_record;
};

void            _rosette_pathways_page_class_actions_init (GtkWidgetClass      *widget_class);
void            _rosette_pathways_page_update_actions     (RosettePathwaysPage *self);
void            _rosette_pathways_page_show_message       (RosettePathwaysPage *self,
                                                           const char          *message);
RosettePathway *_rosette_pathways_page_selected_pathway   (RosettePathwaysPage *self);
void            _rosette_pathways_page_show_pathway       (RosettePathwaysPage *self,
                                                           RosettePathway      *pathway);

G_END_DECLS
