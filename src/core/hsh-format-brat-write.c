/* hsh-format-brat-write.c: writing bundles as a brat folder (rules in hsh-format-brat.h). */
#include "hsh-format-brat.h"
#include "hsh-format-common.h"

#include <string.h>

/* One section of annotation.conf: names in order of use, each with typed slots
 * ("Arg1:Claim|Commitment"). */
typedef struct {
  GPtrArray  *names;
  GHashTable *slots;   /* name → GPtrArray of Slot */
} Section;

typedef struct {
  char      *name;
  GPtrArray *types;    /* char*, unique, in order of use */
} Slot;

typedef struct {
  GPtrArray *labels;   /* label paths of the codebook */
  Section    relations;
  Section    events;
  Section    attributes;
} Conf;

/* One .ann being written. */
typedef struct {
  HshBundle              *bundle;
  const HshExportOptions *options;
  Conf                   *conf;
  GHashTable             *ids;       /* HshSpan → "T3", exported spans only */
  GHashTable             *by_key;    /* span key → HshSpan, exported spans only */
  GHashTable             *written;   /* ids of events and relations written */
  GPtrArray              *roles;     /* HshRoleRef between exported spans, NULL once written */
  GString                *out;
  guint                   counters[4]; /* R, A, N, # */
} Ann;

enum { COUNT_R, COUNT_A, COUNT_N, COUNT_NOTE };

static void
slot_free (Slot *slot)
{
  g_free (slot->name);
  g_ptr_array_unref (slot->types);
  g_free (slot);
}

static void
section_init (Section *section)
{
  section->names = g_ptr_array_new_with_free_func (g_free);
  section->slots = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
}

static void
section_clear (Section *section)
{
  g_hash_table_unref (section->slots);
  g_ptr_array_unref (section->names);
}

static void
add_unique (GPtrArray *strings, const char *value)
{
  if (!g_ptr_array_find_with_equal_func (strings, value, g_str_equal, NULL))
    g_ptr_array_add (strings, g_strdup (value));
}

/* Records that @name has a slot @slot holding @type (a label path or an attribute value). */
static void
section_add (Section *section, const char *name, const char *slot_name, const char *type)
{
  GPtrArray *slots = g_hash_table_lookup (section->slots, name);
  Slot *slot = NULL;

  if (slots == NULL)
    {
      char *copy = g_strdup (name);
      g_ptr_array_add (section->names, copy);
      slots = g_ptr_array_new_with_free_func ((GDestroyNotify) slot_free);
      g_hash_table_insert (section->slots, copy, slots);
    }
  for (guint i = 0; i < slots->len && slot == NULL; i++)
    if (g_str_equal (((Slot *) g_ptr_array_index (slots, i))->name, slot_name))
      slot = g_ptr_array_index (slots, i);
  if (slot == NULL)
    {
      slot = g_new0 (Slot, 1);
      slot->name = g_strdup (slot_name);
      slot->types = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (slots, slot);
    }
  add_unique (slot->types, type);
}

/* ---- the .ann ---- */

static gboolean
is_t_id (const char *key)
{
  return key != NULL && key[0] == 'T' && key[1] != '\0' && strspn (key + 1, "0123456789") == strlen (key + 1);
}

/* Keeps T ids that came from brat; numbers the other spans after the highest. */
static void
assign_ids (Ann *ann)
{
  guint64 highest = 0;
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new ();
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < ann->bundle->spans->len; i++)
    {
      HshSpan *span = g_ptr_array_index (ann->bundle->spans, i);

      if (!hsh_export_options_accept (ann->options, span))
        continue;
      g_hash_table_insert (ann->by_key, span->key, span);
      if (is_t_id (span->key) && g_hash_table_add (taken, span->key))
        {
          highest = MAX (highest, g_ascii_strtoull (span->key + 1, NULL, 10));
          g_hash_table_insert (ann->ids, span, g_strdup (span->key));
        }
      else
        g_ptr_array_add (unnamed, span);
    }
  for (guint i = 0; i < unnamed->len; i++)
    g_hash_table_insert (ann->ids, g_ptr_array_index (unnamed, i),
                         g_strdup_printf ("T%" G_GUINT64_FORMAT, ++highest));
}

static const char *
id_of_key (Ann *ann, const char *key)
{
  HshSpan *span = g_hash_table_lookup (ann->by_key, key);
  return span != NULL ? g_hash_table_lookup (ann->ids, span) : NULL;
}

