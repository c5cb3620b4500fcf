/* rosette-jsonld-iri.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * JSON-LD 1.1 IRI expansion (§5.2) and term definitions (§4.2): how a
 * term, compact IRI or @vocab-relative string becomes an IRI, and how a
 * context entry becomes a term definition (protected, scoped contexts,
 * coercion, containers).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-error.h"
#include "rosette-jsonld-private.h"

/* Expands @value; *out is NULL when the value maps to null. */
gboolean
_rosette_jsonld_expand_iri (Processor   *p,
                            Ctx         *active,
                            const char  *value,
                            gboolean     document_relative,
                            gboolean     vocab,
                            LocalDefs   *locals,
                            char       **out,
                            GError     **error)
{
  const char *colon;
  TermDef *def;

  *out = NULL;
  if (value == NULL)
    return TRUE;
  if (_rosette_jsonld_is_keyword (value))
    {
      *out = g_strdup (value);
      return TRUE;
    }
  if (_rosette_jsonld_has_keyword_form (value))
    return TRUE;

  if (locals != NULL && json_object_has_member (locals->local, value) &&
      GPOINTER_TO_INT (g_hash_table_lookup (locals->defined, value)) != 2 &&
      !_rosette_jsonld_create_term_definition (p, active, locals->local, value, locals->defined,
                                               locals->base_url, locals->protected_default,
                                               locals->override_protected, locals->pinned, error))
    return FALSE;

  def = ctx_lookup (active, value);
  if (def != NULL && def->iri != NULL && _rosette_jsonld_is_keyword (def->iri))
    {
      *out = g_strdup (def->iri);
      return TRUE;
    }
  if (vocab && def != NULL)
    {
      *out = g_strdup (def->iri);
      return TRUE;
    }

  colon = strchr (value, ':');
  if (colon != NULL && colon != value)
    {
      g_autofree char *prefix = g_strndup (value, colon - value);
      const char *suffix = colon + 1;
      TermDef *prefix_def;

      if (strcmp (prefix, "_") == 0 || g_str_has_prefix (suffix, "//"))
        {
          *out = g_strdup (value);
          return TRUE;
        }
      if (locals != NULL && json_object_has_member (locals->local, prefix) &&
          GPOINTER_TO_INT (g_hash_table_lookup (locals->defined, prefix)) != 2 &&
          !_rosette_jsonld_create_term_definition (p, active, locals->local, prefix,
                                                   locals->defined,
                                                   locals->base_url, locals->protected_default,
                                                   locals->override_protected, locals->pinned, error))
        return FALSE;
      prefix_def = ctx_lookup (active, prefix);
      if (prefix_def != NULL && prefix_def->iri != NULL && prefix_def->prefix)
        {
          *out = g_strconcat (prefix_def->iri, suffix, NULL);
          return TRUE;
        }
      if (_rosette_jsonld_is_absolute_iri (value))
        {
          *out = g_strdup (value);
          return TRUE;
        }
    }

  if (vocab && active->vocab != NULL)
    *out = g_strconcat (active->vocab, value, NULL);
  else if (document_relative)
    *out = _rosette_jsonld_resolve_iri (active->has_base ? active->base : p->base, value);
  else
    *out = g_strdup (value);
  return TRUE;
}

static gboolean
term_defs_equal (const TermDef *a,
                 const TermDef *b)
{
  return g_strcmp0 (a->iri, b->iri) == 0 &&
         g_strcmp0 (a->type, b->type) == 0 &&
         a->container == b->container &&
         a->has_language == b->has_language &&
         g_strcmp0 (a->language, b->language) == 0 &&
         a->has_direction == b->has_direction &&
         g_strcmp0 (a->direction, b->direction) == 0 &&
         a->prefix == b->prefix &&
         _rosette_jsonld_json_equal (a->context, b->context);
}

