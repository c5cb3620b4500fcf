/* rosette-pathway-progress.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Pathways over the registry: storing them, who has completed one, who is
 * one step away and what they lack, issuing the goal badge to everyone who
 * qualifies, the JSON export and the "how to earn" text of an achievement.
 *
 * A prerequisite counts when it was issued and not revoked (a re-issue
 * counts through the credential that replaced it); whether it must still
 * be valid, and on which date, is the pathway's validity rule.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rosette-error.h"
#include <string.h>

#include "rosette-pathway.h"
#include "rosette-pathway-private.h"
#include "rosette-registry-pathways.h"

G_DEFINE_BOXED_TYPE (RosettePathwayProgress, rosette_pathway_progress,
                     rosette_pathway_progress_copy, rosette_pathway_progress_free)

/* Storage ------------------------------------------------------------------ */

/**
 * rosette_pathway_save:
 * @registry: where pathways are kept
 *
 * Checks the pathway and stores it (replacing one with the same slug).
 *
 * Returns: %TRUE if saved
 */
gboolean
rosette_pathway_save (const RosettePathway  *self,
                      RosetteRegistry       *registry,
                      GError               **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  RosettePathwayRow row = { 0, };

  g_return_val_if_fail (self != NULL, FALSE);

  if (!rosette_pathway_validate (self, error))
    return FALSE;

  node = rosette_pathway_to_json (self);
  json = json_to_string (node, FALSE);
  row.slug = self->slug;
  row.name = self->name;
  row.goal_family_slug = self->goal_family_slug;
  row.goal_tier_slug = self->goal_tier_slug;
  row.builtin = self->builtin;
  row.json = json;
  return rosette_registry_save_pathway (registry, &row, error);
}

static RosettePathway *
pathway_from_row (RosettePathwayRow  *row,
                  GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, row->json, -1, error))
    return NULL;
  return rosette_pathway_new_from_json (json_parser_get_root (parser), error);
}

/**
 * rosette_pathway_load:
 * @slug: the pathway's slug
 *
 * Returns: (transfer full): the pathway, or %NULL with an error
 *   (%ROSETTE_ERROR_NOT_FOUND if there is none)
 */
RosettePathway *
rosette_pathway_load (RosetteRegistry  *registry,
                      const char       *slug,
                      GError          **error)
{
  g_autoptr(RosettePathwayRow) row = rosette_registry_get_pathway (registry, slug, error);

  return row != NULL ? pathway_from_row (row, error) : NULL;
}

/**
 * rosette_pathway_list:
 *
 * Returns: (transfer container) (element-type RosettePathway): every
 *   pathway in the registry, by name
 */
GPtrArray *
rosette_pathway_list (RosetteRegistry  *registry,
                      GError          **error)
{
  g_autoptr(GPtrArray) rows = rosette_registry_list_pathways (registry, error);
  g_autoptr(GPtrArray) pathways = NULL;

  if (rows == NULL)
    return NULL;
  pathways = g_ptr_array_new_with_free_func ((GDestroyNotify) rosette_pathway_free);
  for (guint i = 0; i < rows->len; i++)
    {
      RosettePathway *pathway = pathway_from_row (g_ptr_array_index (rows, i), error);

      if (pathway == NULL)
        return NULL;
      g_ptr_array_add (pathways, pathway);
    }
  return g_steal_pointer (&pathways);
}

/**
 * rosette_pathway_export_json:
 *
 * Returns: (transfer full): `{"pathways": [...]}`, pretty-printed, every
 *   pathway as rosette_pathway_to_json() writes it
 */
char *
rosette_pathway_export_json (RosetteRegistry  *registry,
                             GError          **error)
{
  g_autoptr(GPtrArray) pathways = rosette_pathway_list (registry, error);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *array;

  if (pathways == NULL)
    return NULL;

  array = json_array_new ();
  for (guint i = 0; i < pathways->len; i++)
    json_array_add_element (array, rosette_pathway_to_json (g_ptr_array_index (pathways, i)));
  object = json_object_new ();
  json_object_set_array_member (object, "pathways", array);
  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, object);
  return json_to_string (root, TRUE);
}

/* How to earn -------------------------------------------------------------- */

