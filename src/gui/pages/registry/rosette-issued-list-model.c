/* rosette-issued-list-model.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A GListModel over the registry's issued credentials that never holds
 * them all: the number of items comes from one COUNT query, and a page
 * of ROSETTE_ISSUED_LIST_PAGE_SIZE rows is read (LIMIT/OFFSET, in a
 * worker thread) the first time the list asks for an item in it. Until
 * then the item is an empty RosetteIssuedRow that fills in when the page
 * arrives. Only the most recently used pages are kept, so scrolling
 * through 100,000 rows costs a few pages of memory. Filters and the
 * order are the query's (SQL ORDER BY): the model never sorts.
 */

#include "config.h"

#include "rosette-issued-list-model.h"

/* Pages kept in memory; the visible rows are always among them. */
#define MAX_PAGES 16

typedef struct
{
  guint      index;
  GPtrArray *rows;
  GList      link;
  guint      loaded : 1;
} Page;

struct _RosetteIssuedListModel
{
  GObject             parent_instance;

  RosetteRegistry    *registry;
  RosetteIssuedQuery  query;
  GCancellable       *cancellable;
  GHashTable         *pages;
  GQueue              lru;
  GError             *error;
  guint               n_items;
  guint               n_fetches;
  guint               n_running;
  guint               loading : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RosetteIssuedListModel, rosette_issued_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_N_ITEMS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  RosetteIssuedListModel *self;
  GCancellable           *cancellable;
  guint                   page;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FetchData, fetch_data_free)

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->rows);
  g_free (page);
}

static void
query_clear (RosetteIssuedQuery *query)
{
  g_clear_pointer ((char **) &query->family_slug, g_free);
  g_clear_pointer ((char **) &query->tier_slug, g_free);
  g_clear_pointer ((char **) &query->department, g_free);
  g_clear_pointer ((char **) &query->text, g_free);
  g_clear_pointer (&query->now, g_date_time_unref);
}

static void
drop_pages (RosetteIssuedListModel *self)
{
  g_queue_init (&self->lru);
  g_hash_table_remove_all (self->pages);
}

static gboolean
is_current (RosetteIssuedListModel *self,
            GCancellable           *cancellable)
{
  return !g_cancellable_is_cancelled (cancellable) && cancellable == self->cancellable;
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FetchData) data = user_data;
  RosetteIssuedListModel *self = data->self;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  Page *page;

  records = rosette_registry_list_issued_finish (ROSETTE_REGISTRY (object), result, &error);

  if (!is_current (self, data->cancellable))
    return;

  self->n_running--;

  if (records == NULL)
    {
      g_warning ("Could not read the registry: %s", error->message);
      return;
    }

  /* Evicted meanwhile: whoever asks again gets a new page. */
  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (data->page));
  if (page == NULL)
    return;

  page->loaded = TRUE;

  /* Fewer rows than expected means the registry changed under the list;
   * the rest stay empty until the next reload. */
  for (guint i = 0; i < page->rows->len && i < records->len; i++)
    rosette_issued_row_set_record (g_ptr_array_index (page->rows, i),
                                   g_ptr_array_index (records, i));
}

static void
fetch_page (RosetteIssuedListModel *self,
            Page                   *page)
{
  RosetteIssuedQuery query = self->query;
  FetchData *data = g_new0 (FetchData, 1);

  query.limit = ROSETTE_ISSUED_LIST_PAGE_SIZE;
  query.offset = page->index * ROSETTE_ISSUED_LIST_PAGE_SIZE;

  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->cancellable);
  data->page = page->index;

  self->n_fetches++;
  self->n_running++;
  rosette_registry_list_issued_async (self->registry, &query, self->cancellable, fetch_cb, data);
}

