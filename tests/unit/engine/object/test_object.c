/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the object model: type registration and inheritance, the
 * order of init/realize/finalize, property defaults, parsing and formatting
 * of every property type, on_set rejection, paths, "PATH.PROP=VALUE"
 * assignments and the exact error messages users see.
 */
#include <errno.h>
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "engine/io/diag.h"
#include "engine/object/object.h"
#include "tests/unit/common/capture.h"

/* ---- a diagnostics sink that keeps what it is told ------------------------ */

struct sink_buf {
    char text[2048];
    unsigned count;
};

static void sink_report(void *opaque, enum diag_level level, const char *msg)
{
    struct sink_buf *b = opaque;
    size_t used = strlen(b->text);
    snprintf(b->text + used, sizeof(b->text) - used, "%s%s\n",
             level == DIAG_WARN ? "warning: " : "", msg);
    b->count++;
}

/* ---- test types ---------------------------------------------------------- */

/* What init, realize and finalize did, in order. */
static char trace[512];

static void trace_add(const char *what, const struct object *obj)
{
    snprintf(trace + strlen(trace), sizeof(trace) - strlen(trace), "%s:%s ", what, obj->name);
}

struct widget {
    struct object obj;
    char *label;
    char *file;
    int64_t offset;
    uint64_t count;
    uint64_t size;
    bool enabled;
    int mode;
    uint64_t addr;
    int64_t neg;
    uint64_t locked;
    int64_t even;
    char *word;
    bool fail_realize;
};

struct gadget {
    struct widget w;
    uint64_t extra;
};

static const char *const mode_names[] = {"fast", "slow", "off", NULL};

static int widget_on_even(struct object *obj, const struct prop_def *def, const struct diag *d)
{
    (void)def;
    if (((struct widget *)obj)->even % 2 == 0)
        return 0;
    diag_error(d, "%s.even: %" PRId64 " is odd", obj->name, ((struct widget *)obj)->even);
    return -EINVAL;
}

static int widget_on_word(struct object *obj, const struct prop_def *def, const struct diag *d)
{
    (void)def;
    const char *w = ((struct widget *)obj)->word;
    if (!w || strcmp(w, "bad"))
        return 0;
    diag_error(d, "%s.word: 'bad' is not allowed", obj->name);
    return -EINVAL;
}

static int widget_init(struct object *obj)
{
    trace_add("widget-init", obj);
    return 0;
}

static int widget_realize(struct object *obj)
{
    trace_add("realize", obj);
    return ((struct widget *)obj)->fail_realize ? -EIO : 0;
}

static void widget_finalize(struct object *obj)
{
    trace_add("widget-fini", obj);
}

/* One property per entry reads better than one field per line. */
/* clang-format off */
static const struct prop_def widget_props[] = {
    {.name = "label", .type = PROP_STRING, .offset = offsetof(struct widget, label),
     .defval = "hello", .help = "a label"},
    {.name = "file", .type = PROP_PATH, .offset = offsetof(struct widget, file),
     .help = "an image file"},
    {.name = "offset", .type = PROP_INT, .offset = offsetof(struct widget, offset),
     .defval = "-3", .help = "signed"},
    {.name = "count", .type = PROP_UINT, .offset = offsetof(struct widget, count),
     .defval = "1", .help = "how many"},
    {.name = "size", .type = PROP_SIZE, .offset = offsetof(struct widget, size),
     .defval = "128M", .help = "bytes"},
    {.name = "enabled", .type = PROP_BOOL, .offset = offsetof(struct widget, enabled),
     .defval = "on", .help = "switch"},
    {.name = "mode", .type = PROP_ENUM, .offset = offsetof(struct widget, mode),
     .defval = "slow", .enum_names = mode_names, .help = "speed"},
    {.name = "addr", .type = PROP_UINT, .offset = offsetof(struct widget, addr),
     .defval = "0x1000", .flags = PROP_HEX, .help = "an address"},
    {.name = "neg", .type = PROP_INT, .offset = offsetof(struct widget, neg),
     .flags = PROP_HEX, .help = "hex signed"},
    {.name = "locked", .type = PROP_UINT, .offset = offsetof(struct widget, locked),
     .flags = PROP_FIXED_AFTER_REALIZE, .help = "fixed once running"},
    {.name = "even", .type = PROP_INT, .offset = offsetof(struct widget, even),
     .defval = "2", .on_set = widget_on_even, .help = "must be even"},
    {.name = "word", .type = PROP_STRING, .offset = offsetof(struct widget, word),
     .on_set = widget_on_word, .help = "anything but 'bad'"},
    {.name = "fail-realize", .type = PROP_BOOL, .offset = offsetof(struct widget, fail_realize),
     .help = "make realize fail"},
    {0},
};
/* clang-format on */

