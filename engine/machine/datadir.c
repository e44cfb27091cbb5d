/* SPDX-License-Identifier: MIT */
/*
 * Where the shipped data (boards/, xml/) is: the source tree when the
 * running program lives in the build tree (so ./mosaic works without
 * make install, VPATH builds included), else the installed data directory.
 * $MOSAIC_DATA_DIR overrides both.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/machine/tdesc.h"

static bool running_from_build_tree(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n <= 0)
        return false;
    exe[n] = '\0';
    char *build = realpath(MOSAIC_BUILDDIR, NULL);
    if (!build)
        return false;
    size_t len = strlen(build);
    bool inside = !strncmp(exe, build, len) && exe[len] == '/';
    free(build);
    return inside;
}

const char *data_dir(void)
{
    const char *env = getenv("MOSAIC_DATA_DIR");
    if (env && *env)
        return env;
    return running_from_build_tree() ? MOSAIC_SRCDIR : MOSAIC_DATADIR;
}