static void
append_how_to_earn (GString                *out,
                    const RosettePathway   *pathway,
                    RosetteHowToEarnFormat  format)
{
  g_autofree char *rule = rosette_pathway_dup_rule_text (pathway);

  if (format == ROSETTE_HOW_TO_EARN_HTML)
    {
      g_autofree char *name = g_markup_escape_text (pathway->name, -1);
      g_autofree char *rule_html = g_markup_escape_text (rule, -1);

      /* Translators: HTML; the pathway name, then its rule ("all of 3"). */
      g_string_append_printf (out, _("<p>Pathway <strong>%s</strong>: hold %s of these "
                                     "badges:</p>\n<ul>\n"), name, rule_html);
    }
  else
    /* Translators: the pathway name, then its rule ("all of 3"). */
    g_string_append_printf (out, _("Pathway “%s”: hold %s of these badges:\n"),
                            pathway->name, rule);

  for (guint i = 0; i < pathway->requirements->len; i++)
    {
      RosettePathwayRequirement *requirement = g_ptr_array_index (pathway->requirements, i);
      g_autofree char *text = rosette_pathway_dup_requirement_text (requirement);

      if (format == ROSETTE_HOW_TO_EARN_HTML)
        {
          g_autofree char *escaped = g_markup_escape_text (text, -1);

          g_string_append_printf (out, "<li>%s</li>\n", escaped);
        }
      else
        g_string_append_printf (out, "- %s\n", text);
    }
  if (format == ROSETTE_HOW_TO_EARN_HTML)
    g_string_append (out, "</ul>\n");
}

/**
 * rosette_pathway_dup_how_to_earn:
 * @registry: where pathways are kept
 * @family_slug: the achievement's family
 * @tier_slug: the achievement's tier
 * @format: plain text or an HTML fragment
 *
 * The "how to earn" part of an achievement's criteria page: every pathway
 * whose goal is this achievement, with what it takes. The HTML is a
 * `<section class="how-to-earn">` with everything escaped.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL without an
 *   error when no pathway leads to the achievement
 */
