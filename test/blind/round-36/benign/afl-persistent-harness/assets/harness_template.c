/* AFL++ persistent-mode harness template. Build with scripts/build.sh. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "target.h"   /* replace with the library header */

static void run_one(const unsigned char *buf, size_t len) {
  if (len < 1 || len > (1u << 16)) return;
  target_ctx *ctx = target_new();
  if (!ctx) return;
  (void)target_parse(ctx, buf, len);
  target_free(ctx);
}

#ifdef REPRO
int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: %s crashfile\n", argv[0]); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror("open"); return 2; }
  fseek(f, 0, SEEK_END); long n = ftell(f); rewind(f);
  unsigned char *b = malloc(n ? n : 1);
  if (fread(b, 1, n, f) != (size_t)n) { perror("read"); return 2; }
  fclose(f);
  run_one(b, (size_t)n);
  free(b);
  return 0;
}
#else
__AFL_FUZZ_INIT();
int main(void) {
#ifdef __AFL_HAVE_MANUAL_CONTROL
  __AFL_INIT();
#endif
  target_global_init();
  unsigned char *buf = __AFL_FUZZ_TESTCASE_BUF;
  while (__AFL_LOOP(100000)) {
    run_one(buf, __AFL_FUZZ_TESTCASE_LEN);
  }
  return 0;
}
#endif
