/* SPDX-License-Identifier: MIT */
/*
 * Board lookup: $MOSAIC_BOARD_PATH order, the source tree's boards when
 * the binary runs from the top of the build tree (checked by running a
 * copy of this program there), the data directory otherwise, and -board
 * list output.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "boards/board.h"
#include "tests/unit/boards/support.h"

#define SHIPPED MOSAIC_SRCDIR "/boards"
#define CHILD_ENV "MOSAIC_TEST_BOARD_FIND_CHILD"

static const char shipped_list[] =
    "riscv-spike      RV64GC board compatible with Spike: RAM, CLINT, HTIF console and exit\n"
    "riscv-spike32    RV32GC board compatible with Spike: RAM, CLINT, HTIF console and exit\n"
    "riscv-virt       RV64GC board compatible with QEMU virt: RAM, 16550 UART, test "
    "finisher, CLINT, PLIC\n"
    "riscv-virt32     RV32GC board compatible with QEMU virt (riscv32): RAM, 16550 UART, "
    "test finisher, CLINT, PLIC\n";

static int setup(void **state)
{
    (void)state;
    support_init();
    return 0;
}

/* board_list() into *@text (caller frees); returns what it returned. The
 * caller owns the pointer open_memstream() updates, so it never outlives
 * the variable it is stored in. */
static int list_to_string(char **text)
{
    size_t len = 0;
    FILE *f = open_memstream(text, &len);
    int ret;

    assert_non_null(f);
    ret = board_list(f);
    fclose(f);
    return ret;
}

static void test_find_in_board_path(void **state)
{
    char *path;

    (void)state;
    setenv("MOSAIC_BOARD_PATH", SHIPPED, 1);
    path = board_find("riscv-virt");
    assert_string_equal(path, SHIPPED "/riscv-virt.xml");
    free(path);
}

/* Earlier directories win; later ones still provide what they have. */
static void test_path_order(void **state)
{
    char *dir = tmpdir_new(), *env = NULL, *path, *mine;

    (void)state;
    mine = tmpdir_write_text(dir, "riscv-virt.xml", "<board name=\"mine\"/>\n");
    free(tmpdir_write_text(dir, "extra.xml", "<board name=\"extra\"/>\n"));
    assert_true(asprintf(&env, "/nonexistent:%s:" SHIPPED, dir) > 0);
    setenv("MOSAIC_BOARD_PATH", env, 1);
    path = board_find("riscv-virt");
    assert_string_equal(path, mine);
    free(path);
    path = board_find("riscv-spike");
    assert_string_equal(path, SHIPPED "/riscv-spike.xml");
    free(path);
    path = board_find("extra");
    assert_non_null(strstr(path, "/extra.xml"));
    free(path);
    free(mine);
    free(env);
    tmpdir_remove(dir);
}

static void test_not_found(void **state)
{
    const char *err;

    (void)state;
    setenv("MOSAIC_BOARD_PATH", SHIPPED, 1);
    capture_begin(STDERR_FILENO);
    assert_null(board_find("riscv-nothing"));
    assert_null(board_find("../boards/riscv-virt"));
    assert_null(board_find(""));
    err = capture_end();
    assert_non_null(strstr(err, "board \"riscv-nothing\" not found in " SHIPPED ":"));
    assert_non_null(strstr(err, "; -board list shows the boards there\n"));
    assert_non_null(strstr(err, "board \"../boards/riscv-virt\" not found"));
}

/* Outside the top build directory the shipped boards are the installed ones. */
static void test_installed_dir_outside_build_tree(void **state)
{
    const char *err;

    (void)state;
    unsetenv("MOSAIC_BOARD_PATH");
    capture_begin(STDERR_FILENO);
    assert_null(board_find("riscv-nothing"));
    err = capture_end();
    assert_non_null(strstr(err, "not found in " MOSAIC_DATADIR "/boards;"));
}

static int copy_file(const char *from, const char *to)
{
    char buf[65536];
    int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    ssize_t n;
    int ret = in >= 0 && out >= 0 ? 0 : -1;

    while (!ret && (n = read(in, buf, sizeof(buf))) > 0)
        if (write(out, buf, (size_t)n) != n)
            ret = -1;
    if (in >= 0)
        close(in);
    if (out >= 0)
        close(out);
    return ret;
}

/* A copy of this program placed at the top of the build tree finds the
 * boards of the source tree without any environment. */
