/* hsh-sample.c: the sample project, built from the annotated article shipped as a resource. */
#include "hsh-sample.h"
#include "hsh-model.h"

#include <json-glib/json-glib.h>
#include "hsh-core-resources.h"

#define SAMPLE_PREFIX "/io/github/hashiya/Hashiya/core/sample/"
#define SAMPLE_NAME "paris-libya-2021-11-12"

static char *
load_resource (const char *name, GError **error)
{
  g_autofree char *path = g_strconcat (SAMPLE_PREFIX, name, NULL);
  g_autoptr(GBytes) bytes = NULL;

  /* Referencing the resource links it in from the static library, which registers it. */
  hsh_core_get_resource ();
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  return bytes != NULL ? g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)) : NULL;
}

/* The worked example stores the actor link as an "actor" attribute; Hashiya links the mention
 * to an actor of the registry instead. */
static void
add_annotation (HshBundle *bundle, JsonObject *entry)
{
  HshSpan *span = hsh_bundle_add_span (bundle, json_object_get_string_member (entry, "id"),
                                       json_object_get_string_member (entry, "label"),
                                       json_object_get_int_member (entry, "start"),
                                       json_object_get_int_member (entry, "end"));
  JsonObject *attributes = json_object_get_object_member (entry, "attributes");
  g_autoptr(GList) names = attributes != NULL ? json_object_get_members (attributes) : NULL;

  g_free (span->text);
  span->text = g_strdup (json_object_get_string_member (entry, "text"));
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *value = json_object_get_string_member (attributes, l->data);
      if (g_str_equal (l->data, "actor"))
        span->actor = g_strdup (value);
      else
        hsh_span_set_attribute (span, l->data, value);
    }
}

HshBundle *
hsh_sample_bundle (GError **error)
{
  g_autofree char *text = load_resource (SAMPLE_NAME ".ar.txt", error);
  g_autofree char *json = text != NULL ? load_resource (SAMPLE_NAME ".example.json", error) : NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(HshBundle) bundle = NULL;
  JsonArray *annotations, *roles;
  JsonObject *root;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  bundle = hsh_bundle_new ("Paris conference on Libya, 12 November 2021", text);
  bundle->source = g_strdup (SAMPLE_NAME ".ar.txt");
  bundle->language = g_strdup ("ar");
  annotations = json_object_get_array_member (root, "annotations");
  for (guint i = 0; i < json_array_get_length (annotations); i++)
    add_annotation (bundle, json_array_get_object_element (annotations, i));
  roles = json_object_get_array_member (root, "roles");
  for (guint i = 0; i < json_array_get_length (roles); i++)
    {
      JsonObject *role = json_array_get_object_element (roles, i);
      hsh_bundle_add_role (bundle, json_object_get_string_member (role, "source"),
                           json_object_get_string_member (role, "role"),
                           json_object_get_string_member (role, "target"));
    }
  if (!hsh_bundle_validate (bundle, "the sample project", error))
    return NULL;
  return g_steal_pointer (&bundle);
}

gboolean
hsh_sample_create (const char *path, GError **error)
{
  g_autoptr(HshBundle) bundle = hsh_sample_bundle (error);
  g_autoptr(GPtrArray) bundles = g_ptr_array_new ();
  g_autoptr(HshStore) store = NULL;

  if (bundle == NULL)
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_FAILED, "%s already exists; choose another name", path);
      return FALSE;
    }
  if (!(store = hsh_store_open (path, HSH_STORE_OPEN_CREATE, error)) ||
      !hsh_store_install_default_codebook (store, error))
    return FALSE;
  g_ptr_array_add (bundles, bundle);
  return hsh_store_import_bundles (store, bundles, NULL, NULL, error);
}
