/* libFuzzer harness template. Replace doc_* with the project's API. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"

#define MAX_INPUT (1u << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > MAX_INPUT) return 0;

    /* Some APIs want a NUL-terminated buffer. */
    char *buf = malloc(size + 1);
    if (!buf) return 0;
    memcpy(buf, data, size);
    buf[size] = '\0';

    struct doc *d = doc_parse(buf, size);
    if (d) {
        doc_validate(d);
        /* round trip: serialize and parse again, results must agree */
        size_t out_len = 0;
        char *out = doc_serialize(d, &out_len);
        if (out) {
            struct doc *d2 = doc_parse(out, out_len);
            if (d2) {
                if (!doc_equal(d, d2)) __builtin_trap();
                doc_free(d2);
            }
            free(out);
        }
        doc_free(d);
    }
    free(buf);
    return 0;
}
