#!/usr/bin/python3
# tests/l10n/check-strings.py
#
# Copyright 2026 The Rosette authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that every string a user sees can be translated:
#
#  1. ui: every shown property of a GtkBuilder file under src/ (label, title,
#     subtitle, tooltip-text, placeholder-text, description, text, heading,
#     body, menu labels, string-list items, dialog responses, accessible
#     labels...) carries translatable="yes";
#  2. c: string literals passed to the C calls that show text (labels,
#     buttons, toasts, titles, status pages, dialogs, file choosers,
#     accessible labels, GError messages, g_printerr/g_print in the CLI) are
#     wrapped in _(), N_(), C_() or ngettext();
#  3. format: no marked string is glued to a format macro such as
#     G_GSIZE_FORMAT or G_GINT64_FORMAT: xgettext cuts the message at the
#     macro, so translators get "The file is too large (%" and the rest is
#     never translated (use %lu with a cast, or g_format_size ());
#  4. potfiles: every file with marked strings is in po/POTFILES.in, and the
#     .ui files with translatable strings too.
#
# A literal without letters (after taking out printf conversions and
# escapes) is never shown as words and is not reported. Intended exceptions
# are in tests/l10n/allowlist.txt, each with its reason.
#
# Usage: check-strings.py SOURCE-ROOT   (prints TAP)

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

SRCDIR = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                         os.path.join(os.path.dirname(__file__), '..', '..'))

# GtkBuilder properties whose value is shown to people.
UI_SHOWN = {
    'label', 'title', 'subtitle', 'tooltip-text', 'tooltip-markup',
    'placeholder-text', 'description', 'text', 'heading', 'body',
    'secondary-text', 'button-label', 'comments', 'translator-credits',
    'copyright', 'release-notes', 'accelerator-title', 'primary-text',
    'placeholder', 'value-name', 'title-text', 'subtitle-text',
    'alternative-text',
}

# C calls that show text: name -> indexes (0-based) of the shown
# arguments. -1 means "every argument from the index before it on, in steps
# of two" (for variadic id/label pairs).
C_SHOWN = {
    'gtk_label_new': [0],
    'gtk_label_new_with_mnemonic': [0],
    'gtk_label_set_text': [1],
    'gtk_label_set_label': [1],
    'gtk_label_set_markup': [1],
    'gtk_label_set_text_with_mnemonic': [1],
    'gtk_label_set_markup_with_mnemonic': [1],
    'gtk_button_new_with_label': [0],
    'gtk_button_new_with_mnemonic': [0],
    'gtk_button_set_label': [1],
    'gtk_check_button_new_with_label': [0],
    'gtk_check_button_new_with_mnemonic': [0],
    'gtk_check_button_set_label': [1],
    'gtk_toggle_button_new_with_label': [0],
    'gtk_menu_button_set_label': [1],
    'adw_button_content_set_label': [1],
    'adw_split_button_set_label': [1],
    'adw_toast_new': [0],
    'adw_toast_set_title': [1],
    'adw_toast_set_button_label': [1],
    'gtk_window_set_title': [1],
    'adw_window_title_new': [0, 1],
    'adw_window_title_set_title': [1],
    'adw_window_title_set_subtitle': [1],
    'adw_preferences_row_set_title': [1],
    'adw_preferences_page_set_title': [1],
    'adw_preferences_group_set_title': [1],
    'adw_preferences_group_set_description': [1],
    'adw_action_row_set_subtitle': [1],
    'adw_expander_row_set_subtitle': [1],
    'adw_status_page_set_title': [1],
    'adw_status_page_set_description': [1],
    'adw_view_stack_add_titled': [3],
    'adw_view_stack_page_set_title': [1],
    'gtk_stack_add_titled': [3],
    'gtk_widget_set_tooltip_text': [1],
    'gtk_widget_set_tooltip_markup': [1],
    'gtk_entry_set_placeholder_text': [1],
    'gtk_text_set_placeholder_text': [1],
    'gtk_progress_bar_set_text': [1],
    'adw_message_dialog_new': [1, 2],
    'adw_message_dialog_set_heading': [1],
    'adw_message_dialog_set_body': [1],
    'adw_message_dialog_format_heading': [1],
    'adw_message_dialog_format_body': [1],
    'adw_message_dialog_add_response': [2],
    'adw_message_dialog_set_response_label': [2],
    'adw_message_dialog_add_responses': [2, -1],
    'gtk_file_chooser_native_new': [0, 2, 3],
    'gtk_file_filter_set_name': [1],
    'gtk_string_list_append': [1],
    'g_menu_append': [1],
    'g_menu_item_new': [0],
    'g_menu_insert': [2],
    'g_notification_new': [0],
    'g_notification_set_body': [1],
    'g_notification_add_button': [1],
    'adw_about_window_set_comments': [1],
    'adw_about_window_set_translator_credits': [1],
    'adw_about_window_add_link': [1],
    'adw_about_window_add_credit_section': [1],
    'adw_about_window_add_acknowledgement_section': [1],
    # Error messages end up in toasts, dialogs and on the terminal.
    'g_set_error': [3],
    'g_set_error_literal': [3],
    'g_task_return_new_error': [3],
    'g_prefix_error': [1],
    'g_prefix_error_literal': [1],
    'g_propagate_prefixed_error': [2],
    'g_error_new': [2],
    'g_error_new_literal': [2],
    'g_option_context_new': [0],
    'g_option_context_set_summary': [1],
    'g_option_context_set_description': [1],
}
# Calls that only show text in the command-line tool (elsewhere they are
# debugging output).
C_SHOWN_CLI = {
    'g_printerr': [0],
    'g_print': [0],
}

