#include "review/review_request.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "review/time_display.h"
#include "time/zone.h"

namespace bg::review {
namespace {

using InJson = nlohmann::json;

// A string or a list of strings.
bool read_set(const InJson& value, const std::string& key, std::set<std::string>& out,
              std::string& error) {
  if (value.is_string()) {
    out.insert(value.get<std::string>());
    return true;
  }
  if (value.is_array() &&
      std::all_of(value.begin(), value.end(), [](const InJson& v) { return v.is_string(); })) {
    for (const auto& v : value) out.insert(v.get<std::string>());
    return true;
  }
  error = "request key \"" + key + "\" must be a string or a list of strings";
  return false;
}

bool read_date(const InJson& value, const std::string& key,
               std::optional<date::year_month_day>& out, std::string& error) {
  if (value.is_string()) {
    if (auto d = parse_date(value.get<std::string>())) {
      out = *d;
      return true;
    }
  }
  error = "request key \"" + key + "\" must be a date such as 2026-03-01";
  return false;
}

bool read_string(const InJson& value, const std::string& key, std::string& out,
                 std::string& error) {
  if (value.is_string()) {
    out = value.get<std::string>();
    return true;
  }
  error = "request key \"" + key + "\" must be a string";
  return false;
}

}  // namespace

bool FlagFilter::matches(const Flag& f) const {
  if (!ids.empty() && ids.count(f.audit_id) == 0) return false;
  if (!therapists.empty() && therapists.count(f.therapist) == 0) return false;
  if (!clients.empty() && clients.count(f.client) == 0) return false;
  if (!supervisor.empty() && f.supervisor != supervisor) return false;
  if (!categories.empty()) {
    bool any = false;
    for (const auto& ff : f.findings) any = any || categories.count(ff.category) > 0;
    if (!any) return false;
  }
  if (min_severity && static_cast<int>(f.severity) < static_cast<int>(*min_severity)) return false;
  if (status == StatusFilter::open && !f.open) return false;
  if (status == StatusFilter::resolved && f.open) return false;
  if (from || until) {
    if (!f.event_time) return false;
    const auto day = local_date(*f.event_time, f.therapist_zone);
    if (from && day < *from) return false;
    if (until && day > *until) return false;
  }
  return true;
}

std::vector<const Flag*> select_flags(const ReviewLog& log, const FlagFilter& filter) {
  std::vector<const Flag*> out;
  for (const auto& f : log.flags) {
    if (filter.matches(f)) out.push_back(&f);
  }
  return out;
}

bool parse_review_request(std::string_view json, ReviewRequest& out, std::string& error) {
  out = ReviewRequest{};
  if (json.empty()) return true;
  const auto doc = InJson::parse(json.begin(), json.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    error = "the request must be a JSON object";
    return false;
  }
  FlagFilter& f = out.filter;
  for (const auto& [key, value] : doc.items()) {
    bool ok = true;
    if (key == "ids") {
      ok = read_set(value, key, f.ids, error);
    } else if (key == "therapist") {
      ok = read_set(value, key, f.therapists, error);
    } else if (key == "client") {
      ok = read_set(value, key, f.clients, error);
    } else if (key == "supervisor") {
      ok = read_string(value, key, f.supervisor, error);
    } else if (key == "category") {
      ok = read_set(value, key, f.categories, error);
      for (const auto& c : f.categories) {
        if (ok && !parse_name<Category>(c)) {
          error = "\"" + c + "\" is not a category: " + std::string{accepted_names<Category>()};
          ok = false;
        }
      }
    } else if (key == "severity") {
      std::string s;
      ok = read_string(value, key, s, error);
      if (ok) {
        f.min_severity = parse_name<Severity>(s);
        if (!f.min_severity) {
          error = "severity must be " + std::string{accepted_names<Severity>()};
          ok = false;
        }
      }
    } else if (key == "status") {
      std::string s;
      ok = read_string(value, key, s, error);
      if (ok && s == "open") {
        f.status = StatusFilter::open;
      } else if (ok && s == "resolved") {
        f.status = StatusFilter::resolved;
      } else if (ok && s == "all") {
        f.status = StatusFilter::any;
      } else if (ok) {
        error = "status must be \"open\", \"resolved\" or \"all\"";
        ok = false;
      }
    } else if (key == "from") {
      ok = read_date(value, key, f.from, error);
    } else if (key == "until") {
      ok = read_date(value, key, f.until, error);
    } else if (key == "key_file") {
      ok = read_string(value, key, out.key_file, error);
    } else if (key == "zone") {
      ok = read_string(value, key, out.zone, error);
      if (ok && !out.zone.empty() && find_zone(out.zone) == nullptr) {
        error = "\"" + out.zone + "\" is not a known IANA time zone such as America/Chicago";
        ok = false;
      }
    } else if (key == "by") {
      ok = read_string(value, key, out.by, error);
    } else if (key == "retention_years") {
      if (value.is_number_unsigned() && value.get<uint64_t>() <= 100) {
        out.retention_years = value.get<int>();
      } else {
        error = "retention_years must be a whole number up to 100";
        ok = false;
      }
    } else {
      error = "unknown request key \"" + key + "\"";
      ok = false;
    }
    if (!ok) return false;
  }
  if (f.from && f.until && *f.until < *f.from) {
    error = "until is before from";
    return false;
  }
  return true;
}

}  // namespace bg::review
