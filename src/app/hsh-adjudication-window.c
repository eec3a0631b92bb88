/* hsh-adjudication-window.c: one row per candidate — its text and label, a column per coder
 * saying who made it, whether the coders agree — with Accept and Reject into the gold layer. */
#include "config.h"

#include <glib/gi18n.h>

#include "hsh-adjudication-window.h"
#include "hsh-app-util.h"
#include "hsh-refusal-dialog.h"

struct _HshAdjudicationWindow
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkGrid        *grid;

  HshWindow      *window;        /* weak */
  gint64          document_id;
  GPtrArray      *candidates;    /* HshCandidate */
};

G_DEFINE_FINAL_TYPE (HshAdjudicationWindow, hsh_adjudication_window, ADW_TYPE_WINDOW)

enum {
  DECIDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static HshStore *
get_store (HshAdjudicationWindow *self)
{
  return self->window != NULL ? hsh_window_get_store (self->window) : NULL;
}

static GtkWidget *
text_cell (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Coders in the order they first appear, so that each has one column. */
static GPtrArray *
coder_columns (GPtrArray *candidates,
               GArray    *ids)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < candidates->len; i++)
    {
      const HshCandidate *candidate = g_ptr_array_index (candidates, i);

      for (guint c = 0; c < candidate->coder_ids->len; c++)
        {
          gint64 id = g_array_index (candidate->coder_ids, gint64, c);
          gboolean known = FALSE;

          for (guint k = 0; k < ids->len && !known; k++)
            known = g_array_index (ids, gint64, k) == id;
          if (!known)
            {
              g_array_append_val (ids, id);
              g_ptr_array_add (names, g_strdup (g_ptr_array_index (candidate->coder_names, c)));
            }
        }
    }
  return names;
}

static gboolean
made_by (const HshCandidate *candidate,
         gint64              coder_id)
{
  for (guint c = 0; c < candidate->coder_ids->len; c++)
    if (g_array_index (candidate->coder_ids, gint64, c) == coder_id)
      return TRUE;
  return FALSE;
}

static const char *
status_text (const HshCandidate *candidate)
{
  if (candidate->state == HSH_CANDIDATE_ACCEPTED)
    return _("Accepted");
  if (candidate->state == HSH_CANDIDATE_REJECTED)
    return _("Rejected");
  if (candidate->unanimous)
    return candidate->values_differ ? _("All agree; details differ") : _("All agree");
  if (candidate->disagreeing)
    return _("Coders disagree");
  return _("Not everyone");
}

static GtkWidget *
decision_buttons (const HshCandidate *candidate)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *accept = gtk_button_new_with_mnemonic (_("_Accept"));
  GtkWidget *reject = gtk_button_new_with_mnemonic (_("_Reject"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (accept), "adjudication.accept");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (accept), "s", candidate->key);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (reject), "adjudication.reject");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (reject), "s", candidate->key);
  /* Visibility, not sensitivity: an actionable button's sensitivity follows its action. */
  gtk_widget_set_visible (accept, candidate->state != HSH_CANDIDATE_ACCEPTED);
  gtk_widget_set_visible (reject, candidate->state == HSH_CANDIDATE_OPEN);
  gtk_box_append (GTK_BOX (box), accept);
  gtk_box_append (GTK_BOX (box), reject);
  return box;
}

static void
fill_grid (HshAdjudicationWindow *self)
{
  g_autoptr(GArray) coder_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) coders = coder_columns (self->candidates, coder_ids);
  HshCodebook *codebook = self->window != NULL ? hsh_window_get_codebook (self->window) : NULL;
  GtkWidget *child;
  int column = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);

  gtk_grid_attach (self->grid, text_cell (_("Span"), "heading"), column++, 0, 1, 1);
  gtk_grid_attach (self->grid, text_cell (_("Label"), "heading"), column++, 0, 1, 1);
  for (guint c = 0; c < coders->len; c++)
    gtk_grid_attach (self->grid, text_cell (g_ptr_array_index (coders, c), "heading"), column++, 0, 1, 1);
  gtk_grid_attach (self->grid, text_cell (_("Coders"), "heading"), column++, 0, 1, 1);

  for (guint i = 0; i < self->candidates->len; i++)
    {
      const HshCandidate *candidate = g_ptr_array_index (self->candidates, i);
      const HshLabel *label = hsh_codebook_label (codebook, candidate->label_id);
      GtkWidget *span = text_cell (candidate->text, "annotation-text");
      GtkWidget *label_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      int row = (int) i + 1;

      column = 0;
      gtk_label_set_ellipsize (GTK_LABEL (span), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (span), 36);
      gtk_widget_set_tooltip_text (span, candidate->text);
      gtk_grid_attach (self->grid, span, column++, row, 1, 1);

      gtk_box_append (GTK_BOX (label_box), hsh_color_swatch_new (label != NULL ? label->color : NULL));
      gtk_box_append (GTK_BOX (label_box), text_cell (candidate->label, NULL));
      gtk_grid_attach (self->grid, label_box, column++, row, 1, 1);

      for (guint c = 0; c < coders->len; c++)
        gtk_grid_attach (self->grid,
                         text_cell (made_by (candidate, g_array_index (coder_ids, gint64, c)) ? "✓" : "—", NULL),
                         column++, row, 1, 1);

      gtk_grid_attach (self->grid, text_cell (status_text (candidate), candidate->disagreeing ? "error" : NULL),
                       column++, row, 1, 1);
      gtk_grid_attach (self->grid, decision_buttons (candidate), column++, row, 1, 1);
    }
}