MARKERS = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dgettext|'
                     r'g_dpgettext2?|dngettext|dgettext|gettext)\s*\(')
PRINTF = re.compile(r'%(?:[0-9]+\$)?[-+ #0\']*(?:\*|[0-9]+)?(?:\.(?:\*|[0-9]+))?'
                    r'(?:hh|h|ll|l|L|q|j|z|Z|t)?[diouxXeEfFgGaAcspnm%]|%" *G_G?[A-Z0-9_]+ *"')
ESCAPES = re.compile(r'\\(?:[0-7]{1,3}|x[0-9a-fA-F]+|.)')
WORDS = re.compile(r'[A-Za-z]{2,}')


def rel (path):
    return os.path.relpath(path, SRCDIR)


def load_allowlist ():
    """Lines: KIND<TAB>FILE<TAB>TEXT<TAB>REASON. Returns {(kind, file, text)}."""
    allowed = {}
    path = os.path.join(SRCDIR, 'tests', 'l10n', 'allowlist.txt')
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            parts = line.split('\t')
            if len(parts) != 4 or not parts[3].strip():
                raise SystemExit('allowlist.txt:%d: want KIND, FILE, TEXT and a REASON, '
                                 'separated by tabs' % n)
            allowed[(parts[0], parts[1], parts[2])] = False
    return allowed


def shows_words (text):
    text = PRINTF.sub('', text)
    text = ESCAPES.sub('', text)
    return WORDS.search(text) is not None