static void
append_flat (GString *out, const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p);
}

static void
write_text_bound (Ann *ann, HshSpan *span)
{
  g_autofree char *type = hsh_brat_type_from_label (span->label);

  g_string_append_printf (ann->out, "%s\t%s ", (char *) g_hash_table_lookup (ann->ids, span), type);
  for (guint r = 0; r < span->ranges->len; r++)
    {
      HshRange *range = &g_array_index (span->ranges, HshRange, r);
      g_string_append_printf (ann->out, "%s%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, r > 0 ? ";" : "",
                              range->start, range->end);
    }
  g_string_append_c (ann->out, '\t');
  append_flat (ann->out, span->text);
  g_string_append_c (ann->out, '\n');
}

static void
collect_roles (Ann *ann)
{
  for (guint i = 0; i < ann->bundle->roles->len; i++)
    {
      HshRoleRef *role = g_ptr_array_index (ann->bundle->roles, i);
      if (id_of_key (ann, role->source) != NULL && id_of_key (ann, role->target) != NULL)
        g_ptr_array_add (ann->roles, role);
    }
}

/* Takes the first role link not yet written that matches; NULL when there is none. */
static HshRoleRef *
take_role (Ann *ann, const char *source, const char *name, const char *target)
{
  for (guint i = 0; i < ann->roles->len; i++)
    {
      HshRoleRef *role = g_ptr_array_index (ann->roles, i);
      if (role != NULL && g_str_equal (role->source, source) && g_str_equal (role->role, name) &&
          g_str_equal (role->target, target))
        {
          g_ptr_array_index (ann->roles, i) = NULL;
          return role;
        }
    }
  return NULL;
}

static const char *
label_of_key (Ann *ann, const char *key)
{
  HshSpan *span = g_hash_table_lookup (ann->by_key, key);
  return span->label;
}

/* Rewrites a kept E line with the arguments whose role links still exist. */
static void
write_event (Ann *ann, const char *line, GHashTable *triggers)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", 2);
  g_auto(GStrv) words = g_strsplit (g_strstrip (fields[1]), " ", -1);
  const char *trigger = g_hash_table_lookup (triggers, fields[0]);
  g_autofree char *event_type = g_strndup (words[0], strcspn (words[0], ":"));
  g_autofree char *event_label = hsh_brat_label_from_type (event_type);

  g_string_append_printf (ann->out, "%s\t%s", fields[0], words[0]);
  for (guint i = 1; words[i] != NULL; i++)
    {
      const char *colon = strrchr (words[i], ':');
      g_autofree char *type = colon ? g_strndup (words[i], (gsize) (colon - words[i])) : NULL;
      g_autofree char *role = type ? hsh_brat_label_from_type (type) : NULL;
      const char *target = colon ? g_hash_table_lookup (triggers, colon + 1) : NULL;

      if (target == NULL && colon != NULL)
        target = colon + 1;
      if (role == NULL || id_of_key (ann, target) == NULL || !take_role (ann, trigger, role, target))
        continue;
      g_string_append_printf (ann->out, " %s", words[i]);
      section_add (&ann->conf->events, event_label, role, label_of_key (ann, target));
    }
  g_string_append_c (ann->out, '\n');
  g_hash_table_add (ann->written, g_strdup (fields[0]));
}

/* The kept lines, and E id → trigger key for those whose trigger is exported. */
static GPtrArray *
kept_lines (Ann *ann, GHashTable *triggers)
{
  const char *standoff = g_hash_table_lookup (ann->bundle->metadata, HSH_BRAT_STANDOFF_KEY);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) split = g_strsplit (standoff ? standoff : "", "\n", -1);

  for (guint i = 0; split[i] != NULL; i++)
    {
      const char *tab = strchr (split[i], '\t');
      const char *colon = tab ? strchr (tab, ':') : NULL;
      g_autofree char *trigger = colon ? g_strndup (colon + 1, strcspn (colon + 1, " \t")) : NULL;

      if (split[i][0] == '\0')
        continue;
      if (split[i][0] == 'E' && (trigger == NULL || id_of_key (ann, trigger) == NULL))
        continue;
      if (split[i][0] == 'E')
        g_hash_table_insert (triggers, g_strndup (split[i], (gsize) (tab - split[i])), g_steal_pointer (&trigger));
      g_ptr_array_add (lines, g_strdup (split[i]));
    }
  return lines;
}

