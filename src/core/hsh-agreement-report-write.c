/* hsh-agreement-report-write.c: the agreement report as CSV for spreadsheets and JSON for scripts. */
#include "hsh-agreement-report.h"
#include "hsh-format-csv.h"

#include <json-glib/json-glib.h>
#include <math.h>

static const char *
unit_name (HshAgreementUnit unit)
{
  return unit == HSH_AGREEMENT_UNIT_TOKEN ? "token" : "character";
}

/* CSV ----------------------------------------------------------------------------------------- */

static void
append_number (GString *out, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* An undefined value is an empty cell, which spreadsheets, pandas and R read as missing. */
  if (!isnan (value))
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.6f", value));
}

static void
append_csv_table (GString *out, const HshAgreementTable *table)
{
  for (guint r = 0; r < table->rows->len; r++)
    {
      const HshAgreementRow *row = g_ptr_array_index (table->rows, r);
      g_autofree char *id = table->document_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, table->document_id) : NULL;

      g_string_append (out, table->document_id > 0 ? "document," : "corpus,");
      hsh_csv_append_field (out, id);
      g_string_append_c (out, ',');
      hsh_csv_append_field (out, table->title);
      g_string_append_printf (out, ",%u,", table->n_coders);
      hsh_csv_append_field (out, row->label != NULL ? row->label : "overall");
      for (guint m = 0; m < HSH_N_MEASURES; m++)
        {
          g_string_append_c (out, ',');
          append_number (out, row->cells[m].value);
          g_string_append_printf (out, ",%" G_GUINT64_FORMAT, row->cells[m].n);
        }
      g_string_append (out, "\r\n");
    }
}

char *
hsh_agreement_report_to_csv (HshAgreementReport *report)
{
  GString *out = g_string_new ("scope,document_id,document,coders,label");

  g_return_val_if_fail (report != NULL, NULL);
  for (guint m = 0; m < HSH_N_MEASURES; m++)
    g_string_append_printf (out, ",%s,%s_n", hsh_agreement_measure_id (m), hsh_agreement_measure_id (m));
  g_string_append (out, "\r\n");
  append_csv_table (out, report->corpus);
  for (guint i = 0; i < report->documents->len; i++)
    append_csv_table (out, g_ptr_array_index (report->documents, i));
  return g_string_free (out, FALSE);
}

/* JSON ---------------------------------------------------------------------------------------- */

static void
add_cell (JsonBuilder *builder, const HshAgreementCell *cell)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  if (isnan (cell->value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, cell->value);
  json_builder_set_member_name (builder, "n");
  json_builder_add_int_value (builder, (gint64) cell->n);
  json_builder_end_object (builder);
}

static void
add_row (JsonBuilder *builder, const HshAgreementRow *row)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, row->label != NULL ? row->label : "overall");
  for (guint m = 0; m < HSH_N_MEASURES; m++)
    {
      json_builder_set_member_name (builder, hsh_agreement_measure_id (m));
      add_cell (builder, &row->cells[m]);
    }
  json_builder_end_object (builder);
}

static void
add_table (JsonBuilder *builder, const HshAgreementTable *table)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "document_id");
  if (table->document_id > 0)
    json_builder_add_int_value (builder, table->document_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "title");
  if (table->title != NULL)
    json_builder_add_string_value (builder, table->title);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "coders");
  json_builder_add_int_value (builder, table->n_coders);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint r = 0; r < table->rows->len; r++)
    add_row (builder, g_ptr_array_index (table->rows, r));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_coders (JsonBuilder *builder, GPtrArray *coders)
{
  json_builder_begin_array (builder);
  for (guint c = 0; c < coders->len; c++)
    {
      const HshAgreementCoder *coder = g_ptr_array_index (coders, c);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, coder->id);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, coder->uuid);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, coder->name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

char *
hsh_agreement_report_to_json (HshAgreementReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (report != NULL, NULL);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, unit_name (report->unit));
  json_builder_set_member_name (builder, "coders");
  add_coders (builder, report->coders);
  json_builder_set_member_name (builder, "corpus");
  add_table (builder, report->corpus);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->documents->len; i++)
    add_table (builder, g_ptr_array_index (report->documents, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}