static const struct object_type widget_type = {
    .name = "widget",
    .parent = "object",
    .instance_size = sizeof(struct widget),
    .help = "a test object",
    .props = widget_props,
    .init = widget_init,
    .realize = widget_realize,
    .finalize = widget_finalize,
};

static int gadget_init(struct object *obj)
{
    trace_add("gadget-init", obj);
    /* Base init ran first and every default, own and inherited, is set. */
    struct gadget *g = (struct gadget *)obj;
    return g->extra == 7 && g->w.count == 1 ? 0 : -EINVAL;
}

static void gadget_finalize(struct object *obj)
{
    trace_add("gadget-fini", obj);
}

/* clang-format off */
static const struct prop_def gadget_props[] = {
    {.name = "extra", .type = PROP_UINT, .offset = offsetof(struct gadget, extra),
     .defval = "7", .help = "one more"},
    {0},
};
/* clang-format on */

static const struct object_type gadget_type = {
    .name = "gadget",
    .parent = "widget",
    .instance_size = sizeof(struct gadget),
    .props = gadget_props,
    .init = gadget_init,
    .finalize = gadget_finalize,
};

static int broken_init(struct object *obj)
{
    trace_add("broken-init", obj);
    return -ENODEV;
}

/* A widget whose own init fails: only the base part gets finalized. */
static const struct object_type broken_type = {
    .name = "broken",
    .parent = "widget",
    .instance_size = sizeof(struct widget),
    .init = broken_init,
    .finalize = gadget_finalize,
};

static int setup_types(void **state)
{
    (void)state;
    object_init_types();
    object_init_types(); /* idempotent */
    if (object_type_register(&widget_type) || object_type_register(&gadget_type) ||
        object_type_register(&broken_type))
        return -1;
    return 0;
}

/* A fresh board: / with /app (widget) holding cpu0 and cpu1, and /uart0. */
static struct object *board;

static int setup_board(void **state)
{
    (void)state;
    board = object_new("container", NULL, "board");
    if (!board || !object_new("widget", board, "app") || !object_new("widget", board, "uart0"))
        return -1;
    struct object *app = object_child(board, "app");
    if (!object_new("widget", app, "cpu0") || !object_new("gadget", app, "cpu1"))
        return -1;
    trace[0] = '\0';
    return 0;
}

static int teardown_board(void **state)
{
    (void)state;
    object_unref(board);
    board = NULL;
    return 0;
}

static struct widget *widget_at(const char *path)
{
    struct object *obj = object_resolve(board, path);
    assert_non_null(obj);
    return (struct widget *)obj;
}

static void assert_set_fails(struct object *obj, const char *prop, const char *value, int err,
                             const char *message)
{
    capture_begin(STDERR_FILENO);
    int ret = object_set_prop_str(obj, prop, value, NULL);
    const char *out = capture_end();
    assert_int_equal(ret, err);
    assert_string_equal(out, message);
}

static void assert_prop(struct object *obj, const char *prop, const char *expected)
{
    char buf[128];
    assert_int_equal(object_get_prop_str(obj, prop, buf, sizeof(buf)), 0);
    assert_string_equal(buf, expected);
}

/* ---- types --------------------------------------------------------------- */

static void test_type_registry(void **state)
{
    (void)state;
    const struct object_type *object = object_type_find("object");
    assert_non_null(object);
    assert_null(object->parent);
    assert_string_equal(object_type_find("container")->parent, "object");
    assert_ptr_equal(object_type_find("gadget"), &gadget_type);
    assert_null(object_type_find("nosuch"));

    assert_true(object_type_is(&gadget_type, "gadget"));
    assert_true(object_type_is(&gadget_type, "widget"));
    assert_true(object_type_is(&gadget_type, "object"));
    assert_false(object_type_is(&widget_type, "gadget"));
    assert_false(object_type_is(&gadget_type, "container"));
}

static void test_type_register_errors(void **state)
{
    (void)state;
    static const struct object_type dup = {
        .name = "widget", .parent = "object", .instance_size = sizeof(struct widget)};
    static const struct object_type orphan = {
        .name = "orphan", .parent = "nosuch", .instance_size = sizeof(struct object)};
    static const struct object_type small = {
        .name = "small", .parent = "widget", .instance_size = sizeof(struct object)};

    assert_int_equal(object_type_register(&widget_type), -EEXIST); /* same type: silent */
    capture_begin(STDERR_FILENO);
    assert_int_equal(object_type_register(&dup), -EEXIST);
    assert_int_equal(object_type_register(&orphan), -ENOENT);
    assert_int_equal(object_type_register(&small), -EINVAL);
    const char *out = capture_end();
    assert_non_null(strstr(out, "mosaic: error: type 'widget' is already registered\n"));
    assert_non_null(
        strstr(out, "mosaic: error: type 'orphan': parent type 'nosuch' is not registered\n"));
    assert_non_null(strstr(out, "type 'small': instance size"));
    assert_null(object_type_find("orphan"));
}