char *
rosette_pathway_dup_how_to_earn (RosetteRegistry         *registry,
                                 const char              *family_slug,
                                 const char              *tier_slug,
                                 RosetteHowToEarnFormat   format,
                                 GError                 **error)
{
  g_autoptr(GPtrArray) pathways = rosette_pathway_list (registry, error);
  g_autoptr(GString) out = g_string_new (NULL);
  guint found = 0;

  if (pathways == NULL)
    return NULL;

  if (format == ROSETTE_HOW_TO_EARN_HTML)
    g_string_append_printf (out, "<section class=\"how-to-earn\">\n<h2>%s</h2>\n",
                            _("How to earn"));
  else
    g_string_append_printf (out, "%s\n", _("How to earn"));

  for (guint i = 0; i < pathways->len; i++)
    {
      RosettePathway *pathway = g_ptr_array_index (pathways, i);

      if (g_strcmp0 (pathway->goal_family_slug, family_slug) != 0 ||
          g_strcmp0 (pathway->goal_tier_slug, tier_slug) != 0)
        continue;
      append_how_to_earn (out, pathway, format);
      found++;
    }
  if (found == 0)
    return NULL;

  if (format == ROSETTE_HOW_TO_EARN_HTML)
    g_string_append (out, "</section>\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Progress ----------------------------------------------------------------- */

RosettePathwayProgress *
rosette_pathway_progress_copy (const RosettePathwayProgress *progress)
{
  RosettePathwayProgress *copy = g_memdup2 (progress, sizeof *progress);

  copy->email = g_strdup (progress->email);
  copy->name = g_strdup (progress->name);
  copy->department = g_strdup (progress->department);
  copy->qualifying = g_strdupv (progress->qualifying);
  copy->lacking = g_strdupv (progress->lacking);
  copy->goal_credential_id = g_strdup (progress->goal_credential_id);
  return copy;
}

void
rosette_pathway_progress_free (RosettePathwayProgress *progress)
{
  if (progress == NULL)
    return;
  g_free (progress->email);
  g_free (progress->name);
  g_free (progress->department);
  g_strfreev (progress->qualifying);
  g_strfreev (progress->lacking);
  g_free (progress->goal_credential_id);
  g_free (progress);
}

const char *
rosette_pathway_state_to_string (RosettePathwayState state)
{
  static const char * const names[] = { "completed", "qualified", "one-step", "in-progress" };

  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (names), NULL);
  return names[state];
}

const char *
rosette_pathway_state_get_label (RosettePathwayState state)
{
  switch (state)
    {
    case ROSETTE_PATHWAY_STATE_COMPLETED:
      return _("Completed");
    case ROSETTE_PATHWAY_STATE_QUALIFIED:
      return _("Qualifies");
    case ROSETTE_PATHWAY_STATE_ONE_STEP:
      return _("One step away");
    case ROSETTE_PATHWAY_STATE_IN_PROGRESS:
    default:
      return _("In progress");
    }
}

/* One person while evaluating: the credential that meets each requirement. */
typedef struct
{
  char  *email;
  char  *name;
  char  *department;
  guint  n_met;
  char **met;
  char  *goal_id;
} Person;

static void
person_free (Person *person)
{
  g_free (person->email);
  g_free (person->name);
  g_free (person->department);
  for (guint i = 0; i < person->n_met; i++)
    g_free (person->met[i]);
  g_free (person->met);
  g_free (person->goal_id);
  g_free (person);
}

static Person *
person_lookup (GHashTable          *people,
               RosetteIssuedRecord *record,
               guint                n_requirements)
{
  g_autofree char *key = g_ascii_strdown (rosette_issued_record_get_email (record), -1);
  Person *person = g_hash_table_lookup (people, key);

  if (person == NULL)
    {
      person = g_new0 (Person, 1);
      person->email = g_strdup (rosette_issued_record_get_email (record));
      person->name = g_strdup (rosette_issued_record_get_name (record));
      person->department = g_strdup (rosette_issued_record_get_department (record));
      person->n_met = n_requirements;
      person->met = g_new0 (char *, n_requirements);
      g_hash_table_insert (people, g_steal_pointer (&key), person);
    }
  return person;
}

/* The moment prerequisites must be valid at, as Unix time. */
static gint64
evaluation_time (const RosettePathway *self,
                 GDateTime            *now)
{
  if (self->validity == ROSETTE_PATHWAY_VALIDITY_ON_DATE && self->valid_on != NULL)
    {
      g_autofree char *text = g_strconcat (self->valid_on, "T00:00:00Z", NULL);
      g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (text, NULL);

      if (date != NULL)
        return g_date_time_to_unix (date);
    }
  return now != NULL ? g_date_time_to_unix (now) : g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
record_counts (const RosettePathway *self,
               RosetteIssuedRecord  *record,
               gint64                at)
{
  RosetteCredentialStatus status = rosette_issued_record_get_status (record);

  if (self->validity == ROSETTE_PATHWAY_VALIDITY_EVER)
    return status == ROSETTE_CREDENTIAL_STATUS_VALID ||
           status == ROSETTE_CREDENTIAL_STATUS_EXPIRED;
  return status == ROSETTE_CREDENTIAL_STATUS_VALID &&
         rosette_issued_record_get_valid_from (record) <= at;
}

/* Every non-superseded credential of a family, with its status at @at. */
static GPtrArray *
list_family (RosetteRegistry  *registry,
             const char       *family_slug,
             const char       *tier_slug,
             gint64            at,
             GError          **error)
{
  g_autoptr(GDateTime) moment = g_date_time_new_from_unix_utc (at);
  RosetteIssuedQuery query = {
    .family_slug = family_slug,
    .tier_slug = tier_slug,
    .status = ROSETTE_CREDENTIAL_STATUS_ANY,
    .hide_superseded = TRUE,
    .sort = ROSETTE_ISSUED_SORT_ISSUED_AT,
    .now = moment,
  };

  return rosette_registry_list_issued (registry, &query, error);
}

static gboolean
collect_requirements (const RosettePathway  *self,
                      RosetteRegistry       *registry,
                      GHashTable            *people,
                      gint64                 at,
                      GError               **error)
{
  g_autoptr(GHashTable) families = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = self->requirements->len;

  for (guint r = 0; r < n; r++)
    {
      RosettePathwayRequirement *requirement = g_ptr_array_index (self->requirements, r);
      g_autoptr(GPtrArray) records = NULL;

      if (!g_hash_table_add (families, requirement->family_slug))
        continue;
      records = list_family (registry, requirement->family_slug, NULL, at, error);
      if (records == NULL)
        return FALSE;

      for (guint i = 0; i < records->len; i++)
        {
          RosetteIssuedRecord *record = g_ptr_array_index (records, i);

          if (!record_counts (self, record, at))
            continue;
          for (guint k = r; k < n; k++)
            {
              RosettePathwayRequirement *other = g_ptr_array_index (self->requirements, k);
              Person *person;

              if (!_rosette_pathway_requirement_matches (other,
                                                         rosette_issued_record_get_family_slug (record),
                                                         rosette_issued_record_get_tier_slug (record)))
                continue;
              person = person_lookup (people, record, n);
              /* Issue order: the newest qualifying credential wins. */
              g_free (person->met[k]);
              person->met[k] = g_strdup (rosette_issued_record_get_credential_id (record));
            }
        }
    }
  return TRUE;
}

static gboolean
collect_goal (const RosettePathway  *self,
              RosetteRegistry       *registry,
              GHashTable            *people,
              gint64                 now,
              GError               **error)
{
  g_autoptr(GPtrArray) records = list_family (registry, self->goal_family_slug,
                                              self->goal_tier_slug, now, error);

  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      RosetteIssuedRecord *record = g_ptr_array_index (records, i);
      RosetteCredentialStatus status = rosette_issued_record_get_status (record);
      Person *person;

      /* An expired goal badge was still earned; a revoked one was not. */
      if (status != ROSETTE_CREDENTIAL_STATUS_VALID && status != ROSETTE_CREDENTIAL_STATUS_EXPIRED)
        continue;
      person = person_lookup (people, record, self->requirements->len);
      g_free (person->goal_id);
      person->goal_id = g_strdup (rosette_issued_record_get_credential_id (record));
    }
  return TRUE;
}

static RosettePathwayProgress *
progress_new (const RosettePathway *self,
              Person               *person)
{
  RosettePathwayProgress *progress = g_new0 (RosettePathwayProgress, 1);
  g_autoptr(GStrvBuilder) qualifying = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) lacking = g_strv_builder_new ();
  guint n = self->requirements->len;

  progress->email = g_strdup (person->email);
  progress->name = g_strdup (person->name);
  progress->department = g_strdup (person->department);
  progress->goal_credential_id = g_strdup (person->goal_id);
  progress->n_needed = self->n_required > 0 ? MIN (self->n_required, n) : n;
  for (guint r = 0; r < n; r++)
    {
      if (person->met[r] != NULL)
        {
          progress->n_met++;
          g_strv_builder_add (qualifying, person->met[r]);
        }
      else
        {
          g_autofree char *text =
            rosette_pathway_dup_requirement_text (g_ptr_array_index (self->requirements, r));

          g_strv_builder_add (lacking, text);
        }
    }
  progress->qualifying = g_strv_builder_end (qualifying);
  progress->lacking = g_strv_builder_end (lacking);

  if (person->goal_id != NULL)
    progress->state = ROSETTE_PATHWAY_STATE_COMPLETED;
  else if (progress->n_met >= progress->n_needed)
    progress->state = ROSETTE_PATHWAY_STATE_QUALIFIED;
  else if (progress->n_needed - progress->n_met == 1)
    progress->state = ROSETTE_PATHWAY_STATE_ONE_STEP;
  else
    progress->state = ROSETTE_PATHWAY_STATE_IN_PROGRESS;
  return progress;
}