static Page *
ensure_page (RosetteIssuedListModel *self,
             guint                   index)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  guint first = index * ROSETTE_ISSUED_LIST_PAGE_SIZE;
  guint n;

  if (page != NULL)
    {
      /* Most recently used first. */
      g_queue_unlink (&self->lru, &page->link);
      g_queue_push_head_link (&self->lru, &page->link);
      return page;
    }

  while (self->lru.length >= MAX_PAGES)
    {
      Page *oldest = g_queue_peek_tail (&self->lru);

      g_queue_unlink (&self->lru, &oldest->link);
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (oldest->index));
    }

  n = MIN (ROSETTE_ISSUED_LIST_PAGE_SIZE, self->n_items - first);
  page = g_new0 (Page, 1);
  page->index = index;
  page->link.data = page;
  page->rows = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (page->rows, rosette_issued_row_new (first + i));

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_push_head_link (&self->lru, &page->link);

  fetch_page (self, page);

  return page;
}

static GType
rosette_issued_list_model_get_item_type (GListModel *model)
{
  return ROSETTE_TYPE_ISSUED_ROW;
}

static guint
rosette_issued_list_model_get_n_items (GListModel *model)
{
  return ROSETTE_ISSUED_LIST_MODEL (model)->n_items;
}

static gpointer
rosette_issued_list_model_get_item (GListModel *model,
                                    guint       position)
{
  RosetteIssuedListModel *self = ROSETTE_ISSUED_LIST_MODEL (model);
  Page *page;

  if (position >= self->n_items)
    return NULL;

  page = ensure_page (self, position / ROSETTE_ISSUED_LIST_PAGE_SIZE);

  return g_object_ref (g_ptr_array_index (page->rows, position % ROSETTE_ISSUED_LIST_PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rosette_issued_list_model_get_item_type;
  iface->get_n_items = rosette_issued_list_model_get_n_items;
  iface->get_item = rosette_issued_list_model_get_item;
}

static void
set_loading (RosetteIssuedListModel *self,
             gboolean                loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
replace_all (RosetteIssuedListModel *self,
             guint                   n_items)
{
  guint old = self->n_items;

  drop_pages (self);
  self->n_items = n_items;
  self->n_fetches = 0;
  self->n_running = 0;

  /* Everything goes, then the new rows come, in two signals: with one
   * "replace all", GTK 4.8's list item manager looks for the rows it was
   * tracking (focus, selection) among the new ones, which would read
   * every page of the registry. */
  if (old != 0)
    {
      self->n_items = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);
      self->n_items = n_items;
    }
  if (n_items != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n_items);
  if (old != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
count_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FetchData) data = user_data;
  RosetteIssuedListModel *self = data->self;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  if (!rosette_registry_count_issued_finish (ROSETTE_REGISTRY (object), result, &count, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (!is_current (self, data->cancellable))
    return;

  g_clear_error (&self->error);
  if (error != NULL)
    {
      g_warning ("Could not count the registry's credentials: %s", error->message);
      self->error = g_steal_pointer (&error);
    }

  replace_all (self, count);
  set_loading (self, FALSE);
}

static void
rosette_issued_list_model_dispose (GObject *object)
{
  RosetteIssuedListModel *self = ROSETTE_ISSUED_LIST_MODEL (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  drop_pages (self);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (rosette_issued_list_model_parent_class)->dispose (object);
}

static void
rosette_issued_list_model_finalize (GObject *object)
{
  RosetteIssuedListModel *self = ROSETTE_ISSUED_LIST_MODEL (object);

  query_clear (&self->query);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (rosette_issued_list_model_parent_class)->finalize (object);
}

static void
rosette_issued_list_model_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  RosetteIssuedListModel *self = ROSETTE_ISSUED_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_issued_list_model_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  RosetteIssuedListModel *self = ROSETTE_ISSUED_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      rosette_issued_list_model_set_registry (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_issued_list_model_class_init (RosetteIssuedListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rosette_issued_list_model_dispose;
  object_class->finalize = rosette_issued_list_model_finalize;
  object_class->get_property = rosette_issued_list_model_get_property;
  object_class->set_property = rosette_issued_list_model_set_property;

  /**
   * RosetteIssuedListModel:registry:
   *
   * The registry listed, or %NULL for an empty list.
   */
  properties[PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL,
                         ROSETTE_TYPE_REGISTRY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteIssuedListModel:n-items:
   *
   * How many credentials match the query.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteIssuedListModel:loading:
   *
   * Whether the rows matching a new query are being counted.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rosette_issued_list_model_init (RosetteIssuedListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->lru);
}

RosetteIssuedListModel *
rosette_issued_list_model_new (void)
{
  return g_object_new (ROSETTE_TYPE_ISSUED_LIST_MODEL, NULL);
}

/**
 * rosette_issued_list_model_get_registry:
 * @self: a #RosetteIssuedListModel
 *
 * Returns: (transfer none) (nullable): the registry listed
 */
RosetteRegistry *
rosette_issued_list_model_get_registry (RosetteIssuedListModel *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUED_LIST_MODEL (self), NULL);

  return self->registry;
}

void
rosette_issued_list_model_set_registry (RosetteIssuedListModel *self,
                                        RosetteRegistry        *registry)
{
  g_return_if_fail (ROSETTE_IS_ISSUED_LIST_MODEL (self));
  g_return_if_fail (!registry || ROSETTE_IS_REGISTRY (registry));

  if (!g_set_object (&self->registry, registry))
    return;

  rosette_issued_list_model_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTRY]);
}

/**
 * rosette_issued_list_model_get_query:
 * @self: a #RosetteIssuedListModel
 *
 * Returns: (transfer none): the filters and order of the list
 */
const RosetteIssuedQuery *
rosette_issued_list_model_get_query (RosetteIssuedListModel *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUED_LIST_MODEL (self), NULL);

  return &self->query;
}

/**
 * rosette_issued_list_model_set_query:
 * @self: a #RosetteIssuedListModel
 * @query: the filters and order (its limit and offset are ignored)
 *
 * Lists what @query selects, in its order, and reloads.
 */
void
rosette_issued_list_model_set_query (RosetteIssuedListModel   *self,
                                     const RosetteIssuedQuery *query)
{
  g_return_if_fail (ROSETTE_IS_ISSUED_LIST_MODEL (self));
  g_return_if_fail (query != NULL);

  query_clear (&self->query);
  self->query = *query;
  self->query.family_slug = g_strdup (query->family_slug);
  self->query.tier_slug = g_strdup (query->tier_slug);
  self->query.department = g_strdup (query->department);
  self->query.text = query->text != NULL && query->text[0] != '\0' ? g_strdup (query->text) : NULL;
  self->query.now = query->now != NULL ? g_date_time_ref (query->now) : NULL;
  self->query.limit = 0;
  self->query.offset = 0;

  rosette_issued_list_model_reload (self);
}

/**
 * rosette_issued_list_model_reload:
 * @self: a #RosetteIssuedListModel
 *
 * Counts the rows again and forgets every page read, for a changed
 * query or a changed registry. The items change once the count is in.
 */
void
rosette_issued_list_model_reload (RosetteIssuedListModel *self)
{
  g_return_if_fail (ROSETTE_IS_ISSUED_LIST_MODEL (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->n_running = 0;

  if (self->registry == NULL)
    {
      replace_all (self, 0);
      set_loading (self, FALSE);
      return;
    }
  else
    {
      FetchData *data = g_new0 (FetchData, 1);

      data->self = g_object_ref (self);
      data->cancellable = g_object_ref (self->cancellable);
      set_loading (self, TRUE);
      rosette_registry_count_issued_async (self->registry, &self->query, self->cancellable,
                                           count_cb, data);
    }
}

gboolean
rosette_issued_list_model_get_loading (RosetteIssuedListModel *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUED_LIST_MODEL (self), FALSE);

  return self->loading;
}

/**
 * rosette_issued_list_model_get_error:
 * @self: a #RosetteIssuedListModel
 *
 * Returns: (nullable): why the last count failed
 */
const GError *
rosette_issued_list_model_get_error (RosetteIssuedListModel *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUED_LIST_MODEL (self), NULL);

  return self->error;
}

guint
_rosette_issued_list_model_get_n_fetches (RosetteIssuedListModel *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUED_LIST_MODEL (self), 0);

  return self->n_fetches;
}

gboolean
_rosette_issued_list_model_get_busy (RosetteIssuedListModel *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUED_LIST_MODEL (self), FALSE);

  return self->loading || self->n_running > 0;
}
