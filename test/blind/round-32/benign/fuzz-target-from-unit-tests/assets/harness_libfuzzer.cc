// libFuzzer harness template. Build:
//   clang++ -g -O1 -fsanitize=fuzzer,address,undefined harness_libfuzzer.cc <sources> -o fuzz_target
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

extern "C" {
#include "header.h"   // TODO: the target's header
}

static constexpr size_t kMaxInput = 1 << 16;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > kMaxInput) return 0;

  // Mirror the unit test's setup. Copy into an owned, NOT NUL-terminated buffer
  // so ASan catches reads past the end.
  std::string buf(reinterpret_cast<const char *>(data), size);

  header_t h;
  int rc = parse_header(buf.data(), buf.size(), &h);   // TODO: target call
  if (rc == 0) {
    // Oracle from the round-trip test: serialise and parse again, must be equal.
    char out[kMaxInput * 2];
    size_t n = serialize_header(&h, out, sizeof out);
    header_t h2;
    if (parse_header(out, n, &h2) != 0 || !header_equal(&h, &h2)) __builtin_trap();
    header_free(&h2);
  }
  header_free(&h);
  return 0;
}
