/* SPDX-License-Identifier: MIT */
/*
 * Board description files: an expat parser that turns <board>, <cluster>,
 * <ram>, <rom>, <device>, <alias>, <irq> and <set> elements into the
 * machine's object tree, applying attributes as properties in document
 * order through the same object_set_prop_str() the command line uses.
 * Every error is one message to the caller's diagnostics sink, prefixed
 * with FILE:LINE:COLUMN: the parser's own, or the property system's passed
 * through a sink that adds the position. On error the half-built machine
 * is freed. Each object's position is recorded in the machine
 * (machine_set_origin), so errors found when it is realized point at
 * its element too. The format is described in doc/boards.md.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>

#include "boards/board.h"
#include "engine/io/diag.h"
#include "engine/io/file.h"
#include "engine/machine/cpu.h"
#include "engine/machine/machine.h"
#include "engine/object/object.h"

enum board_elem {
    EL_BOARD,
    EL_CLUSTER,
    EL_RAM,
    EL_ROM,
    EL_DEVICE,
    EL_ALIAS,
    EL_IRQ,
    EL_SET,
    EL_COUNT,
    EL_ROOT = EL_COUNT
};

#define IN(e) (1u << (e))
/* Nesting is at most board > cluster > ram; anything deeper is an error. */
#define BOARD_MAX_DEPTH 3

struct board_parser;

struct board_elem_def {
    const char *name;
    unsigned parents;            /* IN() of the elements it may appear in */
    const char *const *required; /* NULL-terminated */
    const char *const *reserved; /* attributes that are not properties */
    int (*start)(struct board_parser *p, struct object *parent, const char **atts,
                 struct object **created);
};

struct board_irq {
    char *from, *to;
    unsigned long line, col;
};

/* Where each object made from the file was defined (for duplicate names). */
struct board_origin {
    struct object *obj;
    unsigned long line;
};

struct board_parser {
    XML_Parser xml;
    const char *filename;
    const struct diag *out; /* the caller's sink (NULL: the log) */
    struct diag at;         /* reports to @out at the current position */
    struct machine *machine;
    bool failed;
    unsigned depth;
    enum board_elem kinds[BOARD_MAX_DEPTH];
    struct object *objs[BOARD_MAX_DEPTH];
    unsigned long line, col; /* of the element being handled */
    struct board_irq *irqs;
    size_t nirqs;
    struct board_origin *origins;
    size_t norigins, origins_cap, irqs_cap;
};

static int board_start_board(struct board_parser *, struct object *, const char **,
                             struct object **);
static int board_start_cluster(struct board_parser *, struct object *, const char **,
                               struct object **);
static int board_start_memory(struct board_parser *, struct object *, const char **,
                              struct object **);
static int board_start_device(struct board_parser *, struct object *, const char **,
                              struct object **);
static int board_start_alias(struct board_parser *, struct object *, const char **,
                             struct object **);
static int board_start_irq(struct board_parser *, struct object *, const char **, struct object **);
static int board_start_set(struct board_parser *, struct object *, const char **, struct object **);

static const char *const req_name[] = {"name", NULL};
static const char *const req_cluster[] = {"name", "arch", NULL};
static const char *const req_memory[] = {"name", "size", NULL};
static const char *const req_device[] = {"name", "type", NULL};
static const char *const req_alias[] = {"name", "region", NULL};
static const char *const req_irq[] = {"from", "to", NULL};
static const char *const req_set[] = {"path", "value", NULL};

static const struct board_elem_def board_elems[EL_COUNT] = {
    [EL_BOARD] = {"board", IN(EL_ROOT), req_name, req_name, board_start_board},
    [EL_CLUSTER] = {"cluster", IN(EL_BOARD), req_cluster, req_name, board_start_cluster},
    [EL_RAM] = {"ram", IN(EL_BOARD) | IN(EL_CLUSTER), req_memory, req_name, board_start_memory},
    [EL_ROM] = {"rom", IN(EL_BOARD) | IN(EL_CLUSTER), req_memory, req_name, board_start_memory},
    [EL_DEVICE] = {"device", IN(EL_BOARD) | IN(EL_CLUSTER), req_device, req_device,
                   board_start_device},
    [EL_ALIAS] = {"alias", IN(EL_CLUSTER), req_alias, req_name, board_start_alias},
    [EL_IRQ] = {"irq", IN(EL_BOARD), req_irq, req_irq, board_start_irq},
    [EL_SET] = {"set", IN(EL_BOARD), req_set, req_set, board_start_set},
};