static void test_build_tree_uses_source_boards(void **state)
{
    const char *copy = MOSAIC_BUILDDIR "/.test_board_find_copy";
    char out[512] = "";
    int fds[2], status;
    pid_t pid;
    ssize_t n;

    (void)state;
    assert_int_equal(copy_file("/proc/self/exe", copy), 0);
    assert_int_equal(pipe(fds), 0);
    pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        unsetenv("MOSAIC_BOARD_PATH");
        setenv(CHILD_ENV, "1", 1);
        execl(copy, copy, (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    n = read(fds[0], out, sizeof(out) - 1);
    close(fds[0]);
    waitpid(pid, &status, 0);
    unlink(copy);
    assert_true(n > 0);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_string_equal(out, SHIPPED "/riscv-virt.xml\n");
}

/* Nothing anywhere: an error, unless this prefix is installed. */
static void test_list_nothing(void **state)
{
    char *text;
    const char *err;
    int ret;

    (void)state;
    if (access(MOSAIC_DATADIR "/boards", F_OK) == 0)
        skip();
    setenv("MOSAIC_BOARD_PATH", "/nonexistent", 1);
    capture_begin(STDERR_FILENO);
    ret = list_to_string(&text);
    free(text);
    err = capture_end();
    assert_int_equal(ret, -ENOENT);
    assert_non_null(
        strstr(err, "no board files found in /nonexistent:" MOSAIC_DATADIR "/boards\n"));
}

static void test_list_shipped(void **state)
{
    int ret;
    char *text;

    (void)state;
    setenv("MOSAIC_BOARD_PATH", SHIPPED, 1);
    ret = list_to_string(&text);
    assert_int_equal(ret, 0);
    /* Other boards may be listed too (later issues add them): the RISC-V
     * ones must be there, in this order, and every line sorted by name. */
    const char *at = text;
    for (const char *line = shipped_list; *line; line = strchr(line, '\n') + 1) {
        size_t len = (size_t)(strchr(line, '\n') - line) + 1;
        char want[256];
        snprintf(want, sizeof(want), "%.*s", (int)len, line);
        const char *found = strstr(at, want);
        if (!found)
            fail_msg("board list lacks or misorders: %s in:\n%s", want, text);
        at = found + len;
    }
    for (const char *l = text, *next; (next = strchr(l, '\n')) && next[1]; l = next + 1)
        assert_true(strcmp(l, next + 1) < 0);
    free(text);
}

/* Users' boards join the list, sorted; a name found earlier hides a later one. */
static void test_list_with_user_boards(void **state)
{
    char *dir = tmpdir_new(), *env = NULL, *text;
    int ret;

    (void)state;
    free(tmpdir_write_text(dir, "aaa.xml", "<board name=\"aaa\" description=\"mine\"/>\n"));
    free(tmpdir_write_text(dir, "riscv-virt.xml",
                           "<board name=\"x\" description=\"own virt\">"
                           "<cluster"));
    free(tmpdir_write_text(dir, "plain.xml", "<board name=\"plain\"/>\n"));
    free(tmpdir_write_text(dir, "notes.txt", "not a board\n"));
    assert_true(asprintf(&env, "%s:" SHIPPED, dir) > 0);
    setenv("MOSAIC_BOARD_PATH", env, 1);
    ret = list_to_string(&text);
    assert_int_equal(ret, 0);
    /* Sorted with the shipped ones (whatever else is shipped in between). */
    const char *aaa = strstr(text, "aaa              mine\n");
    const char *plain = strstr(text, "\nplain            (no description)\n");
    const char *spike = strstr(text, "\nriscv-spike ");
    assert_non_null(aaa);
    assert_true(plain && plain > aaa && spike && spike > plain);
    assert_non_null(strstr(text, "riscv-virt       own virt\nriscv-virt32 "));
    free(text);
    free(env);
    tmpdir_remove(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find_in_board_path),
        cmocka_unit_test(test_path_order),
        cmocka_unit_test(test_not_found),
        cmocka_unit_test(test_installed_dir_outside_build_tree),
        cmocka_unit_test(test_build_tree_uses_source_boards),
        cmocka_unit_test(test_list_shipped),
        cmocka_unit_test(test_list_with_user_boards),
        cmocka_unit_test(test_list_nothing),
    };
    char *path;

    if (getenv(CHILD_ENV)) {
        path = board_find("riscv-virt");
        printf("%s\n", path ? path : "(null)");
        free(path);
        return 0;
    }
    return cmocka_run_group_tests_name("board_find", tests, setup, NULL);
}