static void
write_relations (Ann *ann)
{
  for (guint i = 0; i < ann->roles->len; i++)
    {
      HshRoleRef *role = g_ptr_array_index (ann->roles, i);
      g_autofree char *type = NULL;
      g_autofree char *id = NULL;

      if (role == NULL)
        continue;
      type = hsh_brat_type_from_label (role->role);
      id = g_strdup_printf ("R%u", ++ann->counters[COUNT_R]);
      g_string_append_printf (ann->out, "%s\t%s Arg1:%s Arg2:%s\n", id, type,
                              id_of_key (ann, role->source), id_of_key (ann, role->target));
      section_add (&ann->conf->relations, role->role, "Arg1", label_of_key (ann, role->source));
      section_add (&ann->conf->relations, role->role, "Arg2", label_of_key (ann, role->target));
      g_hash_table_add (ann->written, g_steal_pointer (&id));
    }
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
write_attributes (Ann *ann, HshSpan *span, const char *id)
{
  g_autofree gpointer *names = g_hash_table_get_keys_as_array (span->attributes, NULL);
  guint n = g_hash_table_size (span->attributes);

  qsort (names, n, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n; i++)
    {
      const char *value = g_hash_table_lookup (span->attributes, names[i]);
      g_autofree char *name = hsh_brat_type_from_label (names[i]);
      g_autofree char *brat_value = hsh_brat_type_from_label (value);

      g_string_append_printf (ann->out, "A%u\t%s %s", ++ann->counters[COUNT_A], name, id);
      if (!g_str_equal (value, "true"))
        g_string_append_printf (ann->out, " %s", brat_value);
      g_string_append_c (ann->out, '\n');
      section_add (&ann->conf->attributes, names[i], "Arg", span->label);
      section_add (&ann->conf->attributes, names[i], "Value", value);
    }
}

static void
write_span_extras (Ann *ann, HshSpan *span)
{
  const char *id = g_hash_table_lookup (ann->ids, span);

  write_attributes (ann, span, id);
  if (span->actor_wikidata != NULL)
    {
      g_string_append_printf (ann->out, "N%u\tReference %s Wikidata:%s\t", ++ann->counters[COUNT_N], id,
                              span->actor_wikidata);
      append_flat (ann->out, span->actor ? span->actor : span->text);
      g_string_append_c (ann->out, '\n');
    }
  else if (span->actor != NULL)
    {
      g_string_append_printf (ann->out, "#%u\tActor %s\t", ++ann->counters[COUNT_NOTE], id);
      append_flat (ann->out, span->actor);
      g_string_append_c (ann->out, '\n');
    }
  if (span->note != NULL)
    {
      g_auto(GStrv) notes = g_strsplit (span->note, "\n", -1);
      for (guint i = 0; notes[i] != NULL; i++)
        {
          g_string_append_printf (ann->out, "#%u\tAnnotatorNotes %s\t", ++ann->counters[COUNT_NOTE], id);
          append_flat (ann->out, notes[i]);
          g_string_append_c (ann->out, '\n');
        }
    }
}

/* Writes a kept A, M, N, # or * line again, renumbered, when what it refers to was written. */
static void
write_kept_line (Ann *ann, const char *line)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", 2);
  g_auto(GStrv) words = g_strsplit (fields[1] ? fields[1] : "", " ", -1);
  int counter = line[0] == 'N' ? COUNT_N : line[0] == '#' ? COUNT_NOTE : COUNT_A;

  for (guint i = 1; words[i] != NULL && (line[0] == '*' || i == 1); i++)
    {
      g_autofree char *target = g_strndup (words[i], strcspn (words[i], "\t"));
      if (!g_hash_table_contains (ann->written, target) && id_of_key (ann, target) == NULL)
        return;
    }
  if (line[0] == '*')
    g_string_append_printf (ann->out, "%s\n", line);
  else
    g_string_append_printf (ann->out, "%c%u\t%s\n", line[0] == 'M' ? 'A' : line[0], ++ann->counters[counter],
                            fields[1]);
}

