/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: the gdb stub's framing and packet handlers against a
 * real machine (rv-m4-amp: two RV64 harts and a Cortex-M4, so both
 * architectures' registers, descriptions and breakpoint kinds are
 * reached), through gdb_target_engine as a socket connection would. Each
 * input is one connection: every line is framed as a packet with a
 * correct checksum ("$LINE#cs"), except a line starting with \x01, whose
 * rest is fed as raw bytes (acks, ^C, bad checksums, broken frames). The
 * connection is closed after the input, so the board is left as a
 * departing gdb leaves it (points cleared, CPUs released).
 */
#include <stdlib.h>
#include <string.h>

#include "engine/machine/machine.h"
#include "gdbstub/internals.h"
#include "tests/fuzz/fuzz.h"

static struct machine *fuzz_m;

static void drop_output(void *opaque, const void *data, size_t len)
{
    (void)opaque;
    (void)data;
    (void)len;
}

static void feed_line(struct gdb_conn *c, const uint8_t *line, size_t len)
{
    if (len && line[0] == 1) {
        gdb_conn_input(c, line + 1, len - 1);
        return;
    }
    uint8_t *frame = malloc(len + 4);
    unsigned sum = 0;
    if (!frame)
        abort();
    frame[0] = '$';
    memcpy(frame + 1, line, len);
    for (size_t i = 0; i < len; i++)
        sum += line[i];
    static const char hex[] = "0123456789abcdef";
    frame[len + 1] = '#';
    frame[len + 2] = (uint8_t)hex[(sum >> 4) & 0xf];
    frame[len + 3] = (uint8_t)hex[sum & 0xf];
    gdb_conn_input(c, frame, len + 4);
    free(frame);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fuzz_m)
        fuzz_m = fuzz_machine("rv-m4-amp");
    struct gdb_server srv;
    if (gdb_server_init(&srv, &gdb_target_engine, fuzz_m))
        abort();
    const struct gdb_sink sink = {.write = drop_output};
    if (!gdb_conn_new(&srv, &sink))
        abort();
    for (size_t off = 0; off < size && srv.conn;) {
        const uint8_t *nl = memchr(data + off, '\n', size - off);
        size_t len = nl ? (size_t)(nl - (data + off)) : size - off;
        feed_line(srv.conn, data + off, len);
        off += len + 1;
    }
    gdb_server_fini(&srv);
    fuzz_m->quit = 0; /* "monitor quit" ends nothing here */
    return 0;
}
