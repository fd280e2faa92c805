#include "review/review_api.h"

#include "review/stored_log.h"

namespace bg::review {

ReviewReport guarded_review(const std::function<ReviewReport()>& body) {
  try {
    return body();
  } catch (const LogMissing& e) {
    return {Status::not_found, e.what()};
  } catch (const AuditFailure& e) {
    return {Status::audit, e.what()};
  }
}

}  // namespace bg::review