/* The sink of p->at: an error stops the parse; both kinds get the position. */
static void board_report(void *opaque, enum diag_level level, const char *msg)
{
    struct board_parser *p = opaque;

    if (level == DIAG_WARN) {
        diag_warn(p->out, "%s:%lu:%lu: %s", p->filename, p->line, p->col, msg);
        return;
    }
    diag_error(p->out, "%s:%lu:%lu: %s", p->filename, p->line, p->col, msg);
    if (!p->failed && p->xml)
        XML_StopParser(p->xml, XML_FALSE);
    p->failed = true;
}

static void board_error(struct board_parser *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Report an error at the current element and stop the parse. */
static void board_error(struct board_parser *p, const char *fmt, ...)
{
    char *msg = NULL;
    va_list ap;

    va_start(ap, fmt);
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    va_end(ap);
    board_report(p, DIAG_ERROR, msg ? msg : fmt);
    free(msg);
}

/* After a call that reports through p->at failed: make sure the parse
 * stops, with the callee's message or, if it gave none, @what. */
static int board_failed(struct board_parser *p, int err, const char *what)
{
    if (!p->failed)
        board_error(p, "%s", what);
    return err;
}

static void board_mark_position(struct board_parser *p)
{
    p->line = XML_GetCurrentLineNumber(p->xml);
    p->col = XML_GetCurrentColumnNumber(p->xml) + 1;
}

static const char *board_attr(const char **atts, const char *name)
{
    for (; atts[0]; atts += 2)
        if (!strcmp(atts[0], name))
            return atts[1];
    return NULL;
}

static bool board_in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (!strcmp(*list, s))
            return true;
    return false;
}

/* "a, b, c": the elements whose parents include @parent_bit (all but
 * <board> when @parent_bit is 0). Caller frees. */
static char *board_elem_list(unsigned parent_bit)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    const char *sep = "";

    if (!f)
        return NULL;
    for (unsigned i = EL_CLUSTER; i < EL_COUNT; i++) {
        if (parent_bit && !(board_elems[i].parents & parent_bit))
            continue;
        fprintf(f, "%s%s", sep, board_elems[i].name);
        sep = ", ";
    }
    fclose(f);
    return buf;
}

static int board_check_required(struct board_parser *p, enum board_elem kind, const char **atts)
{
    for (const char *const *r = board_elems[kind].required; *r; r++) {
        if (!board_attr(atts, *r)) {
            board_error(p, "<%s> needs the attribute %s=\"...\"", board_elems[kind].name, *r);
            return -EINVAL;
        }
    }
    return 0;
}