static void
write_ann (Ann *ann)
{
  g_autoptr(GHashTable) triggers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) lines = NULL;

  assign_ids (ann);
  for (guint i = 0; i < ann->bundle->spans->len; i++)
    {
      HshSpan *span = g_ptr_array_index (ann->bundle->spans, i);
      if (g_hash_table_contains (ann->ids, span))
        {
          write_text_bound (ann, span);
          add_unique (ann->conf->labels, span->label);
        }
    }
  collect_roles (ann);
  lines = kept_lines (ann, triggers);
  for (guint i = 0; i < lines->len; i++)
    if (((char *) g_ptr_array_index (lines, i))[0] == 'E')
      write_event (ann, g_ptr_array_index (lines, i), triggers);
  write_relations (ann);
  for (guint i = 0; i < ann->bundle->spans->len; i++)
    {
      HshSpan *span = g_ptr_array_index (ann->bundle->spans, i);
      if (g_hash_table_contains (ann->ids, span))
        write_span_extras (ann, span);
    }
  for (guint i = 0; i < lines->len; i++)
    if (((char *) g_ptr_array_index (lines, i))[0] != 'E')
      write_kept_line (ann, g_ptr_array_index (lines, i));
}

static gboolean
write_document (HshBundle *bundle, const char *folder, const char *stem, const HshExportOptions *options,
                Conf *conf, GError **error)
{
  g_autoptr(GString) text = g_string_new (bundle->text);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *txt_name = g_strconcat (stem, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (stem, ".ann", NULL);
  g_autofree char *txt_path = g_build_filename (folder, txt_name, NULL);
  g_autofree char *ann_path = g_build_filename (folder, ann_name, NULL);
  Ann ann = { bundle, options, conf, ids, by_key, written, roles, out, { 0 } };

  if (!hsh_bundle_validate (bundle, bundle->title ? bundle->title : stem, error))
    return FALSE;
  write_ann (&ann);
  return hsh_format_save_file (txt_path, text, error) && hsh_format_save_file (ann_path, out, error);
}

/* ---- annotation.conf and visual.conf ---- */

static GNode *
child_named (GNode *parent, const char *path)
{
  for (GNode *child = parent->children; child != NULL; child = child->next)
    if (g_str_equal (child->data, path))
      return child;
  return g_node_append_data (parent, g_strdup (path));
}

/* The codebook as a tree of label paths; parents nobody uses become abstract ("!Actor"). */
static GNode *
label_tree (GPtrArray *labels, GHashTable *used)
{
  GNode *root = g_node_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = g_ptr_array_index (labels, i);
      GNode *node = root;

      g_hash_table_add (used, (gpointer) label);
      for (const char *slash = strchr (label, '/'); ; slash = strchr (slash + 1, '/'))
        {
          g_autofree char *prefix = slash ? g_strndup (label, (gsize) (slash - label)) : g_strdup (label);
          node = child_named (node, prefix);
          if (slash == NULL)
            break;
        }
    }
  return root;
}

static gboolean
free_node_data (GNode *node, gpointer data)
{
  g_free (node->data);
  return FALSE;
}

static void
append_entities (GString *conf, GNode *node, guint depth, GHashTable *used, GHashTable *events)
{
  for (GNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *type = hsh_brat_type_from_label (child->data);

      if (g_hash_table_contains (events, child->data) && child->children == NULL)
        continue;
      for (guint i = 0; i < depth; i++)
        g_string_append_c (conf, '\t');
      g_string_append_printf (conf, "%s%s\n", g_hash_table_contains (used, child->data) ? "" : "!", type);
      append_entities (conf, child, depth + 1, used, events);
    }
}

static void
append_section (GString *conf, const char *title, Section *section, gboolean attributes)
{
  g_string_append_printf (conf, "\n[%s]\n", title);
  for (guint i = 0; i < section->names->len; i++)
    {
      const char *name = g_ptr_array_index (section->names, i);
      GPtrArray *slots = g_hash_table_lookup (section->slots, name);
      g_autofree char *type = hsh_brat_type_from_label (name);

      g_string_append (conf, type);
      for (guint s = 0; s < slots->len; s++)
        {
          Slot *slot = g_ptr_array_index (slots, s);
          gboolean binary = attributes && slot->types->len == 1 && g_str_equal (slot->types->pdata[0], "true");

          if (binary)
            continue;
          g_string_append_printf (conf, "%s%s:", s == 0 ? "\t" : ", ", slot->name);
          for (guint t = 0; t < slot->types->len; t++)
            {
              g_autofree char *value = hsh_brat_type_from_label (g_ptr_array_index (slot->types, t));
              g_string_append_printf (conf, "%s%s", t > 0 ? "|" : "", value);
            }
        }
      g_string_append_c (conf, '\n');
    }
}