def source_files (exts):
    for top in ('src',):
        for dirpath, dirnames, filenames in os.walk(os.path.join(SRCDIR, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(exts):
                    yield os.path.join(dirpath, name)


# --- .ui ------------------------------------------------------------------

def check_ui (allowed):
    problems = []
    for path in source_files(('.ui',)):
        try:
            tree = ET.parse(path)
        except ET.ParseError as e:
            problems.append('%s: not well-formed XML: %s' % (rel(path), e))
            continue
        for elem in tree.iter():
            tag = elem.tag
            name = elem.get('name')
            shown = ((tag in ('property', 'attribute') and name in UI_SHOWN)
                     or tag in ('item', 'response', 'mark'))
            if tag == 'item' and len(elem):
                shown = False        # a GMenu <item> holds attributes
            if not shown:
                continue
            text = (elem.text or '').strip()
            if not text or not shows_words(text):
                continue
            if elem.get('translatable') == 'yes':
                continue
            key = ('ui', rel(path), text)
            if key in allowed:
                allowed[key] = True
                continue
            problems.append('%s: <%s name="%s"> "%s" is shown but not translatable="yes"'
                            % (rel(path), tag, name or '', text))
    return problems


# --- C --------------------------------------------------------------------

def strip_comments (code):
    """Blanks out comments, keeping strings, chars and line numbers."""
    out = []
    i, n = 0, len(code)
    while i < n:
        c = code[i]
        if code.startswith('/*', i):
            j = code.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', code[i:j]))
            i = j
        elif code.startswith('//', i):
            j = code.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        elif c in '"\'':
            j = i + 1
            while j < n and code[j] != c:
                j += 2 if code[j] == '\\' else 1
            out.append(code[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def call_args (code, start):
    """Splits the arguments of the call whose '(' is at START. Returns a list
    of argument texts, or None when the call does not close."""
    args, depth, i, n, arg_start = [], 0, start, len(code), start + 1
    while i < n:
        c = code[i]
        if c in '"\'':
            j = i + 1
            while j < n and code[j] != c:
                j += 2 if code[j] == '\\' else 1
            i = j + 1
            continue
        if c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
            if depth == 0:
                args.append(code[arg_start:i])
                return args
        elif c == ',' and depth == 1:
            args.append(code[arg_start:i])
            arg_start = i + 1
        i += 1
    return None


def bare_literals (arg):
    """String literals of ARG that are not inside any call (so not inside
    _() either): the literal itself, or each branch of a ?: """
    found, depth, i, n = [], 0, 0, len(arg)
    current = None
    while i < n:
        c = arg[i]
        if c == '"':
            j = i + 1
            while j < n and arg[j] != '"':
                j += 2 if arg[j] == '\\' else 1
            if depth == 0:
                # Adjacent literals concatenate.
                if current is not None:
                    current += arg[i + 1:j]
                else:
                    current = arg[i + 1:j]
            i = j + 1
            continue
        if c == '\'':
            j = i + 1
            while j < n and arg[j] != '\'':
                j += 2 if arg[j] == '\\' else 1
            i = j + 1
            continue
        if not c.isspace() and current is not None:
            found.append(current)
            current = None
        if c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
        i += 1
    if current is not None:
        found.append(current)
    return found


CALL = re.compile(r'(?<![A-Za-z0-9_])([a-z_][a-z0-9_]*)\s*\(')
ACCESSIBLE = re.compile(r'GTK_ACCESSIBLE_(?:PROPERTY|STATE)_(?:LABEL|DESCRIPTION|PLACEHOLDER|'
                        r'ROLE_DESCRIPTION|VALUE_TEXT)\s*,\s*("(?:[^"\\]|\\.)*")')


def check_c (allowed):
    problems = []
    for path in source_files(('.c', '.h')):
        r = rel(path)
        in_cli = r.startswith('src/cli/')
        with open(path, encoding='utf-8') as f:
            code = strip_comments(f.read())
        hits = []
        for m in CALL.finditer(code):
            name = m.group(1)
            indexes = C_SHOWN.get(name) or (C_SHOWN_CLI.get(name) if in_cli else None)
            if not indexes:
                continue
            args = call_args(code, m.end() - 1)
            if args is None:
                continue
            wanted = set(i for i in indexes if i >= 0)
            if -1 in indexes:
                first = max(i for i in indexes if i >= 0)
                wanted.update(range(first, len(args), 2))
            for i in sorted(wanted):
                if i < len(args):
                    for text in bare_literals(args[i]):
                        hits.append((m.start(), name, text))
        for m in ACCESSIBLE.finditer(code):
            hits.append((m.start(), 'gtk_accessible_update_property', m.group(1)[1:-1]))
        for pos, name, text in hits:
            if not shows_words(text):
                continue
            key = ('c', r, text)
            if key in allowed:
                allowed[key] = True
                continue
            line = code.count('\n', 0, pos) + 1
            problems.append('%s:%d: %s () shows "%s" without _()' % (r, line, name, text))
    return problems


# --- marked strings glued to format macros ---------------------------------

MACRO_IN_MSG = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|ngettext|g_dngettext)\s*\(\s*'
                          r'(?:"(?:[^"\\]|\\.)*"\s*)*"((?:[^"\\]|\\.)*)"\s*'
                          r'(G_G?[A-Z0-9]+_(?:FORMAT|MODIFIER)|PRI[diouxX][A-Z0-9]*)')


def check_format_macros (allowed):
    problems = []
    for path in source_files(('.c', '.h')):
        r = rel(path)
        with open(path, encoding='utf-8') as f:
            code = strip_comments(f.read())
        for m in MACRO_IN_MSG.finditer(code):
            key = ('format', r, m.group(1))
            if key in allowed:
                allowed[key] = True
                continue
            line = code.count('\n', 0, m.start()) + 1
            problems.append('%s:%d: "%s" %s inside _(): translators only see the part before '
                            'the macro' % (r, line, m.group(1), m.group(2)))
    return problems


# --- POTFILES -------------------------------------------------------------

def check_potfiles ():
    script = os.path.join(SRCDIR, 'build-aux', 'check-potfiles.sh')
    proc = subprocess.run(['sh', script, SRCDIR], capture_output=True, text=True)
    if proc.returncode == 0:
        return []
    return [line for line in proc.stderr.splitlines() if line.strip()] or ['check-potfiles failed']


def main ():
    allowed = load_allowlist()
    checks = [
        ('every shown .ui property is translatable', lambda: check_ui(allowed)),
        ('every shown C string literal is marked for translation', lambda: check_c(allowed)),
        ('no marked string is cut by a format macro', lambda: check_format_macros(allowed)),
        ('po/POTFILES.in lists every file with translatable strings', check_potfiles),
    ]
    print('1..%d' % (len(checks) + 1))
    failed = False
    for n, (title, run) in enumerate(checks, 1):
        problems = run()
        print('%s %d - %s' % ('not ok' if problems else 'ok', n, title))
        for p in problems:
            print('# ' + p)
        failed = failed or bool(problems)
    # An allow-list entry nobody needs any more hides nothing: drop it.
    stale = [k for k, used in allowed.items() if not used]
    n = len(checks) + 1
    print('%s %d - every allow-list entry is still needed' % ('not ok' if stale else 'ok', n))
    for kind, f, text in stale:
        print('# allowlist.txt: %s %s "%s" no longer occurs' % (kind, f, text))
    return 1 if failed or stale else 0


if __name__ == '__main__':
    sys.exit(main())