static void collect_name(const struct object_type *type, void *opaque)
{
    strcat(opaque, type->name);
    strcat(opaque, " ");
}

static void test_type_foreach(void **state)
{
    (void)state;
    char names[256] = "";
    object_type_foreach("widget", collect_name, names);
    assert_string_equal(names, "broken gadget widget ");
    names[0] = '\0';
    object_type_foreach("object", collect_name, names);
    assert_string_equal(names, "broken container gadget object widget ");
}

/* ---- creation and destruction ------------------------------------------------ */

static void test_init_and_finalize_order(void **state)
{
    (void)state;
    trace[0] = '\0';
    struct object *g = object_new("gadget", board, "g");
    assert_non_null(g);
    assert_string_equal(trace, "widget-init:g gadget-init:g ");
    trace[0] = '\0';
    object_unref(g);
    assert_string_equal(trace, "gadget-fini:g widget-fini:g ");
    assert_null(object_child(board, "g"));
}

static void test_unref_children_first(void **state)
{
    (void)state;
    object_unref(object_child(board, "app"));
    assert_string_equal(trace, "widget-fini:cpu0 gadget-fini:cpu1 widget-fini:cpu1 "
                               "widget-fini:app ");
    assert_ptr_equal(board->first_child, object_child(board, "uart0"));
    assert_ptr_equal(board->last_child, board->first_child);
}

static void test_init_failure(void **state)
{
    (void)state;
    capture_begin(STDERR_FILENO);
    struct object *obj = object_new("broken", board, "b");
    const char *out = capture_end();
    assert_null(obj);
    assert_string_equal(out, "mosaic: error: /b: cannot create a broken: No such device\n");
    /* The base part was constructed, so only it is finalized. */
    assert_string_equal(trace, "widget-init:b broken-init:b widget-fini:b ");
    assert_null(object_child(board, "b"));
}

static void test_children_keep_creation_order(void **state)
{
    (void)state;
    struct object *app = object_resolve(board, "/app");
    struct object *c2 = object_new("container", app, "z2");
    struct object *c3 = object_new("container", app, "a3");
    assert_ptr_equal(app->first_child, object_child(app, "cpu0"));
    assert_ptr_equal(app->first_child->next_sibling, object_child(app, "cpu1"));
    assert_ptr_equal(app->first_child->next_sibling->next_sibling, c2);
    assert_ptr_equal(c2->next_sibling, c3);
    assert_ptr_equal(app->last_child, c3);
    assert_ptr_equal(c3->parent, app);
    object_unref(c2);
    assert_ptr_equal(object_child(app, "cpu1")->next_sibling, c3);
}

static void test_new_errors(void **state)
{
    (void)state;
    struct object *app = object_resolve(board, "/app");
    capture_begin(STDERR_FILENO);
    assert_null(object_new("widget", app, "cpu0"));
    assert_null(object_new("widget", board, "app"));
    assert_null(object_new("widget", app, "a.b"));
    assert_null(object_new("widget", app, ""));
    assert_null(object_new("nosuch", app, "x"));
    const char *out = capture_end();
    assert_string_equal(out,
                        "mosaic: error: /app/cpu0 already exists\n"
                        "mosaic: error: /app already exists\n"
                        "mosaic: error: 'a.b' is not a valid object name (use letters, digits, "
                        "'_' and '-')\n"
                        "mosaic: error: '' is not a valid object name (use letters, digits, "
                        "'_' and '-')\n"
                        "mosaic: error: unknown object type 'nosuch' (types: broken, container, "
                        "gadget, object, widget)\n");
    assert_non_null(object_new("widget", app, "Cpu_2-b"));
}

static void test_is(void **state)
{
    (void)state;
    assert_true(object_is(object_resolve(board, "/app/cpu1"), "widget"));
    assert_true(object_is(object_resolve(board, "/app/cpu1"), "gadget"));
    assert_false(object_is(object_resolve(board, "/app/cpu0"), "gadget"));
    assert_true(object_is(board, "container"));
    assert_false(object_is(NULL, "object"));
}

/* ---- properties ------------------------------------------------------------ */