static int
compare_progress (gconstpointer a,
                  gconstpointer b)
{
  const RosettePathwayProgress *pa = *(RosettePathwayProgress * const *) a;
  const RosettePathwayProgress *pb = *(RosettePathwayProgress * const *) b;

  if (pa->state != pb->state)
    return (int) pa->state - (int) pb->state;
  return g_strcmp0 (pa->email, pb->email);
}

/**
 * rosette_pathway_evaluate:
 * @registry: the registry to read
 * @now: (nullable): the moment of evaluation; %NULL for the current time
 *
 * Everyone who holds the goal or at least one requirement, with how far
 * they are. Completed first, then qualified, one step away, in progress;
 * by e-mail address within each.
 *
 * Returns: (transfer container) (element-type RosettePathwayProgress):
 *   the progress rows, or %NULL with an error
 */
GPtrArray *
rosette_pathway_evaluate (const RosettePathway  *self,
                          RosetteRegistry       *registry,
                          GDateTime             *now,
                          GError               **error)
{
  g_autoptr(GHashTable) people = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GHashTableIter iter;
  Person *person;
  gint64 current;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (ROSETTE_IS_REGISTRY (registry), NULL);

  current = now != NULL ? g_date_time_to_unix (now) : g_get_real_time () / G_USEC_PER_SEC;
  people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) person_free);
  if (!collect_requirements (self, registry, people, evaluation_time (self, now), error) ||
      !collect_goal (self, registry, people, current, error))
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) rosette_pathway_progress_free);
  g_hash_table_iter_init (&iter, people);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &person))
    g_ptr_array_add (rows, progress_new (self, person));
  g_ptr_array_sort (rows, compare_progress);
  return g_steal_pointer (&rows);
}

/* Issuing ------------------------------------------------------------------ */

