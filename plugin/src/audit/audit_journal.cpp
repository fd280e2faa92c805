#include "audit/audit_journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <Poco/Checksum.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "audit/audit_store.h"
#include "codec/json_writer.h"

namespace bg {
namespace {

constexpr char kMagic[4] = {'B', 'G', 'J', '1'};
constexpr size_t kHeader = 12;
constexpr uint32_t kMaxRecord = 64u << 20;

void put_u32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xffu);
}

uint32_t get_u32(const std::string& in, size_t at) {
  uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) {
    v |= static_cast<uint32_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  }
  return v;
}

uint32_t crc32(std::string_view bytes) {
  Poco::Checksum sum(Poco::Checksum::TYPE_CRC32);
  sum.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return sum.checksum();
}

std::string segment_prefix(const std::string& db_path) {
  return std::filesystem::path{db_path}.filename().string() + ".bg-journal.";
}

long segment_number(const std::string& name, const std::string& prefix) {
  if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return -1;
  const std::string digits = name.substr(prefix.size());
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return -1;
  }
  try {
    return std::stol(digits);
  } catch (const std::exception&) {
    return -1;
  }
}

std::optional<AuditRecord> decode_payload(std::string_view payload) {
  const auto j = nlohmann::json::parse(payload.begin(), payload.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  try {
    return AuditRecord{j.at("a").get<std::string>(), j.at("k").get<std::string>(),
                       j.at("e").get<std::string>(), j.at("r").get<std::string>(),
                       j.at("b").get<std::string>()};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::string encode_journal_record(const AuditRecord& r) {
  // Keys in sorted order, as records written by nlohmann::json (std::map) before have them.
  std::string payload;
  payload.reserve(r.body.size() + r.body.size() / 4 + 128);
  JsonWriter{payload}
      .begin_object()
      .field("a", r.audit_id)
      .field("b", r.body)
      .field("e", r.event_id)
      .field("k", r.kind)
      .field("r", r.recorded_at)
      .end_object();
  std::string out{kMagic, sizeof kMagic};
  out.reserve(kHeader + payload.size());
  put_u32(out, static_cast<uint32_t>(payload.size()));
  put_u32(out, crc32(payload));
  out += payload;
  return out;
}

AuditJournal::AuditJournal(std::string db_path) : db_path_(std::move(db_path)) {}

AuditJournal::~AuditJournal() {
  if (fd_ >= 0) ::close(fd_);
}

std::vector<std::string> AuditJournal::segments() const {
  const std::filesystem::path db{db_path_};
  const auto dir = db.has_parent_path() ? db.parent_path() : std::filesystem::path{"."};
  const std::string prefix = segment_prefix(db_path_);
  std::vector<std::pair<long, std::string>> found;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const long n = segment_number(entry.path().filename().string(), prefix);
    if (n >= 0) found.emplace_back(n, entry.path().string());
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (auto& [n, path] : found) out.push_back(std::move(path));
  return out;
}

std::vector<AuditRecord> AuditJournal::read_all() const {
  std::vector<AuditRecord> out;
  for (const auto& path : segments()) {
    std::ifstream in{path, std::ios::binary};
    // Read through a stringstream: GCC 12 at -O2 flags the istreambuf_iterator form with a
    // false -Wnull-dereference.
    std::ostringstream content;
    content << in.rdbuf();
    const std::string bytes = content.str();
    size_t at = 0;
    while (bytes.size() - at >= kHeader) {
      if (std::memcmp(bytes.data() + at, kMagic, sizeof kMagic) != 0) break;
      const uint32_t length = get_u32(bytes, at + 4);
      const uint32_t sum = get_u32(bytes, at + 8);
      if (length > kMaxRecord || bytes.size() - at - kHeader < length) break;  // torn
      const std::string_view payload{bytes.data() + at + kHeader, length};
      if (crc32(payload) != sum) break;
      auto record = decode_payload(payload);
      if (!record) break;
      out.push_back(std::move(*record));
      at += kHeader + length;
    }
  }
  return out;
}

void AuditJournal::open_segment(long number) {
  char suffix[32];
  std::snprintf(suffix, sizeof suffix, "%06ld", number);
  const std::string path = db_path_ + ".bg-journal." + suffix;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) {
    throw AuditFailure("cannot open the audit journal " + path + ": " + std::strerror(errno));
  }
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
  number_ = number;
  path_ = path;
  const off_t end = ::lseek(fd, 0, SEEK_END);
  size_ = end > 0 ? static_cast<size_t>(end) : 0;
}

void AuditJournal::start() {
  long next = 1;
  const std::string prefix = segment_prefix(db_path_);
  for (const auto& path : segments()) {
    next =
        std::max(next, segment_number(std::filesystem::path{path}.filename().string(), prefix) + 1);
  }
  open_segment(next);
}

void AuditJournal::append(const AuditRecord& record) {
  if (fd_ < 0) throw AuditFailure("the audit journal is not open");
  const std::string bytes = encode_journal_record(record);
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = n < 0 ? std::strerror(errno) : "nothing written";
      // Cut off the partial record so that later records stay readable.
      if (::ftruncate(fd_, static_cast<off_t>(size_)) != 0) {
        // The reader stops at the torn record; nothing more can be done here.
      }
      throw AuditFailure("cannot write the audit journal: " + why);
    }
    done += static_cast<size_t>(n);
  }
  size_ += bytes.size();
}

std::vector<std::string> AuditJournal::rotate_if_larger(size_t threshold) {
  if (fd_ < 0 || size_ <= threshold) return {};
  const std::string retired = path_;
  open_segment(number_ + 1);
  return {retired};
}

void AuditJournal::remove_all() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  size_ = 0;
  remove(segments());
}

void AuditJournal::remove(const std::vector<std::string>& paths) noexcept {
  for (const auto& path : paths) ::unlink(path.c_str());
}

}  // namespace bg
