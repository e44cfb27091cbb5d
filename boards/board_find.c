/* SPDX-License-Identifier: MIT */
/*
 * Finding board files by name. The search path is $MOSAIC_BOARD_PATH
 * (colon-separated directories) followed by the shipped boards: the source
 * tree's boards/ when the running binary sits at the top of the build tree
 * (so ./mosaic works without make install), the installed data directory
 * otherwise. The first directory holding NAME.xml wins; -board list shows
 * the same set of boards.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <expat.h>

#include "boards/board.h"
#include "engine/io/diag.h"
#include "engine/io/file.h"
#include "engine/io/log.h"

#define BOARD_SUFFIX ".xml"

struct board_entry {
    char *name;
    char *description;
};

/* True when the running binary is in the top build directory. */
static bool board_running_from_build_tree(void)
{
    char exe[PATH_MAX], *build, *slash;
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    bool same;

    if (n <= 0)
        return false;
    exe[n] = '\0';
    slash = strrchr(exe, '/');
    if (!slash)
        return false;
    *slash = '\0';
    build = realpath(MOSAIC_BUILDDIR, NULL);
    same = build && !strcmp(build, exe);
    free(build);
    return same;
}

static const char *board_shipped_dir(void)
{
    return board_running_from_build_tree() ? MOSAIC_SRCDIR "/boards" : MOSAIC_DATADIR "/boards";
}

/* The search path as one colon-separated string (caller frees). */
static char *board_search_path(void)
{
    const char *env = getenv("MOSAIC_BOARD_PATH");
    char *path = NULL;

    if (env && *env) {
        if (asprintf(&path, "%s:%s", env, board_shipped_dir()) < 0)
            return NULL;
        return path;
    }
    return strdup(board_shipped_dir());
}

/* Board names are file names without a directory part. */
static bool board_name_valid(const char *name)
{
    return *name && !strchr(name, '/') && strcmp(name, ".") && strcmp(name, "..");
}

char *board_find(const char *name)
{
    char *search = board_search_path(), *save = NULL, *file = NULL;

    if (!search) {
        log_error("out of memory");
        return NULL;
    }
    if (board_name_valid(name)) {
        for (char *dir = strtok_r(search, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
            if (asprintf(&file, "%s/%s" BOARD_SUFFIX, dir, name) < 0) {
                file = NULL;
                break;
            }
            if (access(file, R_OK) == 0)
                break;
            free(file);
            file = NULL;
        }
    }
    if (!file) {
        free(search);
        search = board_search_path();
        log_error("board \"%s\" not found in %s; -board list shows the boards there", name,
                  search ? search : "the board path");
    }
    free(search);
    return file;
}

struct board_desc_ctx {
    XML_Parser xml;
    char *description;
};

/* Expat start handler: take the root element's description and stop. */
static void XMLCALL board_on_root(void *opaque, const XML_Char *name, const XML_Char **atts)
{
    struct board_desc_ctx *ctx = opaque;

    (void)name;
    for (; atts[0]; atts += 2)
        if (!strcmp(atts[0], "description") && !ctx->description)
            ctx->description = strdup(atts[1]);
    XML_StopParser(ctx->xml, XML_FALSE);
}

static void ignore_report(void *opaque, enum diag_level level, const char *msg)
{
    (void)opaque, (void)level, (void)msg;
}

/* Read the description of a board file; "(no description)" if it has none. */
static char *board_read_description(const char *file)
{
    struct board_desc_ctx ctx = {XML_ParserCreate(NULL), NULL};
    char buf[4096];
    static const struct diag quiet = {ignore_report, NULL}; /* "(no description)" says it */
    FILE *f = file_open_regular(file, NULL, &quiet);
    size_t n;

    if (f && ctx.xml) {
        XML_SetUserData(ctx.xml, &ctx);
        XML_SetStartElementHandler(ctx.xml, board_on_root);
        while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
            if (XML_Parse(ctx.xml, buf, (int)n, 0) != XML_STATUS_OK)
                break;
    }
    if (f)
        fclose(f);
    if (ctx.xml)
        XML_ParserFree(ctx.xml);
    return ctx.description ? ctx.description : strdup("(no description)");
}

static bool board_entry_exists(const struct board_entry *v, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i].name, name))
            return true;
    return false;
}

/* Add the boards of @dir that an earlier directory did not provide. */
static int board_scan_dir(const char *dir, struct board_entry **v, size_t *n)
{
    DIR *d = opendir(dir);
    struct dirent *de;

    if (!d)
        return 0;
    while ((de = readdir(d))) {
        size_t len = strlen(de->d_name), sl = strlen(BOARD_SUFFIX);
        struct board_entry *nv;
        char *file;

        if (len <= sl || strcmp(de->d_name + len - sl, BOARD_SUFFIX))
            continue;
        de->d_name[len - sl] = '\0';
        if (board_entry_exists(*v, *n, de->d_name))
            continue;
        nv = realloc(*v, (*n + 1) * sizeof(**v));
        if (!nv || asprintf(&file, "%s/%s" BOARD_SUFFIX, dir, de->d_name) < 0) {
            *v = nv ? nv : *v;
            closedir(d);
            return -ENOMEM;
        }
        *v = nv;
        nv[*n] = (struct board_entry){strdup(de->d_name), board_read_description(file)};
        free(file);
        (*n)++;
    }
    closedir(d);
    return 0;
}

static int board_entry_cmp(const void *a, const void *b)
{
    const struct board_entry *x = a, *y = b;
    return strcmp(x->name, y->name);
}

int board_list(FILE *out)
{
    char *search = board_search_path(), *save = NULL;
    struct board_entry *v = NULL;
    size_t n = 0;
    int ret = 0;

    if (!search)
        return -ENOMEM;
    for (char *dir = strtok_r(search, ":", &save); dir && !ret; dir = strtok_r(NULL, ":", &save))
        ret = board_scan_dir(dir, &v, &n);
    if (n)
        qsort(v, n, sizeof(*v), board_entry_cmp);
    for (size_t i = 0; i < n; i++) {
        if (!ret && v[i].name && v[i].description)
            fprintf(out, "%-16s %s\n", v[i].name, v[i].description);
        free(v[i].name);
        free(v[i].description);
    }
    free(v);
    free(search);
    if (!ret && !n) {
        search = board_search_path();
        log_error("no board files found in %s", search ? search : "the board path");
        free(search);
        ret = -ENOENT;
    }
    return ret;
}
