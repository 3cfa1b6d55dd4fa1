// Example libFuzzer harness for a length-prefixed header parser.
//
// Build:
//   clang++ -g -O1 -fsanitize=fuzzer,address,undefined \
//     parse_header_fuzzer.cc ../src/header.cc -I../include -o parse_header_fuzzer

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "header.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  // The parser requires a 4-byte magic. Rather than making the fuzzer guess it,
  // prepend it so every input exercises the field decoding logic.
  static const uint8_t kMagic[4] = {'H', 'D', 'R', '1'};
  std::vector<uint8_t> buf(sizeof(kMagic) + size);
  std::memcpy(buf.data(), kMagic, sizeof(kMagic));
  if (size) std::memcpy(buf.data() + sizeof(kMagic), data, size);

  Header hdr;
  if (ParseHeader(buf.data(), buf.size(), &hdr) != kOk) {
    return 0;
  }

  // Round trip: serializing a parsed header and parsing it again must succeed
  // and produce an identical structure.
  std::vector<uint8_t> out = SerializeHeader(hdr);
  Header again;
  if (ParseHeader(out.data(), out.size(), &again) != kOk || !(hdr == again)) {
    __builtin_trap();
  }

  FreeHeader(&hdr);
  FreeHeader(&again);
  return 0;
}
