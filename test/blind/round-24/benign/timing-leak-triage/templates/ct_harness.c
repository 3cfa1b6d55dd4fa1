/* ctgrind-style harness: mark secrets undefined so Memcheck reports secret-dependent
 * branches and memory addresses. Build with -g, run under valgrind. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <valgrind/memcheck.h>

#include "foo.h"   /* declares verify_tag(const uint8_t *key, const uint8_t *msg, size_t n, const uint8_t *tag) */

#define SECRET(p, n)   VALGRIND_MAKE_MEM_UNDEFINED((p), (n))
#define PUBLIC(p, n)   VALGRIND_MAKE_MEM_DEFINED((p), (n))

int main(void) {
    uint8_t key[32], msg[64], tag[16];
    memset(key, 0x41, sizeof key);
    memset(msg, 0x42, sizeof msg);
    memset(tag, 0x43, sizeof tag);

    SECRET(key, sizeof key);
    SECRET(tag, sizeof tag);        /* the expected tag is secret until verification finishes */

    int ok = verify_tag(key, msg, sizeof msg, tag);

    PUBLIC(&ok, sizeof ok);         /* the final accept/reject is public by design */
    printf("verify_tag -> %d\n", ok);
    return 0;
}