static void test_defaults(void **state)
{
    (void)state;
    struct widget *w = widget_at("/app");
    assert_string_equal(w->label, "hello");
    assert_null(w->file);
    assert_int_equal(w->offset, -3);
    assert_int_equal(w->count, 1);
    assert_int_equal(w->size, 128 << 20);
    assert_true(w->enabled);
    assert_int_equal(w->mode, 1);
    assert_int_equal(w->addr, 0x1000);
    assert_int_equal(w->even, 2);
    assert_false(w->fail_realize);
    struct gadget *g = (struct gadget *)widget_at("/app/cpu1");
    assert_int_equal(g->extra, 7);
    assert_string_equal(g->w.label, "hello");
}

static void test_string_and_path(void **state)
{
    (void)state;
    struct object *app = object_resolve(board, "/app");
    struct widget *w = (struct widget *)app;
    assert_int_equal(object_set_prop_str(app, "label", "a b.c=d", NULL), 0);
    assert_string_equal(w->label, "a b.c=d");
    assert_int_equal(object_set_prop_str(app, "label", "", NULL), 0);
    assert_string_equal(w->label, "");
    assert_int_equal(object_set_prop_str(app, "file", "images/fw.elf", NULL), 0);
    assert_string_equal(w->file, "images/fw.elf"); /* relative paths stay relative */
    assert_prop(app, "file", "images/fw.elf");
    assert_prop(app, "word", ""); /* NULL reads as empty */
}

static void test_int(void **state)
{
    (void)state;
    struct object *app = object_resolve(board, "/app");
    struct widget *w = (struct widget *)app;
    assert_int_equal(object_set_prop_str(app, "offset", "-0x10", NULL), 0);
    assert_int_equal(w->offset, -16);
    assert_prop(app, "offset", "-16");
    assert_int_equal(object_set_prop_str(app, "offset", "-9223372036854775808", NULL), 0);
    assert_true(w->offset == INT64_MIN);
    assert_set_fails(app, "offset", "abc", -EINVAL,
                     "mosaic: error: /app.offset: 'abc' is not a number\n");
    assert_set_fails(app, "offset", "9223372036854775808", -ERANGE,
                     "mosaic: error: /app.offset: '9223372036854775808' is out of range "
                     "(-9223372036854775808 to 9223372036854775807)\n");
    assert_set_fails(app, "offset", "4K", -EINVAL,
                     "mosaic: error: /app.offset: '4K' is not a number\n");
    assert_true(w->offset == INT64_MIN); /* failures leave the value alone */

    assert_int_equal(object_set_prop_str(app, "neg", "-255", NULL), 0);
    assert_prop(app, "neg", "-0xff");
    assert_int_equal(object_set_prop_str(app, "neg", "0b1010", NULL), 0);
    assert_prop(app, "neg", "0xa");
}

static void test_uint(void **state)
{
    (void)state;
    struct object *app = object_resolve(board, "/app");
    struct widget *w = (struct widget *)app;
    assert_int_equal(object_set_prop_str(app, "count", "18446744073709551615", NULL), 0);
    assert_true(w->count == UINT64_MAX);
    assert_set_fails(app, "count", "abc", -EINVAL,
                     "mosaic: error: /app.count: 'abc' is not a number\n");
    assert_set_fails(app, "count", "18446744073709551616", -ERANGE,
                     "mosaic: error: /app.count: '18446744073709551616' is out of range "
                     "(0 to 18446744073709551615)\n");
    assert_set_fails(app, "count", "-1", -ERANGE,
                     "mosaic: error: /app.count: '-1' is out of range "
                     "(0 to 18446744073709551615)\n");
    assert_set_fails(app, "count", "2M", -EINVAL,
                     "mosaic: error: /app.count: '2M' is not a number\n");
    assert_set_fails(app, "count", "", -EINVAL, "mosaic: error: /app.count: '' is not a number\n");
    assert_true(w->count == UINT64_MAX);

    assert_int_equal(object_set_prop_str(app, "addr", "0x80000000", NULL), 0);
    assert_int_equal(w->addr, 0x80000000u);
    assert_prop(app, "addr", "0x80000000");
    assert_prop(app, "count", "18446744073709551615");
}

static void test_size(void **state)
{
    (void)state;
    struct object *app = object_resolve(board, "/app");
    struct widget *w = (struct widget *)app;
    assert_prop(app, "size", "128M");
    assert_int_equal(object_set_prop_str(app, "size", "2g", NULL), 0);
    assert_int_equal(w->size, UINT64_C(2) << 30);
    assert_prop(app, "size", "2G");
    assert_int_equal(object_set_prop_str(app, "size", "1536K", NULL), 0);
    assert_prop(app, "size", "1536K");
    assert_int_equal(object_set_prop_str(app, "size", "1T", NULL), 0);
    assert_prop(app, "size", "1T");
    assert_int_equal(object_set_prop_str(app, "size", "4097", NULL), 0);
    assert_prop(app, "size", "4097");
    assert_int_equal(object_set_prop_str(app, "size", "0", NULL), 0);
    assert_prop(app, "size", "0");
    assert_set_fails(app, "size", "16777216T", -ERANGE,
                     "mosaic: error: /app.size: '16777216T' is out of range "
                     "(0 to 18446744073709551615)\n");
    assert_set_fails(app, "size", "12Q", -EINVAL,
                     "mosaic: error: /app.size: '12Q' is not a size (a number with an optional "
                     "K, M, G or T)\n");
    assert_set_fails(app, "size", "1MK", -EINVAL,
                     "mosaic: error: /app.size: '1MK' is not a size (a number with an optional "
                     "K, M, G or T)\n");
    assert_int_equal(w->size, 0);
}