static void
reload (HshAdjudicationWindow *self)
{
  g_autoptr(GError) error = NULL;
  HshStore *store = get_store (self);
  GPtrArray *candidates = store != NULL ? hsh_store_list_candidates (store, self->document_id, TRUE, &error) : NULL;

  if (error != NULL)
    g_warning ("Cannot list the candidates: %s", error->message);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  self->candidates = candidates != NULL ? candidates : g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_candidate_free);
  fill_grid (self);
  gtk_stack_set_visible_child_name (self->stack, self->candidates->len > 0 ? "table" : "empty");
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HshAdjudicationWindow *self = HSH_ADJUDICATION_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  HshStore *store = get_store (self);
  gboolean ok;

  if (store == NULL)
    return;

  if (g_str_equal (action_name, "adjudication.accept-agreed"))
    ok = hsh_store_accept_agreed (store, self->document_id, NULL, &error);
  else if (g_str_equal (action_name, "adjudication.accept"))
    ok = hsh_store_accept_candidate (store, self->document_id, g_variant_get_string (parameter, NULL), &error) != 0;
  else
    ok = hsh_store_reject_candidate (store, self->document_id, g_variant_get_string (parameter, NULL), &error);

  if (!ok)
    {
      hsh_show_refusal (GTK_WINDOW (self), _("Cannot Record the Decision"), error);
      return;
    }
  g_signal_emit (self, signals[DECIDED], 0);
  reload (self);
}

GPtrArray *
hsh_adjudication_window_get_candidates (HshAdjudicationWindow *self)
{
  g_return_val_if_fail (HSH_IS_ADJUDICATION_WINDOW (self), NULL);

  return self->candidates;
}

static void
hsh_adjudication_window_dispose (GObject *object)
{
  HshAdjudicationWindow *self = HSH_ADJUDICATION_WINDOW (object);

  g_clear_weak_pointer (&self->window);
  gtk_widget_dispose_template (GTK_WIDGET (self), HSH_TYPE_ADJUDICATION_WINDOW);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);

  G_OBJECT_CLASS (hsh_adjudication_window_parent_class)->dispose (object);
}

static void
hsh_adjudication_window_class_init (HshAdjudicationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hsh_adjudication_window_dispose;

  /* A candidate was accepted or rejected: the gold layer changed. */
  signals[DECIDED] = g_signal_new ("decided", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hashiya/Hashiya/hsh-adjudication-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HshAdjudicationWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HshAdjudicationWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HshAdjudicationWindow, grid);

  gtk_widget_class_install_action (widget_class, "adjudication.accept", "s", decide_action);
  gtk_widget_class_install_action (widget_class, "adjudication.reject", "s", decide_action);
  gtk_widget_class_install_action (widget_class, "adjudication.accept-agreed", NULL, decide_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hsh_adjudication_window_init (HshAdjudicationWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HshAdjudicationWindow *
hsh_adjudication_window_new (HshWindow *window)
{
  HshAdjudicationWindow *self;
  g_autoptr(HshDocument) document = NULL;

  g_return_val_if_fail (HSH_IS_WINDOW (window), NULL);

  self = g_object_new (HSH_TYPE_ADJUDICATION_WINDOW, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->document_id = hsh_window_get_document_id (window);
  document = hsh_store_get_document (hsh_window_get_store (window), self->document_id, NULL);
  adw_window_title_set_subtitle (self->window_title, document != NULL ? document->title : NULL);
  reload (self);
  return self;
}
