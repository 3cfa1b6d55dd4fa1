// libFuzzer harness for config_parse(). Adapt names to the project.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "mylib/config.h"

namespace {
constexpr size_t kMaxInput = 64 * 1024;  // real callers reject bigger files
}

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  mylib_global_init();  // idempotent, allocates nothing per call
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return -1;  // -1: don't add to corpus

  // The API takes a NUL-terminated buffer; copy so the fuzzer can catch over-reads
  // past `size` instead of hitting our terminator.
  std::string text(reinterpret_cast<const char*>(data), size);

  mylib_config* cfg = nullptr;
  mylib_error err{};
  if (mylib_config_parse(text.c_str(), text.size(), &cfg, &err) == MYLIB_OK) {
    // Exercise the read paths too; parsers often "succeed" into inconsistent state.
    size_t n = mylib_config_section_count(cfg);
    for (size_t i = 0; i < n && i < 64; ++i) {
      const char* name = mylib_config_section_name(cfg, i);
      if (name) (void)mylib_config_get(cfg, name, "key");
    }
    // Round-trip property: serialise and re-parse must succeed.
    char* out = mylib_config_serialize(cfg);
    if (out) {
      mylib_config* again = nullptr;
      if (mylib_config_parse(out, std::strlen(out), &again, &err) != MYLIB_OK) {
        std::abort();  // serializer produced something the parser rejects
      }
      mylib_config_free(again);
      std::free(out);
    }
    mylib_config_free(cfg);
  }
  mylib_error_clear(&err);
  return 0;
}