static void test_bool(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        bool value;
    } cases[] = {{"off", false}, {"on", true}, {"false", false}, {"true", true}, {"no", false},
                 {"yes", true},  {"0", false}, {"1", true},      {"OFF", false}, {"Yes", true}};
    struct object *app = object_resolve(board, "/app");
    struct widget *w = (struct widget *)app;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        assert_int_equal(object_set_prop_str(app, "enabled", cases[i].text, NULL), 0);
        assert_int_equal(w->enabled, cases[i].value);
        assert_prop(app, "enabled", cases[i].value ? "on" : "off");
    }
    assert_set_fails(app, "enabled", "maybe", -EINVAL,
                     "mosaic: error: /app.enabled: 'maybe' is not a boolean "
                     "(on/off, true/false, yes/no, 1/0)\n");
    assert_true(w->enabled);
}

static void test_enum(void **state)
{
    (void)state;
    struct object *app = object_resolve(board, "/app");
    struct widget *w = (struct widget *)app;
    assert_prop(app, "mode", "slow");
    assert_int_equal(object_set_prop_str(app, "mode", "off", NULL), 0);
    assert_int_equal(w->mode, 2);
    assert_prop(app, "mode", "off");
    assert_set_fails(app, "mode", "Fast", -EINVAL,
                     "mosaic: error: /app.mode: 'Fast' is not a valid choice "
                     "(choices: fast, slow, off)\n");
    assert_int_equal(w->mode, 2);
}

static void test_on_set_rejection_restores(void **state)
{
    (void)state;
    struct object *app = object_resolve(board, "/app");
    struct widget *w = (struct widget *)app;
    assert_int_equal(object_set_prop_str(app, "even", "4", NULL), 0);
    assert_set_fails(app, "even", "5", -EINVAL, "mosaic: error: app.even: 5 is odd\n");
    assert_int_equal(w->even, 4);
    capture_begin(STDERR_FILENO);
    assert_int_equal(object_set_prop_int(app, "even", 7), -EINVAL);
    assert_string_equal(capture_end(), "mosaic: error: app.even: 7 is odd\n");
    assert_int_equal(w->even, 4);

    assert_int_equal(object_set_prop_str(app, "word", "good", NULL), 0);
    char *before = w->word;
    assert_set_fails(app, "word", "bad", -EINVAL,
                     "mosaic: error: app.word: 'bad' is not allowed\n");
    assert_ptr_equal(w->word, before);
    assert_string_equal(w->word, "good");
}

/* With a sink, every error of the property API (parsing, on_set, unknown
 * names, fixed after realize, assignments) reaches it as one message, word
 * for word what the log would have printed, and nothing reaches the log. */
static void test_errors_through_sink(void **state)
{
    (void)state;
    struct sink_buf b = {0};
    const struct diag d = {sink_report, &b};
    struct object *app = object_resolve(board, "/app");
    capture_begin(STDERR_FILENO);
    assert_int_equal(object_set_prop_str(app, "count", "abc", &d), -EINVAL);
    assert_int_equal(object_set_prop_str(app, "size", "-1", &d), -ERANGE);
    assert_int_equal(object_set_prop_str(app, "mode", "Fast", &d), -EINVAL);
    assert_int_equal(object_set_prop_str(app, "even", "3", &d), -EINVAL);
    assert_int_equal(object_set_prop_str(board, "x", "1", &d), -ENOENT);
    assert_int_equal(object_set_assignment(board, "/ap.count=1", &d), -ENOENT);
    assert_int_equal(object_set_assignment(board, "/app", &d), -EINVAL);
    assert_null(object_lookup(board, "app/cpu7", &d));
    assert_null(object_lookup_prop(app, "nope", &d));
    assert_int_equal(object_realize_tree(board), 0);
    assert_int_equal(object_set_prop_str(app, "locked", "1", &d), -EBUSY);
    assert_int_equal(object_set_assignment(board, "/app.count=7", &d), 0);
    assert_string_equal(capture_end(), "");
    assert_string_equal(b.text,
                        "/app.count: 'abc' is not a number\n"
                        "/app.size: '-1' is out of range (0 to 18446744073709551615)\n"
                        "/app.mode: 'Fast' is not a valid choice (choices: fast, slow, off)\n"
                        "app.even: 3 is odd\n"
                        "/: no property 'x' (a container has no properties)\n"
                        "no object '/ap' (objects under /: app, uart0)\n"
                        "'/app': expected PATH.PROPERTY=VALUE, e.g. /app.cpus=2\n"
                        "no object 'app/cpu7' (objects under /app: cpu0, cpu1)\n"
                        "/app: no property 'nope' (properties: label, file, offset, count, size, "
                        "enabled, mode, addr, neg, locked, even, word, fail-realize)\n"
                        "/app.locked: cannot be changed once the board is realized\n");
    assert_int_equal(b.count, 10);
    assert_int_equal(((struct widget *)app)->count, 7);
}

