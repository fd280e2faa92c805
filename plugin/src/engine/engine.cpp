#include "engine/engine.h"

#include <new>
#include <stdexcept>

#include <spdlog/logger.h>

#include "audit/sqlite_audit_store.h"
#include "engine/finding_limits.h"
#include "engine/rule_evaluator.h"
#include "engine/verdict_decoder.h"
#include "util/diagnostic_log.h"

namespace bg {
namespace {

std::shared_ptr<const Policy> load_or_throw(const std::string& path, spdlog::logger& log) {
  auto result = load_policy(path);
  for (const auto& p : result.problems) {
    // Policy problems name files, lines and rule ids only: safe for the diagnostic log.
    if (p.is_error) {
      log.error("policy: {}", p.describe());
    } else {
      log.warn("policy: {}", p.describe());
    }
  }
  if (!result.policy) throw std::runtime_error(render_problems_text(result.problems));
  log.info("policy {} loaded from {}", result.policy->label(), path);
  return result.policy;
}

PolicyEntry policy_entry(const Policy& policy, bool reload) {
  PolicyEntry entry;
  entry.label = policy.label();
  entry.name = policy.name;
  entry.version = policy.version;
  entry.sha256 = policy.sha256;
  entry.evidence = policy.settings.evidence;
  entry.evidence_window_chars = policy.settings.evidence_window_chars;
  entry.retention_years = policy.settings.retention_years;
  entry.reload = reload;
  return entry;
}

// Whether the host can still stop this event (an outbound therapist message or a booking).
bool stoppable(const Event& event) {
  if (const auto* m = std::get_if<MessageEvent>(&event.body))
    return m->from.role == Role::therapist;
  return event.type() == EventType::appointment;
}

}  // namespace

const char* Engine::version() { return BG_VERSION; }

Engine::Engine(EngineConfig config)
    : config_(std::move(config)),
      log_(make_diagnostic_log(config_.options.diagnostic_log)),
      decoder_(EventLimits{config_.options.max_text_bytes, 16, 256}),
      seen_(config_.options.seen_event_capacity) {
  if (config_.policy_path.empty()) config_.policy_path = default_policy_path();
  policy_ = config_.policy ? std::move(config_.policy) : load_or_throw(config_.policy_path, *log_);
  if (!config_.audit_path.empty()) {
    AuditStoreOptions audit;
    audit.mode = config_.options.audit_mode;
    audit.commit_delay = std::chrono::milliseconds{config_.options.audit_commit_delay_ms};
    audit.queue_capacity = config_.options.audit_queue_capacity;
    audit.key_file = config_.options.audit_key_file;
    audit.log = log_;
    audit_ = std::make_unique<SqliteAuditStore>(config_.audit_path, version(), audit);
    audit_->append_policy(policy_entry(*policy_, false));
    rebuild_pattern_history();
  }
  if (config_.options.watch_policy_ms > 0) {
    watcher_ = std::make_unique<PolicyWatcher>(
        policy_->files, std::chrono::milliseconds{config_.options.watch_policy_ms},
        [this] { return reload_after_file_change(); });
  }
  log_->info("engine {} open; audit log {}; policy file watch {}", version(), audit_ ? "on" : "off",
             watcher_ ? "on" : "off");
}

std::vector<std::string> Engine::reload_after_file_change() {
  std::string error;
  const Status status = reload_policy("", error);
  if (status != Status::ok) {
    std::lock_guard lock{watch_mutex_};
    watch_status_ = status;
    watch_error_ = error;
  }
  if (status == Status::ok) {
    log_->info("policy reloaded after a file change: {}", policy()->label());
  } else {
    log_->error(
        "a policy file changed but the policy was not reloaded; the last good policy "
        "stays active: {}",
        error);
  }
  // The files the active policy was read from: after a failed reload still the old set, which
  // holds the file whose edit broke it, so its fix is seen too.
  return policy()->files;
}

Status Engine::policy_watch_status(std::string& error) const {
  std::lock_guard lock{watch_mutex_};
  error = watch_error_;
  return watch_status_;
}

// The pattern category counts a pair's recent flags; after a restart they are read back from
// the audit log, counted as apply_pattern_rules counted them (pattern findings themselves and
// suppressed or low findings left out).
void Engine::rebuild_pattern_history() {
  const auto& settings = policy_->settings;
  std::vector<LoggedFlag> flags;
  try {
    flags = audit_->recent_flags(std::chrono::hours{24 * settings.pattern_window_days});
  } catch (const AuditFailure& e) {
    log_->warn("pattern history not rebuilt from the audit log: {}", e.what());
    return;
  }
  size_t recorded = 0;
  for (const auto& flag : flags) {
    if (flag.therapist.empty()) continue;
    const auto verdict = decode_verdict_json(flag.verdict_json);
    if (!verdict) continue;
    std::optional<Severity> highest;
    for (const auto& f : verdict->findings) {
      if (f.category == Category::pattern || !f.suppressed_by.empty() ||
          f.severity < settings.pattern_min_severity) {
        continue;
      }
      highest = highest ? std::max(*highest, f.severity) : f.severity;
    }
    if (!highest) continue;
    patterns_.record(flag.therapist, flag.client, {flag.event_time, flag.audit_id, *highest});
    ++recorded;
  }
  log_->info("pattern history: {} flagged event(s) read back from the audit log", recorded);
}

Engine::~Engine() {
  watcher_.reset();  // no reload may start while the rest is torn down
  try {
    std::string ignored;
    flush(ignored);
  } catch (...) {
    // A destructor must not throw; what could not be committed stays in the journal.
  }
}

EvaluateResult Engine::evaluate_json(std::string_view json) {
  Event event;
  EventError error;
  if (!decoder_.decode(json, event, error)) {
    log_->info("rejected an event: field {}", error.field.empty() ? "-" : error.field);
    return {Status::bad_event, nullptr, error.describe()};
  }
  return evaluate(event);
}

EvaluateResult Engine::evaluate(const Event& event) {
  if (event.is_roster()) {
    roster_.apply(event);
    auto verdict = std::make_shared<Verdict>();
    verdict->event_id = event.id;
    verdict->event_type = event.type();
    verdict->finalize();
    return {Status::ok, std::move(verdict), {}};
  }
  std::shared_ptr<const Verdict> verdict = seen_.find(event.id);
  const auto policy = this->policy();
  try {
    if (!verdict && audit_) {
      if (auto logged = audit_->find_verdict(event.id)) {
        if (auto decoded = decode_verdict_json(logged->json)) {
          for (size_t i = 0; i < decoded->findings.size() && i < logged->finding_notices.size();
               ++i) {
            decoded->findings[i].notice = logged->finding_notices[i];
          }
          verdict = seen_.insert(event.id, std::make_shared<Verdict>(std::move(*decoded)));
        }
      }
    }
    if (!verdict) verdict = run_detection(event, *policy);
    // In durable mode a logged verdict is released only once its entry is synced; waiting here,
    // outside every lock, lets concurrent evaluations share one sync.
    if (audit_ && !verdict->audit_id.empty()) audit_->await_verdict(event.id);
    return {Status::ok, std::move(verdict), {}};
  } catch (const AuditFailure& e) {
    log_->error("event {}: audit log failed: {}", event.id, e.what());
    return {Status::audit, fail_safe_verdict(event, "the audit log could not be written"),
            std::string{"audit log: "} + e.what()};
  } catch (const std::bad_alloc&) {
    log_->error("event {}: out of memory during evaluation", event.id);
    return {Status::no_memory, fail_safe_verdict(event, "it ran out of memory"),
            "out of memory while evaluating the event"};
  } catch (const std::exception& e) {
    log_->error("event {}: internal error: {}", event.id, e.what());
    return {Status::internal, fail_safe_verdict(event, "of an internal error"),
            std::string{"internal error: "} + e.what()};
  }
}

std::shared_ptr<const Verdict> Engine::run_detection(const Event& event, const Policy& policy) {
  const auto& fault = config_.options.fault_injection;
  auto verdict = std::make_shared<Verdict>();
  verdict->event_id = event.id;
  verdict->event_type = event.type();
  verdict->policy = policy.label();
  {
    const auto lock = roster_.read_lock();
    const EvaluationContext context{event, policy, roster_};
    if (!context.therapist_id().empty() && context.therapist() == nullptr) {
      log_->warn("event {}: therapist {} is not on the roster; time rules skipped", event.id,
                 context.therapist_id());
    }
    if (fault == "detector") throw std::runtime_error("injected fault in a detector");
    if (fault == "bad_alloc") throw std::bad_alloc();
    evaluate_rules(context, RulePass::regular, verdict->findings);
    // Two threads may evaluate the same new id at once: only the first logs and is kept. The
    // pair's history is read and extended under the same lock, so patterns count each event
    // once and in order.
    std::lock_guard commit{commit_mutex_};
    if (auto seen = seen_.find(event.id)) return seen;
    const auto flagged = apply_pattern_rules(context, *verdict);
    if (const size_t dropped = bound_findings(verdict->findings)) {
      log_->warn("event {}: {} finding(s) over the limit of {} dropped", event.id, dropped,
                 kMaxFindingsPerEvent);
    }
    verdict->decide();
    if (!verdict->findings.empty()) log_verdict(event, *verdict, context);
    verdict->render();
    if (flagged) {
      patterns_.record(
          context.therapist_id(), context.client_id(),
          {context.when(), verdict->audit_id.empty() ? event.id : verdict->audit_id, *flagged});
    }
    return seen_.insert(event.id, std::move(verdict));
  }
}

std::optional<Severity> Engine::apply_pattern_rules(const EvaluationContext& context,
                                                    Verdict& verdict) {
  const auto& settings = context.policy().settings;
  if (context.therapist_id().empty()) return std::nullopt;
  std::optional<Severity> highest;
  for (const auto& f : verdict.findings) {
    if (f.suppressed_by.empty() && f.severity >= settings.pattern_min_severity) {
      highest = highest ? std::max(*highest, f.severity) : f.severity;
    }
  }
  if (!highest) return std::nullopt;
  EvaluationContext::PairHistory history;
  history.flagged = true;
  history.highest = *highest;
  for (const auto& earlier :
       patterns_.recent(context.therapist_id(), context.client_id(), context.when(),
                        std::chrono::hours{24 * settings.pattern_window_days})) {
    ++history.earlier;
    history.entries.push_back(earlier.entry);
    history.highest = std::max(history.highest, earlier.severity);
  }
  context.set_pair_history(std::move(history));
  evaluate_rules(context, RulePass::pattern, verdict.findings);
  return highest;
}

void Engine::log_verdict(const Event& event, Verdict& verdict, const EvaluationContext& context) {
  if (!audit_) return;
  if (config_.options.fault_injection == "audit") throw AuditFailure("injected audit failure");
  VerdictEntry entry;
  entry.verdict = &verdict;
  entry.therapist = context.therapist_id();
  entry.client = context.client_id();
  if (context.therapist_zone())
    entry.therapist_zone = std::string{context.therapist_zone()->name()};
  if (context.client_zone()) entry.client_zone = std::string{context.client_zone()->name()};
  entry.event_time = context.when();
  if (context.therapist() != nullptr) entry.supervisor = context.therapist()->supervisor;
  entry.text = context.text();
  const PolicySettings& settings = context.policy().settings;
  entry.evidence = settings.evidence;
  entry.evidence_window_chars = settings.evidence_window_chars;
  entry.policy_sha256 = context.policy().sha256;
  verdict.audit_id = audit_->append_verdict(entry);
  log_->info("event {} ({}): {} finding(s), decision {}, logged as {}", event.id,
             name_of(event.type()), verdict.findings.size(), name_of(verdict.decision),
             verdict.audit_id);
}

std::shared_ptr<const Verdict> Engine::fail_safe_verdict(const Event& event,
                                                         const std::string& why) const {
  auto verdict = std::make_shared<Verdict>();
  verdict->event_id = event.id;
  verdict->event_type = event.type();
  verdict->fail_safe = true;
  const bool closed = config_.options.fail_mode == FailMode::closed;
  verdict->decision =
      closed ? (stoppable(event) ? Decision::hold : Decision::warn) : Decision::allow;
  verdict->notice =
      "Boundary Guard could not check this because " + why +
      ", so nothing was recorded for supervision." +
      (closed ? " Your practice holds unchecked items: please ask your administrator."
              : " Please use your own judgement; your administrator has the details.");
  verdict->finalize();
  return verdict;
}

Status Engine::record_outcome(const OutcomeEntry& outcome, std::string& error) {
  if (outcome.kind == OutcomeKind::sent_anyway && outcome.justification.empty()) {
    error = "sending anyway needs a justification from the therapist";
    return Status::invalid_argument;
  }
  if (!audit_) {
    error = "the engine has no audit log to record outcomes in";
    return Status::not_found;
  }
  try {
    if (!audit_->append_outcome(outcome)) {
      error = "no flagged event \"" + outcome.event_id + "\" is in the audit log";
      return Status::not_found;
    }
  } catch (const AuditFailure& e) {
    error = std::string{"audit log: "} + e.what();
    return Status::audit;
  }
  return Status::ok;
}

Status Engine::reload_policy(const std::string& path, std::string& error) {
  std::lock_guard lock{reload_mutex_};
  const std::string target = path.empty() ? config_.policy_path : path;
  try {
    auto fresh = load_or_throw(target, *log_);
    // The change is on record before any verdict can cite the new policy.
    if (audit_) audit_->append_policy(policy_entry(*fresh, true));
    std::atomic_store(&policy_, std::move(fresh));
    config_.policy_path = target;
    {
      // Any successful reload ends a failed automatic one, and the files to watch follow the
      // policy now active (a host may reload from another path).
      std::lock_guard watch{watch_mutex_};
      watch_status_ = Status::ok;
      watch_error_.clear();
    }
    if (watcher_) watcher_->watch(policy()->files);
    return Status::ok;
  } catch (const AuditFailure& e) {
    error = std::string{"the policy change could not be recorded in the audit log: "} + e.what();
    return Status::audit;
  } catch (const std::exception& e) {
    error = e.what();
    return Status::policy;
  }
}

Status Engine::flush(std::string& error) {
  if (!audit_) return Status::ok;
  try {
    audit_->flush();
    return Status::ok;
  } catch (const AuditFailure& e) {
    error = e.what();
    return Status::audit;
  }
}

}  // namespace bg