static gboolean
parse_container (JsonNode  *node,
                 guint     *container)
{
  static const struct { const char *name; guint bit; } names[] = {
    { "@set", CONTAINER_SET }, { "@list", CONTAINER_LIST },
    { "@graph", CONTAINER_GRAPH }, { "@language", CONTAINER_LANGUAGE },
    { "@index", CONTAINER_INDEX }, { "@id", CONTAINER_ID },
    { "@type", CONTAINER_TYPE },
  };

  *container = 0;
  for (guint i = 0; i < node_n_items (node); i++)
    {
      const char *value = node_string (node_item (node, i));
      gboolean found = FALSE;

      for (guint k = 0; value != NULL && k < G_N_ELEMENTS (names); k++)
        if (strcmp (value, names[k].name) == 0)
          {
            *container |= names[k].bit;
            found = TRUE;
          }
      if (!found)
        return FALSE;
    }
  /* @list combines with nothing; the maps are not supported here. */
  if ((*container & CONTAINER_LIST) && *container != CONTAINER_LIST)
    return FALSE;
  return TRUE;
}

gboolean
_rosette_jsonld_create_term_definition (Processor   *p,
                                        Ctx         *active,
                                        JsonObject  *local,
                                        const char  *term,
                                        GHashTable  *defined,
                                        const char  *base_url,
                                        gboolean     protected_default,
                                        gboolean     override_protected,
                                        gboolean     pinned,
                                        GError     **error)
{
  LocalDefs locals = { local, defined, base_url, protected_default, override_protected, pinned };
  g_autoptr(TermDef) def = NULL;
  g_autoptr(TermDef) previous = NULL;
  g_autofree char *stolen_key = NULL;
  JsonNode *value_node;
  JsonObject *value = NULL;
  gboolean simple_term = FALSE;
  int state = GPOINTER_TO_INT (g_hash_table_lookup (defined, term));
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (state == 2)
    return TRUE;
  if (state == 1)
    return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                 _("The JSON-LD context defines “%s” in terms of itself"), term);
  if (term[0] == '\0')
    return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                 _("The JSON-LD context defines an empty term"));
  if (!_rosette_jsonld_spend (p, error))
    return FALSE;
  g_hash_table_insert (defined, g_strdup (term), GINT_TO_POINTER (1));

  value_node = json_object_get_member (local, term);

  if (strcmp (term, "@type") == 0 && value_node != NULL && JSON_NODE_HOLDS_OBJECT (value_node))
    {
      /* JSON-LD 1.1 lets only @container: @set and @protected here. */
      JsonObject *object = json_node_get_object (value_node);

      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, &name, &member))
        if (!((strcmp (name, "@container") == 0 && g_strcmp0 (node_string (member), "@set") == 0) ||
              strcmp (name, "@protected") == 0))
          return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                       _("The JSON-LD context redefines the keyword “@type”"));
    }
  else if (_rosette_jsonld_is_keyword (term))
    {
      return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                   _("The JSON-LD context redefines the keyword “%s”"), term);
    }
  else if (_rosette_jsonld_has_keyword_form (term))
    {
      g_hash_table_insert (defined, g_strdup (term), GINT_TO_POINTER (2));
      return _rosette_jsonld_unsafe_drop (p, error,
                                          _("The JSON-LD context defines the reserved term “%s”"), term);
    }

  g_hash_table_steal_extended (active->terms, term, (gpointer *) &stolen_key,
                               (gpointer *) &previous);

  def = g_atomic_rc_box_new0 (TermDef);
  def->is_protected = protected_default;

  if (value_node == NULL || JSON_NODE_HOLDS_NULL (value_node))
    {
      /* The term is defined as null: using it is an error in safe mode. */
      def->iri = NULL;
      goto done;
    }
  if (node_string (value_node) != NULL)
    {
      simple_term = TRUE;
    }
  else if (JSON_NODE_HOLDS_OBJECT (value_node))
    {
      value = json_node_get_object (value_node);
    }
  else
    {
      return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                   _("The JSON-LD context has an invalid definition of “%s”"), term);
    }

  if (value != NULL)
    {
      json_object_iter_init (&iter, value);
      while (json_object_iter_next (&iter, &name, &member))
        {
          static const char * const allowed[] = {
            "@id", "@reverse", "@container", "@context", "@direction", "@index",
            "@language", "@nest", "@prefix", "@protected", "@type",
          };
          gboolean ok = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
            ok |= strcmp (name, allowed[i]) == 0;
          if (!ok)
            return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                         _("The JSON-LD context has an invalid definition of “%s”"), term);
        }
      if (json_object_has_member (value, "@reverse") || json_object_has_member (value, "@nest") ||
          json_object_has_member (value, "@index"))
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                     _("The JSON-LD context uses a feature Rosette does not support in “%s”"),
                                     term);

      if ((member = json_object_get_member (value, "@protected")) != NULL)
        {
          if (!JSON_NODE_HOLDS_VALUE (member) ||
              json_node_get_value_type (member) != G_TYPE_BOOLEAN)
            return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                         _("The JSON-LD context has an invalid definition of “%s”"), term);
          def->is_protected = json_node_get_boolean (member);
        }

      if ((member = json_object_get_member (value, "@type")) != NULL)
        {
          g_autofree char *type = NULL;

          if (node_string (member) == NULL ||
              !_rosette_jsonld_expand_iri (p, active, node_string (member), FALSE, TRUE, &locals,
                                           &type, error))
            return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                         _("The JSON-LD context has an invalid type for “%s”"), term);
          if (type == NULL ||
              (!(strcmp (type, "@id") == 0 || strcmp (type, "@json") == 0 ||
                 strcmp (type, "@none") == 0 || strcmp (type, "@vocab") == 0) &&
               (_rosette_jsonld_is_keyword (type) || !_rosette_jsonld_is_absolute_iri (type) ||
                is_blank_node_id (type))))
            return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                         _("The JSON-LD context has an invalid type for “%s”"), term);
          def->type = g_steal_pointer (&type);
        }
    }

  member = value != NULL ? json_object_get_member (value, "@id") : value_node;
  if (member != NULL && g_strcmp0 (node_string (member), term) != 0)
    {
      const char *id = node_string (member);

      if (JSON_NODE_HOLDS_NULL (member))
        {
          def->iri = NULL;
          goto done;
        }
      if (id == NULL)
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                     _("The JSON-LD context maps “%s” to something that is not an IRI"), term);
      if (!_rosette_jsonld_is_keyword (id) && _rosette_jsonld_has_keyword_form (id))
        {
          g_hash_table_insert (defined, g_strdup (term), GINT_TO_POINTER (2));
          return _rosette_jsonld_unsafe_drop (p, error,
                                              _("The JSON-LD context maps “%s” to a reserved keyword"),
                                              term);
        }
      if (!_rosette_jsonld_expand_iri (p, active, id, FALSE, TRUE, &locals, &def->iri, error))
        return FALSE;
      if (def->iri == NULL || strcmp (def->iri, "@context") == 0 ||
          (!_rosette_jsonld_is_keyword (def->iri) && !_rosette_jsonld_is_absolute_iri (def->iri)))
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                     _("The JSON-LD context maps “%s” to something that is not an IRI"), term);

      if (strchr (term + 1, ':') != NULL || strchr (term, '/') != NULL)
        {
          g_autofree char *check = NULL;

          g_hash_table_insert (defined, g_strdup (term), GINT_TO_POINTER (2));
          if (!_rosette_jsonld_expand_iri (p, active, term, FALSE, TRUE, &locals, &check, error))
            return FALSE;
          if (g_strcmp0 (check, def->iri) != 0)
            return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                         _("The JSON-LD context maps “%s” to something that is not an IRI"), term);
        }
      else if (simple_term &&
               (_rosette_jsonld_ends_with_gen_delim (def->iri) || is_blank_node_id (def->iri)))
        {
          def->prefix = TRUE;
        }
    }
  else if (strchr (term + 1, ':') != NULL)
    {
      const char *colon = strchr (term + 1, ':');
      g_autofree char *prefix = g_strndup (term, colon - term);
      TermDef *prefix_def;

      if (json_object_has_member (local, prefix) &&
          !_rosette_jsonld_create_term_definition (p, active, local, prefix, defined, base_url,
                                                   protected_default, override_protected, pinned, error))
        return FALSE;
      prefix_def = ctx_lookup (active, prefix);
      if (prefix_def != NULL && prefix_def->iri != NULL)
        def->iri = g_strconcat (prefix_def->iri, colon + 1, NULL);
      else
        def->iri = g_strdup (term);
    }
  else if (strchr (term, '/') != NULL)
    {
      if (!_rosette_jsonld_expand_iri (p, active, term, FALSE, TRUE, &locals, &def->iri, error))
        return FALSE;
      if (def->iri == NULL || !_rosette_jsonld_is_absolute_iri (def->iri))
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                     _("The JSON-LD context maps “%s” to something that is not an IRI"), term);
    }
  else if (strcmp (term, "@type") == 0)
    {
      def->iri = g_strdup ("@type");
    }
  else if (active->vocab != NULL)
    {
      def->iri = g_strconcat (active->vocab, term, NULL);
    }
  else
    {
      return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                   _("The JSON-LD context cannot map “%s” to an IRI"), term);
    }

  if (value != NULL)
    {
      if ((member = json_object_get_member (value, "@container")) != NULL &&
          !parse_container (member, &def->container))
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                     _("The JSON-LD context has an unsupported container for “%s”"), term);
      if (def->container & (CONTAINER_INDEX | CONTAINER_ID | CONTAINER_TYPE))
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                     _("The JSON-LD context has an unsupported container for “%s”"), term);

      if ((member = json_object_get_member (value, "@context")) != NULL)
        {
          def->context = json_node_ref (member);
          def->base_url = g_strdup (base_url);
          def->context_pinned = pinned;
        }

      if ((member = json_object_get_member (value, "@language")) != NULL && def->type == NULL)
        {
          if (!JSON_NODE_HOLDS_NULL (member) && node_string (member) == NULL)
            return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                         _("The JSON-LD context has an invalid language for “%s”"), term);
          def->has_language = TRUE;
          def->language = node_string (member) != NULL
            ? g_ascii_strdown (node_string (member), -1) : NULL;
        }

      if ((member = json_object_get_member (value, "@direction")) != NULL && def->type == NULL)
        {
          const char *direction = node_string (member);

          if (!JSON_NODE_HOLDS_NULL (member) &&
              g_strcmp0 (direction, "ltr") != 0 && g_strcmp0 (direction, "rtl") != 0)
            return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                         _("The JSON-LD context has an invalid direction for “%s”"), term);
          def->has_direction = TRUE;
          def->direction = g_strdup (direction);
        }

      if ((member = json_object_get_member (value, "@prefix")) != NULL)
        {
          if (strchr (term, ':') != NULL || strchr (term, '/') != NULL ||
              !JSON_NODE_HOLDS_VALUE (member) ||
              json_node_get_value_type (member) != G_TYPE_BOOLEAN ||
              (json_node_get_boolean (member) && def->iri != NULL &&
               _rosette_jsonld_is_keyword (def->iri)))
            return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                         _("The JSON-LD context has an invalid definition of “%s”"), term);
          def->prefix = json_node_get_boolean (member);
        }
    }

done:
  if (!override_protected && previous != NULL && previous->is_protected)
    {
      if (!term_defs_equal (def, previous))
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                     _("The JSON-LD context redefines the protected term “%s”"), term);
      g_clear_pointer (&def, _rosette_jsonld_term_def_unref);
      def = _rosette_jsonld_term_def_ref (previous);
    }

  if (def->is_protected)
    active->has_protected = TRUE;
  g_hash_table_insert (active->terms, g_strdup (term), g_steal_pointer (&def));
  g_hash_table_insert (defined, g_strdup (term), GINT_TO_POINTER (2));
  return TRUE;
}