static void collect_prop_name(const struct object *obj, const struct prop_def *def, void *buf)
{
    (void)obj;
    snprintf((char *)buf + strlen(buf), 256 - strlen(buf), "%s ", def->name);
}

/* Ancestors' properties first, as -info qom-tree prints them. */
static void test_foreach_prop(void **state)
{
    (void)state;
    char names[256] = "";
    object_foreach_prop(object_resolve(board, "/app/cpu1"), collect_prop_name, names);
    assert_string_equal(names, "label file offset count size enabled mode addr neg locked even "
                               "word fail-realize extra ");
    names[0] = '\0';
    object_foreach_prop(board, collect_prop_name, names);
    assert_string_equal(names, "");
}

static void test_unknown_property(void **state)
{
    (void)state;
    assert_set_fails(object_resolve(board, "/app/cpu1"), "cpu", "1", -ENOENT,
                     "mosaic: error: /app/cpu1: no property 'cpu' (properties: label, file, "
                     "offset, count, size, enabled, mode, addr, neg, locked, even, word, "
                     "fail-realize, extra)\n");
    assert_set_fails(board, "x", "1", -ENOENT,
                     "mosaic: error: /: no property 'x' (a container has no properties)\n");
    char buf[16];
    capture_discard(STDERR_FILENO);
    assert_int_equal(object_get_prop_str(board, "x", buf, sizeof(buf)), -ENOENT);
    capture_end();
    assert_null(object_find_prop(board, "x"));
    assert_ptr_equal(object_find_prop(object_resolve(board, "app/cpu1"), "extra"),
                     &gadget_props[0]);
    assert_ptr_equal(object_find_prop(object_resolve(board, "app/cpu1"), "label"),
                     &widget_props[0]);
}

static void test_fixed_after_realize(void **state)
{
    (void)state;
    struct object *app = object_resolve(board, "/app");
    assert_int_equal(object_set_prop_str(app, "locked", "5", NULL), 0);
    assert_int_equal(object_realize_tree(board), 0);
    assert_set_fails(app, "locked", "6", -EBUSY,
                     "mosaic: error: /app.locked: cannot be changed once the board is "
                     "realized\n");
    capture_discard(STDERR_FILENO);
    assert_int_equal(object_set_prop_int(app, "locked", 6), -EBUSY);
    capture_end();
    assert_int_equal(((struct widget *)app)->locked, 5);
    assert_int_equal(object_set_prop_str(app, "count", "6", NULL), 0); /* not fixed */
}

static void test_set_prop_int(void **state)
{
    (void)state;
    struct object *app = object_resolve(board, "/app");
    struct widget *w = (struct widget *)app;
    assert_int_equal(object_set_prop_int(app, "offset", -42), 0);
    assert_int_equal(w->offset, -42);
    assert_int_equal(object_set_prop_int(app, "size", 4096), 0);
    assert_int_equal(w->size, 4096);
    assert_int_equal(object_set_prop_int(app, "enabled", 0), 0);
    assert_false(w->enabled);
    assert_int_equal(object_set_prop_int(app, "mode", 0), 0);
    assert_int_equal(w->mode, 0);
    capture_begin(STDERR_FILENO);
    assert_int_equal(object_set_prop_int(app, "count", -1), -ERANGE);
    assert_int_equal(object_set_prop_int(app, "mode", 3), -ERANGE);
    assert_int_equal(object_set_prop_int(app, "label", 3), -EINVAL);
    const char *out = capture_end();
    assert_string_equal(out, "mosaic: error: /app.count: -1 is out of range\n"
                             "mosaic: error: /app.mode: 3 is out of range\n"
                             "mosaic: error: /app.label: is a string, not a number\n");
    assert_int_equal(w->count, 1);
    assert_int_equal(w->mode, 0);
}

/* ---- paths and assignments -------------------------------------------------- */

