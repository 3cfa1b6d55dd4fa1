// Structure-aware harness for the TLV container parser.
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string>

#include "format.pb.h"
#include "src/libfuzzer/libfuzzer_macro.h"
#include "target/container_parser.h"   // the code under test
#include "zlib.h"                      // crc32

namespace {

constexpr size_t kMaxRecords = 64;
constexpr int kMaxDepth = 4;

void PutU16(std::string* out, uint32_t v) {
  out->push_back(static_cast<char>((v >> 8) & 0xff));
  out->push_back(static_cast<char>(v & 0xff));
}

void PutU32(std::string* out, uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) out->push_back(static_cast<char>((v >> s) & 0xff));
}

void SerializeContainer(const fuzz::Container& c, std::string* out, int depth);

void SerializeRecord(const fuzz::Record& r, std::string* out, int depth) {
  uint32_t type = r.has_raw_type() ? (r.raw_type() & 0xff) : static_cast<uint32_t>(r.known());
  std::string value = r.value();
  if (type == fuzz::RT_NESTED && depth < kMaxDepth) {
    value.clear();
    SerializeContainer(r.nested(), &value, depth + 1);
  }
  out->push_back(static_cast<char>(type));
  uint32_t len = r.has_length_override() ? r.length_override() : value.size();
  PutU16(out, len & 0xffff);
  out->append(value.substr(0, 0xffff));
}

void SerializeContainer(const fuzz::Container& c, std::string* out, int depth) {
  out->push_back(static_cast<char>(c.version() & 0xff));
  out->push_back(static_cast<char>(c.flags() & 0xff));
  size_t n = std::min<size_t>(c.records_size(), kMaxRecords);
  PutU16(out, n);
  for (size_t i = 0; i < n; ++i) SerializeRecord(c.records(i), out, depth);
}

std::string Serialize(const fuzz::Message& m) {
  std::string out = m.corrupt_magic() ? "TLVX" : "TLV1";
  SerializeContainer(m.root(), &out, 0);
  uint32_t crc = crc32(0L, reinterpret_cast<const Bytef*>(out.data()), out.size());
  PutU32(&out, m.corrupt_crc() ? ~crc : crc);
  if (m.truncate() && !out.empty()) out.resize(out.size() - (m.truncate_by() % out.size()));
  return out;
}

}  // namespace

// Keep versions mostly in the supported range while still allowing occasional outliers.
static protobuf_mutator::libfuzzer::PostProcessorRegistration<fuzz::Container> kVersionFixup = {
    [](fuzz::Container* c, unsigned int seed) {
      if (c->version() > 3 && (seed % 8) != 0) c->set_version(seed % 4);
    }};

DEFINE_PROTO_FUZZER(const fuzz::Message& msg) {
  const std::string bytes = Serialize(msg);
  if (std::getenv("LPM_DUMP_NATIVE_INPUT")) {
    std::fwrite(bytes.data(), 1, bytes.size(), stderr);
    return;
  }
  target::ContainerParser parser;
  parser.Parse(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}