static gboolean
write_confs (Conf *conf, const char *folder, GError **error)
{
  g_autoptr(GString) annotation = g_string_new (NULL);
  g_autoptr(GString) visual = g_string_new ("[labels]\n");
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) events = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *annotation_path = g_build_filename (folder, "annotation.conf", NULL);
  g_autofree char *visual_path = g_build_filename (folder, "visual.conf", NULL);
  GNode *tree = label_tree (conf->labels, used);

  for (guint i = 0; i < conf->events.names->len; i++)
    g_hash_table_add (events, g_ptr_array_index (conf->events.names, i));
  g_string_append (annotation,
                   "# Written by Hashiya. Offsets in the .ann files are Unicode code points of the .txt\n"
                   "# files (UTF-8, LF line ends), end excluded. Label paths become types with \"/\" written\n"
                   "# \"--\" and spaces \"_sp_\": Actor/State is Actor--State.\n"
                   "[entities]\n");
  append_entities (annotation, tree, 0, used, events);
  append_section (annotation, "relations", &conf->relations, FALSE);
  append_section (annotation, "events", &conf->events, FALSE);
  append_section (annotation, "attributes", &conf->attributes, TRUE);
  for (guint i = 0; i < conf->labels->len; i++)
    {
      const char *label = g_ptr_array_index (conf->labels, i);
      const char *slash = strrchr (label, '/');
      g_autofree char *type = hsh_brat_type_from_label (label);
      g_string_append_printf (visual, "%s | %s\n", type, slash ? slash + 1 : label);
    }
  g_string_append (visual, "\n[drawing]\nSPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n"
                           "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n");
  g_node_traverse (tree, G_IN_ORDER, G_TRAVERSE_ALL, -1, free_node_data, NULL);
  g_node_destroy (tree);
  return hsh_format_save_file (annotation_path, annotation, error) && hsh_format_save_file (visual_path, visual, error);
}

static void
conf_init (Conf *conf, const HshExportOptions *options)
{
  conf->labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; options != NULL && options->codebook != NULL && options->codebook[i] != NULL; i++)
    add_unique (conf->labels, options->codebook[i]);
  section_init (&conf->relations);
  section_init (&conf->events);
  section_init (&conf->attributes);
}

static void
conf_clear (Conf *conf)
{
  g_ptr_array_unref (conf->labels);
  section_clear (&conf->relations);
  section_clear (&conf->events);
  section_clear (&conf->attributes);
}

/* ---- a document at a time ---- */

typedef struct {
  char                   *folder;
  const HshExportOptions *options;
  Conf                    conf;
  GHashTable             *used;   /* file stems taken, the conf files' included */
} BratWriter;

static void
brat_writer_free (gpointer state)
{
  BratWriter *writer = state;

  conf_clear (&writer->conf);
  g_hash_table_unref (writer->used);
  g_free (writer->folder);
  g_free (writer);
}

static gpointer
brat_begin (const char *path, guint count, const HshExportOptions *options, GError **error)
{
  BratWriter *writer;

  if (!hsh_format_make_folder (path, error))
    return NULL;
  writer = g_new0 (BratWriter, 1);
  writer->folder = g_strdup (path);
  writer->options = options;
  conf_init (&writer->conf, options);
  writer->used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (writer->used, g_strdup ("annotation"));
  g_hash_table_add (writer->used, g_strdup ("visual"));
  return writer;
}

static gboolean
brat_write_one (gpointer state, HshBundle *bundle, guint index, GError **error)
{
  BratWriter *writer = state;
  g_autofree char *stem = hsh_format_file_stem (bundle, index, writer->used);

  return write_document (bundle, writer->folder, stem, writer->options, &writer->conf, error);
}

/* annotation.conf and visual.conf come last: they list what the documents used. */
static gboolean
brat_finish (gpointer state, GError **error)
{
  BratWriter *writer = state;

  return write_confs (&writer->conf, writer->folder, error);
}

const HshDocumentWriter hsh_brat_documents = {
  .begin = brat_begin,
  .write = brat_write_one,
  .finish = brat_finish,
  .free = brat_writer_free,
};

gboolean
hsh_brat_write (GPtrArray *bundles, const char *path, const HshExportOptions *options, GError **error)
{
  g_return_val_if_fail (bundles != NULL && path != NULL, FALSE);
  return hsh_format_write_documents (&hsh_brat_documents, bundles, path, options, error);
}