static void test_resolve_and_path(void **state)
{
    (void)state;
    static const char *const paths[] = {"/", "/app", "/app/cpu0", "/app/cpu1", "/uart0"};
    char buf[64];
    for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
        struct object *obj = object_resolve(board, paths[i]);
        assert_non_null(obj);
        assert_string_equal(object_path(obj, buf, sizeof(buf)), paths[i]);
    }
    struct object *cpu0 = object_resolve(board, "/app/cpu0");
    assert_ptr_equal(object_resolve(board, "app/cpu0"), cpu0);
    assert_ptr_equal(object_resolve(board, "/app/cpu0/"), cpu0);
    assert_ptr_equal(object_resolve(board, "app/"), object_child(board, "app"));
    assert_ptr_equal(object_resolve(board, ""), board);
    /* Relative paths start at the given object, absolute ones at the root. */
    struct object *app = object_child(board, "app");
    assert_ptr_equal(object_resolve(app, "cpu0"), cpu0);
    assert_ptr_equal(object_resolve(cpu0, "/uart0"), object_child(board, "uart0"));
    assert_null(object_resolve(board, "/app/cpu2"));
    assert_null(object_resolve(board, "/ap"));
    assert_null(object_resolve(board, "/app.cpu0"));
    assert_null(object_resolve(board, NULL));

    /* A short buffer is truncated, never overrun. */
    char small[6];
    assert_string_equal(object_path(cpu0, small, sizeof(small)), "/app/");
}

static void test_assignment(void **state)
{
    (void)state;
    struct widget *app = widget_at("/app");
    struct widget *cpu1 = widget_at("/app/cpu1");
    assert_int_equal(object_set_assignment(board, "/app.file=fw.v2.elf", NULL), 0);
    assert_string_equal(app->file, "fw.v2.elf");
    assert_int_equal(object_set_assignment(board, "app/cpu1.count=0x20", NULL), 0);
    assert_int_equal(cpu1->count, 0x20);
    assert_int_equal(object_set_assignment(board, "/app/cpu1.label=x=y", NULL), 0);
    assert_string_equal(cpu1->label, "x=y");
    assert_int_equal(object_set_assignment(board, "/app.label=", NULL), 0);
    assert_string_equal(app->label, "");
    assert_int_equal(object_set_assignment(board, "/app/.size=1M", NULL), 0);
    assert_int_equal(app->size, 1 << 20);
}

static void assert_assignment_fails(const char *text, int err, const char *message)
{
    capture_begin(STDERR_FILENO);
    int ret = object_set_assignment(board, text, NULL);
    const char *out = capture_end();
    assert_int_equal(ret, err);
    assert_string_equal(out, message);
}

static void test_assignment_errors(void **state)
{
    (void)state;
    assert_assignment_fails("/ap.cpus=2", -ENOENT,
                            "mosaic: error: no object '/ap' (objects under /: app, uart0)\n");
    assert_assignment_fails("/app/cpu2.count=2", -ENOENT,
                            "mosaic: error: no object '/app/cpu2' "
                            "(objects under /app: cpu0, cpu1)\n");
    assert_assignment_fails("/uart0/rx.count=2", -ENOENT,
                            "mosaic: error: no object '/uart0/rx' "
                            "(there is nothing under /uart0)\n");
    assert_assignment_fails("/app.cpus=2", -ENOENT,
                            "mosaic: error: /app: no property 'cpus' (properties: label, file, "
                            "offset, count, size, enabled, mode, addr, neg, locked, even, word, "
                            "fail-realize)\n");
    assert_assignment_fails("/app.count=abc", -EINVAL,
                            "mosaic: error: /app.count: 'abc' is not a number\n");
    assert_assignment_fails("/app.count", -EINVAL,
                            "mosaic: error: '/app.count': expected PATH.PROPERTY=VALUE, "
                            "e.g. /app.cpus=2\n");
    assert_assignment_fails("/app=3", -EINVAL,
                            "mosaic: error: '/app=3': expected PATH.PROPERTY=VALUE, "
                            "e.g. /app.cpus=2\n");
    assert_assignment_fails("/app.=3", -EINVAL,
                            "mosaic: error: '/app.=3': expected PATH.PROPERTY=VALUE, "
                            "e.g. /app.cpus=2\n");
}

/* ---- realize and printing -------------------------------------------------- */

static void test_realize_order(void **state)
{
    (void)state;
    assert_int_equal(object_realize_tree(board), 0);
    /* Children before parents; gadget inherits widget's realize. */
    assert_string_equal(trace, "realize:cpu0 realize:cpu1 realize:app realize:uart0 ");
    assert_true(board->realized);
    assert_true(widget_at("/app/cpu1")->obj.realized);

    assert_non_null(object_new("widget", object_child(board, "app"), "late"));
    trace[0] = '\0';
    assert_int_equal(object_realize_tree(board), 0);
    assert_string_equal(trace, "realize:late ");
}

