// libFuzzer harness for the PNG chunk reader.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fuzzer/FuzzedDataProvider.h>

extern "C" {
#include "png_chunk.h"
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  const bool strict = fdp.ConsumeBool();
  std::vector<uint8_t> body = fdp.ConsumeRemainingBytes<uint8_t>();

  png_reader *r = png_reader_new(body.data(), body.size(), strict ? PNG_STRICT : 0);
  if (r == nullptr) return 0;

  png_chunk chunk;
  int guard = 0;
  while (png_next_chunk(r, &chunk) == PNG_OK && guard++ < 1024) {
    if (chunk.type == PNG_IHDR) {
      png_ihdr hdr;
      (void)png_parse_ihdr(&chunk, &hdr);
    }
  }
  png_reader_free(r);
  return 0;
}
