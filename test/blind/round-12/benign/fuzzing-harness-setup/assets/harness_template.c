// libFuzzer harness template.
//
// Replace the include and the body of LLVMFuzzerTestOneInput with calls into the
// library under test. Build with scripts/build_libfuzzer.sh.

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "target.h"  /* replace with the library header */

// Optional one-time setup (e.g. library init, disabling logging).
int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    /* target_set_log_level(TARGET_LOG_NONE); */
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    // Many C APIs expect a NUL-terminated buffer; copy so the fuzzer can still find
    // reads past the logical end of the input.
    char *buf = malloc(size + 1);
    if (buf == NULL) {
        return 0;
    }
    memcpy(buf, data, size);
    buf[size] = '\0';

    struct target_doc *doc = target_parse(buf, size);
    if (doc != NULL) {
        // Exercise more code on successful parses: serialise and re-parse.
        char *out = NULL;
        size_t out_len = 0;
        if (target_serialize(doc, &out, &out_len) == 0) {
            struct target_doc *again = target_parse(out, out_len);
            target_free(again);
            free(out);
        }
        target_free(doc);
    }

    free(buf);
    return 0;
}
