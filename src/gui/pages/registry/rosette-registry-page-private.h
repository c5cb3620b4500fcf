/* rosette-registry-page-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rosette-registry-page.h"

G_BEGIN_DECLS

struct _RosetteRegistryPage
{
  AdwBin                  parent_instance;

  RosetteRegistry        *registry;
  RosetteIssuerStore     *store;
  /* The family re-issues draw from when it is the row's (else the window's) */
  RosetteFamily          *family;
  char                   *path;
  GCancellable           *cancellable;
  GCancellable           *reports_cancellable;
  GtkSingleSelection     *selection;
  GtkWidget              *row_popover;
  GtkWidget              *revoke_dialog;
  GtkFileChooserNative   *chooser;
  /* The slug behind each entry of the filter drop-downs after "All" */
  GPtrArray              *family_slugs;
  GPtrArray              *tier_slugs;
  GPtrArray              *departments;
  /* The family and tier behind each entry of the holders combo */
  GPtrArray              *holder_families;
  GPtrArray              *holder_tiers;
  char                   *last_message;
  gulong                  selected_record_id;
  gpointer                selected_row;
  guint                   total;
  guint                   expiring_days;
  guint                   n_jobs;
  guint                   n_reports;
  guint                   opening : 1;
  guint                   updating_filters : 1;

  /* Template widgets */
  AdwToastOverlay        *toast_overlay;
  GtkStack               *state_stack;
  AdwStatusPage          *error_page;
  GtkStack               *view_stack;
  GtkStack               *list_stack;
  GtkSearchEntry         *search_entry;
  GtkDropDown            *achievement_dropdown;
  GtkDropDown            *tier_dropdown;
  GtkDropDown            *status_dropdown;
  GtkDropDown            *department_dropdown;
  GtkStringList          *achievement_model;
  GtkStringList          *tier_model;
  GtkStringList          *department_model;
  GtkScrolledWindow      *scrolled_window;
  GtkColumnView          *column_view;
  GtkButton              *reissue_button;
  GtkLabel               *count_label;
  RosetteIssuedListModel *model;
  GMenuModel             *row_menu;
  AdwComboRow            *holders_row;
  GtkStringList          *holders_model;
  GtkLabel               *valid_count_label;
  GtkLabel               *expired_count_label;
  GtkLabel               *revoked_count_label;
  GtkToggleButton        *days30_button;
  GtkToggleButton        *days60_button;
  GtkToggleButton        *days90_button;
  GtkListBox             *expiring_list;
  GtkGrid                *inventory_grid;

  /* Delivery (rosette-registry-page-delivery.c) */
  GHashTable             *delivery;         /* credential id -> RosetteOutboxItem */
  GHashTable             *delivery_labels;  /* the bound Delivery cells */
  guint                   n_delivery_loads;
  GCancellable           *publish_cancellable;
  gboolean                publishing;
  GtkRevealer            *publish_revealer;
  GtkLabel               *publish_label;
  GtkProgressBar         *publish_progress;
};

typedef struct _RosetteDeliveryConfig RosetteDeliveryConfig;

void _rosette_registry_page_class_reports_init (GtkWidgetClass      *widget_class);
void _rosette_registry_page_class_actions_init (GtkWidgetClass      *widget_class);
void _rosette_registry_page_init_actions       (RosetteRegistryPage *self);
void _rosette_registry_page_update_actions     (RosetteRegistryPage *self);
void _rosette_registry_page_refresh_reports    (RosetteRegistryPage *self);
void _rosette_registry_page_export_csv         (RosetteRegistryPage *self);
void _rosette_registry_page_export_pdf         (RosetteRegistryPage *self);
void _rosette_registry_page_reissue            (RosetteRegistryPage *self,
                                                RosetteIssuedRecord *record,
                                                gboolean             renew);
void _rosette_registry_page_toast              (RosetteRegistryPage *self,
                                                const char          *message);
void _rosette_registry_page_filters_changed    (RosetteRegistryPage *self);

void                   _rosette_registry_page_class_delivery_init  (GtkWidgetClass        *widget_class);
void                   _rosette_registry_page_init_delivery        (RosetteRegistryPage   *self);
void                   _rosette_registry_page_dispose_delivery     (RosetteRegistryPage   *self);
void                   _rosette_registry_page_reload_delivery      (RosetteRegistryPage   *self);
void                   _rosette_registry_page_update_delivery_cell (RosetteRegistryPage   *self,
                                                                    GtkLabel              *label,
                                                                    RosetteIssuedRecord   *record);
RosetteDeliveryConfig *_rosette_delivery_config_new                (void);
void                   _rosette_delivery_config_free               (RosetteDeliveryConfig *config);
char                  *_rosette_registry_page_resend_sync          (RosetteDeliveryConfig *config,
                                                                    RosetteRegistry       *registry,
                                                                    RosetteIssuerStore    *store,
                                                                    const char            *credential_id,
                                                                    const char            *email,
                                                                    GCancellable          *cancellable,
                                                                    GError               **error);

G_END_DECLS