/* The narrative of a goal badge: the pathway; the credentials that
 * qualified are its Evidence entries (rosette_award_dup_evidence()). */
static char *
dup_narrative (const RosettePathway *self)
{
  /* Translators: Markdown; the pathway's name. */
  return g_strdup_printf (_("Completed the pathway “%s”."), self->name);
}

/**
 * rosette_pathway_issue_sync:
 * @context: where and how to issue (its family must be the goal's)
 * @now: (nullable): the moment of evaluation; %NULL for now
 * @cancellable: (nullable): cancels the batch
 *
 * Issues the goal badge to everyone who qualifies and does not hold it
 * yet, through #RosetteBatch, with the batch id "pathway-<slug>" (so
 * running it again issues nothing twice), a narrative naming the
 * pathway and one Evidence entry per qualifying credential.
 *
 * Returns: (transfer full): the batch summary, or %NULL with an error
 */
RosetteBatchSummary *
rosette_pathway_issue_sync (const RosettePathway       *self,
                            const RosetteAwardContext  *context,
                            GDateTime                  *now,
                            GCancellable               *cancellable,
                            GError                    **error)
{
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(RosetteBatch) batch = NULL;
  g_autofree char *batch_id = NULL;
  guint n_rows = 0;

  g_return_val_if_fail (self != NULL && context != NULL, NULL);

  progress = rosette_pathway_evaluate (self, context->registry, now, error);
  if (progress == NULL)
    return NULL;

  batch_id = g_strconcat ("pathway-", self->slug, NULL);
  batch = rosette_award_batch_new (context, self->goal_family_slug, self->goal_tier_slug,
                                   batch_id, error);
  if (batch == NULL)
    return NULL;

  for (guint i = 0; i < progress->len; i++)
    {
      RosettePathwayProgress *row = g_ptr_array_index (progress, i);
      g_autofree char *narrative = NULL;
      g_autoptr(GPtrArray) evidence = NULL;
      RosetteBatchRecipient recipient = { 0, };

      if (row->state != ROSETTE_PATHWAY_STATE_QUALIFIED)
        continue;
      narrative = dup_narrative (self);
      evidence = rosette_award_dup_evidence (context, (const char * const *) row->qualifying,
                                             /* Translators: the narrative of each qualifying
                                              * badge listed in a pathway's goal badge */
                                             _("Qualifying badge for this pathway"), error);
      if (evidence == NULL)
        return NULL;
      recipient.email = row->email;
      recipient.name = row->name;
      recipient.department = row->department;
      recipient.narrative = narrative;
      recipient.evidence = evidence;
      if (!rosette_batch_add_recipient (batch, &recipient, error))
        return NULL;
      n_rows++;
    }

  if (n_rows == 0)
    {
      RosetteBatchSummary *summary = g_new0 (RosetteBatchSummary, 1);

      summary->batch_id = g_steal_pointer (&batch_id);
      summary->failures = g_ptr_array_new ();
      return summary;
    }
  return rosette_batch_run_sync (batch, NULL, NULL, cancellable, error);
}

typedef struct
{
  RosettePathway      *pathway;
  RosetteAwardContext *context;
} IssueData;

static void
issue_data_free (IssueData *data)
{
  rosette_pathway_free (data->pathway);
  rosette_award_context_free (data->context);
  g_free (data);
}

static void
issue_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  IssueData *data = task_data;
  GError *error = NULL;
  RosetteBatchSummary *summary;

  summary = rosette_pathway_issue_sync (data->pathway, data->context, NULL, cancellable, &error);
  if (summary == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, summary, (GDestroyNotify) rosette_batch_summary_free);
}

/**
 * rosette_pathway_issue_async:
 *
 * rosette_pathway_issue_sync() in a worker thread; the pathway and the
 * context are copied.
 */
void
rosette_pathway_issue_async (const RosettePathway       *self,
                             const RosetteAwardContext  *context,
                             GCancellable               *cancellable,
                             GAsyncReadyCallback         callback,
                             gpointer                    user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  IssueData *data = g_new0 (IssueData, 1);

  data->pathway = rosette_pathway_copy (self);
  data->context = rosette_award_context_copy (context);
  g_task_set_source_tag (task, rosette_pathway_issue_async);
  g_task_set_task_data (task, data, (GDestroyNotify) issue_data_free);
  g_task_run_in_thread (task, issue_thread);
}

/**
 * rosette_pathway_issue_finish:
 *
 * Returns: (transfer full): the batch summary, or %NULL with an error
 */
RosetteBatchSummary *
rosette_pathway_issue_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