/* Object names become path components: keep them to [A-Za-z0-9_-]. */
static int board_check_name(struct board_parser *p, const char *name)
{
    bool ok = name[0] != '\0';

    for (const char *s = name; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-')
            ok = false;
    if (!ok)
        board_error(p, "bad name \"%s\"; names use letters, digits, '-' and '_'", name);
    return ok ? 0 : -EINVAL;
}

static unsigned long board_origin_line(const struct board_parser *p, const struct object *obj)
{
    for (size_t i = 0; i < p->norigins; i++)
        if (p->origins[i].obj == obj)
            return p->origins[i].line;
    return 0;
}

static int board_check_unique(struct board_parser *p, struct object *parent, const char *name)
{
    struct object *old = object_child(parent, name);
    char path[256];
    unsigned long line;

    if (board_check_name(p, name))
        return -EINVAL;
    if (!old)
        return 0;
    object_path(old, path, sizeof(path));
    line = board_origin_line(p, old);
    if (line)
        board_error(p, "duplicate name \"%s\"; %s is already defined at line %lu", name, path,
                    line);
    else
        board_error(p, "duplicate name \"%s\"; %s already exists", name, path);
    return -EEXIST;
}

/* Make room for one more element in a growing array (doubling, so that
 * building the array stays linear). */
static int board_reserve(struct board_parser *p, void **arr, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return 0;
    size_t ncap = *cap ? 2 * *cap : 16;
    void *na = realloc(*arr, ncap * size);
    if (!na) {
        board_error(p, "out of memory");
        return -ENOMEM;
    }
    *arr = na;
    *cap = ncap;
    return 0;
}

static int board_remember(struct board_parser *p, struct object *obj)
{
    if (p->norigins >= BOARD_OBJECTS_MAX) {
        board_error(p, "too many objects: a board file may define at most %u", BOARD_OBJECTS_MAX);
        return -E2BIG;
    }
    if (board_reserve(p, (void **)&p->origins, p->norigins, &p->origins_cap, sizeof(*p->origins)))
        return -ENOMEM;
    p->origins[p->norigins++] = (struct board_origin){obj, p->line};
    if (machine_set_origin(p->machine, obj, p->filename, p->line, p->col)) {
        board_error(p, "out of memory");
        return -ENOMEM;
    }
    return 0;
}

/* Apply every attribute not in @reserved as a property, in document order;
 * the property system says what is wrong with a value. */
static int board_apply_props(struct board_parser *p, enum board_elem kind, struct object *obj,
                             const char **atts)
{
    for (; atts[0]; atts += 2) {
        if (board_in_list(board_elems[kind].reserved, atts[0]))
            continue;
        int err = object_set_prop_str(obj, atts[0], atts[1], &p->at);
        if (err)
            return board_failed(p, err, "attribute rejected");
    }
    return 0;
}

/* Attributes of <irq> and <set> are not properties: refuse unknown ones. */
static int board_check_known_attrs(struct board_parser *p, enum board_elem kind, const char **atts)
{
    for (; atts[0]; atts += 2) {
        if (!board_in_list(board_elems[kind].reserved, atts[0])) {
            board_error(p, "unknown attribute %s on <%s>; expected %s=\"...\" %s=\"...\"", atts[0],
                        board_elems[kind].name, board_elems[kind].reserved[0],
                        board_elems[kind].reserved[1]);
            return -EINVAL;
        }
    }
    return 0;
}

static int board_start_board(struct board_parser *p, struct object *parent, const char **atts,
                             struct object **created)
{
    (void)parent;
    if (board_check_name(p, board_attr(atts, "name")))
        return -EINVAL;
    p->machine = machine_new(board_attr(atts, "name"));
    if (!p->machine) {
        board_error(p, "cannot create the machine");
        return -ENOMEM;
    }
    *created = OBJECT(p->machine);
    if (machine_set_origin(p->machine, *created, p->filename, p->line, p->col)) {
        board_error(p, "out of memory");
        return -ENOMEM;
    }
    return board_apply_props(p, EL_BOARD, *created, atts);
}

/* Create an object of @type named by the element's name attribute. */
static int board_new_object(struct board_parser *p, enum board_elem kind, const char *type,
                            struct object *parent, const char **atts, struct object **created)
{
    const char *name = board_attr(atts, "name");

    if (board_check_unique(p, parent, name))
        return -EEXIST;
    *created = object_new(type, parent, name);
    if (!*created) {
        board_error(p, "cannot create <%s name=\"%s\"> of type %s", board_elems[kind].name, name,
                    type);
        return -EINVAL;
    }
    if (board_remember(p, *created))
        return -ENOMEM;
    return board_apply_props(p, kind, *created, atts);
}

/* "arch" is an attribute like the others: a cluster takes its properties in
 * any order (setting arch creates the CPUs "cpus" asks for). */
static int board_start_cluster(struct board_parser *p, struct object *parent, const char **atts,
                               struct object **created)
{
    return board_new_object(p, EL_CLUSTER, "cluster", parent, atts, created);
}

static int board_start_memory(struct board_parser *p, struct object *parent, const char **atts,
                              struct object **created)
{
    enum board_elem kind = p->kinds[p->depth];

    return board_new_object(p, kind, board_elems[kind].name, parent, atts, created);
}

static void board_collect_type(const struct object_type *t, void *opaque)
{
    FILE *f = opaque;

    if (strcmp(t->name, "sysbus"))
        fprintf(f, "%s%s", ftell(f) ? ", " : "", t->name);
}

static int board_start_device(struct board_parser *p, struct object *parent, const char **atts,
                              struct object **created)
{
    const char *type = board_attr(atts, "type");
    const struct object_type *t = object_type_find(type);
    char *known = NULL;
    size_t len = 0;
    FILE *f;

    if (t && object_type_is(t, "sysbus") && strcmp(type, "sysbus"))
        return board_new_object(p, EL_DEVICE, type, parent, atts, created);
    f = open_memstream(&known, &len);
    if (f) {
        object_type_foreach("sysbus", board_collect_type, f);
        fclose(f);
    }
    board_error(p, "unknown device type \"%s\"; known types: %s", type, known ? known : "?");
    free(known);
    return -ENOENT;
}

static int board_start_alias(struct board_parser *p, struct object *parent, const char **atts,
                             struct object **created)
{
    return board_new_object(p, EL_ALIAS, "alias", parent, atts, created);
}

static int board_start_irq(struct board_parser *p, struct object *parent, const char **atts,
                           struct object **created)
{
    struct board_irq *irqs;

    (void)parent;
    (void)created;
    if (board_check_known_attrs(p, EL_IRQ, atts))
        return -EINVAL;
    if (board_reserve(p, (void **)&p->irqs, p->nirqs, &p->irqs_cap, sizeof(*p->irqs)))
        return -ENOMEM;
    irqs = p->irqs;
    irqs[p->nirqs] = (struct board_irq){strdup(board_attr(atts, "from")),
                                        strdup(board_attr(atts, "to")), p->line, p->col};
    if (!irqs[p->nirqs].from || !irqs[p->nirqs].to) {
        free(irqs[p->nirqs].from);
        free(irqs[p->nirqs].to);
        board_error(p, "out of memory");
        return -ENOMEM;
    }
    p->nirqs++;
    return 0;
}

static int board_start_set(struct board_parser *p, struct object *parent, const char **atts,
                           struct object **created)
{
    const char *path = board_attr(atts, "path"), *value = board_attr(atts, "value");
    char *assignment = NULL;
    int ret;

    (void)parent;
    (void)created;
    if (board_check_known_attrs(p, EL_SET, atts))
        return -EINVAL;
    if (asprintf(&assignment, "%s=%s", path, value) < 0) {
        board_error(p, "out of memory");
        return -ENOMEM;
    }
    ret = object_set_assignment(OBJECT(p->machine), assignment, &p->at);
    free(assignment);
    return ret ? board_failed(p, ret, "<set> failed") : 0;
}

static int board_check_sizes(struct board_parser *p, const char **atts)
{
    for (; atts[0]; atts += 2) {
        size_t n = strnlen(atts[1], BOARD_ATTR_MAX + 1);
        if (n > BOARD_ATTR_MAX) {
            board_error(p, "attribute %s is longer than %u KiB", atts[0], BOARD_ATTR_MAX >> 10);
            return -E2BIG;
        }
    }
    return 0;
}

static int board_find_elem(const char *name)
{
    for (int i = 0; i < EL_COUNT; i++)
        if (!strcmp(board_elems[i].name, name))
            return i;
    return -1;
}

/* Say why element @name may not appear here. */
static void board_error_nesting(struct board_parser *p, const char *name, int kind)
{
    enum board_elem parent = p->depth ? p->kinds[p->depth - 1] : EL_ROOT;
    char *list;

    if (parent == EL_ROOT) {
        board_error(p, "root element is <%s>; expected <board>", name);
        return;
    }
    if (kind < 0) {
        list = board_elem_list(0);
        board_error(p, "unknown element <%s>; expected one of: %s", name, list ? list : "?");
        free(list);
        return;
    }
    if (kind == EL_ALIAS) {
        board_error(p, "<alias> is only allowed inside a <cluster>");
        return;
    }
    list = board_elem_list(IN(parent));
    if (list && *list)
        board_error(p, "<%s> is not allowed inside <%s>; expected one of: %s", name,
                    board_elems[parent].name, list);
    else
        board_error(p, "<%s> is not allowed inside <%s>, which takes no child elements", name,
                    board_elems[parent].name);
    free(list);
}

static void XMLCALL board_on_start(void *opaque, const XML_Char *name, const XML_Char **atts)
{
    struct board_parser *p = opaque;
    enum board_elem parent = p->depth ? p->kinds[p->depth - 1] : EL_ROOT;
    int kind = board_find_elem(name);
    struct object *created = NULL;

    if (p->failed)
        return;
    board_mark_position(p);
    if (kind < 0 || !(board_elems[kind].parents & IN(parent)) || p->depth >= BOARD_MAX_DEPTH) {
        board_error_nesting(p, name, kind);
        return;
    }
    if (board_check_required(p, kind, atts) || board_check_sizes(p, atts))
        return;
    p->kinds[p->depth] = kind;
    if (board_elems[kind].start(p, p->depth ? p->objs[p->depth - 1] : NULL, atts, &created))
        return;
    p->objs[p->depth++] = created;
}

static void XMLCALL board_on_end(void *opaque, const XML_Char *name)
{
    struct board_parser *p = opaque;

    (void)name;
    if (!p->failed && p->depth)
        p->depth--;
}

static void XMLCALL board_on_text(void *opaque, const XML_Char *s, int len)
{
    struct board_parser *p = opaque;
    int i = 0;

    if (p->failed)
        return;
    while (i < len && isspace((unsigned char)s[i]))
        i++;
    if (i == len)
        return;
    /* Point at the first non-blank character, past any skipped newlines. */
    board_mark_position(p);
    for (int j = 0; j < i; j++) {
        p->col = s[j] == '\n' ? 1 : p->col + 1;
        p->line += s[j] == '\n';
    }
    board_error(p,
                "unexpected text \"%.*s\" inside <%s>; board files hold only elements and "
                "attributes",
                len - i > 20 ? 20 : len - i, s + i, board_elems[p->kinds[p->depth - 1]].name);
}

static void board_connect_irqs(struct board_parser *p)
{
    for (size_t i = 0; i < p->nirqs && !p->failed; i++) {
        p->line = p->irqs[i].line;
        p->col = p->irqs[i].col;
        int err = machine_connect_irq(p->machine, p->irqs[i].from, p->irqs[i].to, &p->at);
        if (err)
            board_failed(p, err, "<irq> not connected");
    }
}

static void board_parser_free(struct board_parser *p)
{
    for (size_t i = 0; i < p->nirqs; i++) {
        free(p->irqs[i].from);
        free(p->irqs[i].to);
    }
    free(p->irqs);
    free(p->origins);
    if (p->xml)
        XML_ParserFree(p->xml);
}

static int board_parser_init(struct board_parser *p, const char *filename, const struct diag *d)
{
    *p = (struct board_parser){.filename = filename, .out = d};
    p->at = (struct diag){board_report, p};
    p->xml = XML_ParserCreate(NULL);
    if (!p->xml) {
        diag_error(d, "%s: cannot create an XML parser", filename);
        return -ENOMEM;
    }
    XML_SetUserData(p->xml, p);
    XML_SetElementHandler(p->xml, board_on_start, board_on_end);
    XML_SetCharacterDataHandler(p->xml, board_on_text);
    return 0;
}

/* Feed one chunk; false once parsing failed (the error is logged). */
static bool board_feed(struct board_parser *p, const char *buf, size_t len, bool final)
{
    if (XML_Parse(p->xml, buf, (int)len, final) == XML_STATUS_OK)
        return true;
    if (!p->failed) {
        p->line = XML_GetCurrentLineNumber(p->xml);
        p->col = XML_GetCurrentColumnNumber(p->xml) + 1;
        board_error(p, "%s", XML_ErrorString(XML_GetErrorCode(p->xml)));
    }
    return false;
}

/* Finish: connect interrupts, or free the half-built machine on error. */
static struct machine *board_finish(struct board_parser *p)
{
    struct machine *m;

    if (!p->failed)
        board_connect_irqs(p);
    m = p->machine;
    if (p->failed && m) {
        machine_free(m);
        m = NULL;
    }
    board_parser_free(p);
    return m;
}

struct machine *board_load_string(const char *filename, const char *text, size_t len,
                                  const struct diag *d)
{
    struct board_parser p;

    if (len > BOARD_FILE_MAX) {
        diag_error(d, "%s: the board file is larger than %u MiB", filename, BOARD_FILE_MAX >> 20);
        return NULL;
    }
    if (board_parser_init(&p, filename, d))
        return NULL;
    /* In one call: expat rescans a token cut by a buffer boundary from its
     * start, so feeding a long token in pieces is quadratic. */
    board_feed(&p, text, len, true);
    return board_finish(&p);
}

/* The whole file (at most BOARD_FILE_MAX + 1 bytes, so that a larger one
 * is told apart) into a malloc'd buffer: 0 or -errno. */
static int board_read_all(FILE *f, char **text, size_t *len)
{
    size_t cap = 0, n;
    *text = NULL;
    *len = 0;
    do {
        if (*len == cap) {
            cap = cap ? 2 * cap : 65536;
            char *nt = realloc(*text, cap);
            if (!nt)
                return -ENOMEM;
            *text = nt;
        }
        n = fread(*text + *len, 1, cap - *len, f);
        *len += n;
    } while (n && *len <= BOARD_FILE_MAX);
    return ferror(f) ? -EIO : 0;
}

struct machine *board_load_file(const char *path, const struct diag *d)
{
    FILE *f = file_open_regular(path, NULL, d);
    struct machine *m = NULL;
    char *text;
    size_t len;

    if (!f)
        return NULL;
    int err = board_read_all(f, &text, &len);
    if (err)
        diag_error(d, "cannot read board file %s: %s", path, strerror(err == -EIO ? errno : -err));
    else
        m = board_load_string(path, text, len, d);
    free(text);
    fclose(f);
    return m;
}
