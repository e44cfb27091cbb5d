/* SPDX-License-Identifier: MIT */
/* Reading the target tests' guest programs (see program.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "tests/unit/targets/program.h"

void *program_read(const char *arch, const char *file, size_t *size)
{
    const char *top = getenv("top_builddir");
    char path[1024];
    void *image;
    long len;
    FILE *f;

    snprintf(path, sizeof(path), "%s/tests/unit/targets/%s/exec/%s", top ? top : MOSAIC_BUILDDIR,
             arch, file);
    f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot read %s (make check builds it)", path);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    len = ftell(f);
    assert_true(len > 0);
    rewind(f);
    image = malloc((size_t)len);
    assert_non_null(image);
    assert_int_equal(fread(image, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    *size = (size_t)len;
    return image;
}

bool program_skip_without(const char *cc, const char *wanted)
{
    if (*cc)
        return false;
    printf("1..0 # SKIP %s not found by configure: the guest programs are built with it\n", wanted);
    return true;
}