static void test_realize_stops_at_error(void **state)
{
    (void)state;
    assert_int_equal(object_set_assignment(board, "/app/cpu1.fail-realize=on", NULL), 0);
    assert_int_equal(object_realize_tree(board), -EIO);
    assert_string_equal(trace, "realize:cpu0 realize:cpu1 ");
    assert_true(widget_at("/app/cpu0")->obj.realized);
    assert_false(widget_at("/app/cpu1")->obj.realized);
    assert_false(widget_at("/app")->obj.realized);
}

static const char *print_to_string(void (*print)(FILE *, const void *), const void *arg)
{
    static char printed[8192];
    FILE *f = tmpfile();
    assert_non_null(f);
    print(f, arg);
    rewind(f);
    size_t n = fread(printed, 1, sizeof(printed) - 1, f);
    printed[n] = '\0';
    fclose(f);
    return printed;
}

static void print_tree(FILE *f, const void *obj)
{
    object_print_tree(f, obj);
}

static void print_type(FILE *f, const void *type)
{
    object_print_type_props(f, type);
}

static void test_print_tree(void **state)
{
    (void)state;
    assert_int_equal(object_set_assignment(board, "/app.file=fw.elf", NULL), 0);
    static const char head[] = "/ (container)\n"
                               "  /app (widget)\n"
                               "    label = hello\n"
                               "    file = fw.elf\n"
                               "    offset = -3\n"
                               "    count = 1\n"
                               "    size = 128M\n"
                               "    enabled = on\n"
                               "    mode = slow\n"
                               "    addr = 0x1000\n"
                               "    neg = 0x0\n"
                               "    locked = 0\n"
                               "    even = 2\n"
                               "    word = \"\"\n"
                               "    fail-realize = off\n"
                               "    /app/cpu0 (widget)\n";
    const char *out = print_to_string(print_tree, board);
    char start[sizeof(head)];
    size_t n = strnlen(out, sizeof(start) - 1);
    memcpy(start, out, n);
    start[n] = '\0';
    assert_string_equal(start, head);
    assert_non_null(strstr(out, "    /app/cpu1 (gadget)\n"));
    assert_non_null(strstr(out, "      extra = 7\n  /uart0 (widget)\n"));
}

static void test_print_type_props(void **state)
{
    (void)state;
    const char *out = print_to_string(print_type, &gadget_type);
    assert_non_null(strstr(out, "  label (string, default hello): a label\n"
                                "  file (path): an image file\n"
                                "  offset (int, default -3): signed\n"));
    assert_non_null(strstr(out, "  mode (enum, default slow): speed (choices: fast, slow, off)\n"));
    assert_non_null(strstr(out, "  locked (uint, default 0): fixed once running\n"));
    assert_non_null(strstr(out, "  fail-realize (bool, default off): make realize fail\n"
                                "  extra (uint, default 7): one more\n"));
    out = print_to_string(print_type, object_type_find("container"));
    assert_string_equal(out, "  (no properties)\n");
}

#define BOARD_TEST(fn) cmocka_unit_test_setup_teardown(fn, setup_board, teardown_board)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_type_registry),
        cmocka_unit_test(test_type_register_errors),
        cmocka_unit_test(test_type_foreach),
        BOARD_TEST(test_init_and_finalize_order),
        BOARD_TEST(test_unref_children_first),
        BOARD_TEST(test_init_failure),
        BOARD_TEST(test_children_keep_creation_order),
        BOARD_TEST(test_new_errors),
        BOARD_TEST(test_is),
        BOARD_TEST(test_defaults),
        BOARD_TEST(test_string_and_path),
        BOARD_TEST(test_int),
        BOARD_TEST(test_uint),
        BOARD_TEST(test_size),
        BOARD_TEST(test_bool),
        BOARD_TEST(test_enum),
        BOARD_TEST(test_on_set_rejection_restores),
        BOARD_TEST(test_errors_through_sink),
        BOARD_TEST(test_foreach_prop),
        BOARD_TEST(test_unknown_property),
        BOARD_TEST(test_fixed_after_realize),
        BOARD_TEST(test_set_prop_int),
        BOARD_TEST(test_resolve_and_path),
        BOARD_TEST(test_assignment),
        BOARD_TEST(test_assignment_errors),
        BOARD_TEST(test_realize_order),
        BOARD_TEST(test_realize_stops_at_error),
        BOARD_TEST(test_print_tree),
        BOARD_TEST(test_print_type_props),
    };
    return cmocka_run_group_tests(tests, setup_types, NULL);
}
