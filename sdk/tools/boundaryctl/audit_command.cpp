// `boundaryctl audit verify|list|show|resolve|export|bundle|stats|purge`: the clinical
// supervisor's and the administrator's tools for the audit log, run through the plugin's audit
// functions (ABI 1.3) so that the tool reads the log exactly as the plugin writes it.
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "boundary_guard/boundary_guard.hpp"
#include "boundary_guard/plugin_loader.hpp"
#include "command.h"

namespace boundaryctl {
namespace {

struct AuditOptions {
  std::string db = "boundary-guard-audit.db";
  std::string plugin;
  std::string format;
  std::string key_file;
  std::string zone;
  std::string output;
  // Filters.
  std::vector<std::string> ids, therapists, clients, categories;
  std::string supervisor, severity, status = "all", from, until;
  // show / resolve
  std::string id;
  std::string disposition, by, note, reason;
  // purge
  std::string before;
  int retention_years = 0;
};

// The request object of docs/audit.md from the options that were given.
std::string request_json(const AuditOptions& o, bool filters) {
  nlohmann::json j = nlohmann::json::object();
  if (filters) {
    if (!o.ids.empty()) j["ids"] = o.ids;
    if (!o.therapists.empty()) j["therapist"] = o.therapists;
    if (!o.clients.empty()) j["client"] = o.clients;
    if (!o.categories.empty()) j["category"] = o.categories;
    if (!o.supervisor.empty()) j["supervisor"] = o.supervisor;
    if (!o.severity.empty()) j["severity"] = o.severity;
    if (!o.status.empty()) j["status"] = o.status;
    if (!o.from.empty()) j["from"] = o.from;
    if (!o.until.empty()) j["until"] = o.until;
  }
  if (!o.key_file.empty()) j["key_file"] = o.key_file;
  if (!o.zone.empty()) j["zone"] = o.zone;
  if (!o.by.empty() && !o.before.empty()) j["by"] = o.by;
  if (o.retention_years > 0) j["retention_years"] = o.retention_years;
  return j.dump();
}

// Writes a report where it belongs and maps its status to an exit code: 0 ok; 1 the chain
// does not verify (verify, bundle); 2 anything else (the message goes to stderr).
int finish(const boundary_guard::Report& report, const std::string& output, bool tamper_is_1) {
  const bool tampered = report.status == BG_E_AUDIT && tamper_is_1;
  if (report.status != BG_OK && !tampered) {
    std::string message = report.text;
    while (!message.empty() && message.back() == '\n') message.pop_back();
    std::fprintf(stderr, "boundaryctl: %s (%s)\n", message.c_str(),
                 boundary_guard::status_name(report.status));
    return kExitFailure;
  }
  if (!output.empty()) {
    std::ofstream out{output, std::ios::binary};
    out << report.text;
    if (!out.flush()) {
      std::fprintf(stderr, "boundaryctl: cannot write %s\n", output.c_str());
      return kExitFailure;
    }
  } else {
    std::fputs(report.text.c_str(), stdout);
    std::fflush(stdout);
  }
  return tampered ? kExitRejected : kExitOk;
}

template <typename Tool>
int run_tool(const AuditOptions& o, bool tamper_is_1, Tool&& tool) {
  try {
    const boundary_guard::PluginLoader plugin{o.plugin};
    return finish(tool(plugin.api()), o.output, tamper_is_1);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "boundaryctl: %s\n", e.what());
    return kExitFailure;
  }
}

CLI::App* add(CLI::App& audit, const char* name, const char* help, AuditOptions& o) {
  CLI::App* cmd = audit.add_subcommand(name, help);
  cmd->footer(kExitCodes);
  cmd->add_option("--db", o.db, "The audit database (SQLite)")->capture_default_str();
  cmd->add_option("--plugin", o.plugin, kPluginHelp);
  return cmd;
}

void add_format(CLI::App* cmd, AuditOptions& o, std::vector<std::string> formats) {
  o.format = formats.front();
  cmd->add_option("--format", o.format, "Output format")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
}

void add_key(CLI::App* cmd, AuditOptions& o) {
  cmd->add_option("--key-file", o.key_file,
                  "The chain's HMAC key. Default: $BOUNDARY_GUARD_AUDIT_KEY_FILE, else "
                  "$BOUNDARY_GUARD_AUDIT_KEY, else none");
}

void add_zone(CLI::App* cmd, AuditOptions& o) {
  cmd->add_option("--zone", o.zone,
                  "Your IANA time zone, for supervisors' and recorded times (event times are "
                  "always shown in the therapist's and the client's zones). Default: UTC");
}

void add_filters(CLI::App* cmd, AuditOptions& o) {
  cmd->add_option("--therapist", o.therapists, "Only this therapist's flags (repeatable)");
  cmd->add_option("--client", o.clients, "Only flags about this client (repeatable)");
  cmd->add_option("--supervisor", o.supervisor,
                  "Only the flags of therapists this supervisor is supervisor of record for");
  cmd->add_option("--category", o.categories, "Only flags with a finding in this category")
      ->check(CLI::IsMember({"off_hours", "personal_channel", "social_media", "personal_content",
                             "romantic_sexual", "outside_setting", "non_therapeutic_request",
                             "gift_money", "post_termination", "pattern"}));
  cmd->add_option("--severity", o.severity, "Only flags at least this severe")
      ->check(CLI::IsMember({"info", "low", "medium", "high", "critical"}));
  cmd->add_option("--status", o.status, "open, resolved or all")
      ->check(CLI::IsMember({"open", "resolved", "all"}))
      ->capture_default_str();
  cmd->add_option("--from", o.from, "First date (YYYY-MM-DD, in the therapist's zone)");
  cmd->add_option("--until", o.until, "Last date, inclusive");
  cmd->add_option("--id", o.ids, "Only this flag (repeatable)");
}

bg_disposition_kind disposition_kind(const std::string& name) {
  if (name == "acknowledged") return BG_DISPOSITION_ACKNOWLEDGED;
  if (name == "discussed_in_supervision") return BG_DISPOSITION_DISCUSSED_IN_SUPERVISION;
  if (name == "false_positive") return BG_DISPOSITION_FALSE_POSITIVE;
  if (name == "escalated") return BG_DISPOSITION_ESCALATED;
  return BG_DISPOSITION_REPORTED_TO_BOARD;
}

}  // namespace

std::vector<Command> add_audit_commands(CLI::App& app) {
  CLI::App* audit = app.add_subcommand(
      "audit", "Verify, review, resolve, export and purge the audit log (docs/audit.md)");
  audit->require_subcommand(1);
  audit->footer(kExitCodes);
  std::vector<Command> commands;

  auto verify = std::make_shared<AuditOptions>();
  CLI::App* cmd = add(*audit, "verify",
                      "Check the hash chain end to end and name the first edited, deleted, "
                      "inserted or reordered entry, or a cut tail (exit 1 when tampered)",
                      *verify);
  add_format(cmd, *verify, {"text", "json"});
  add_key(cmd, *verify);
  commands.emplace_back(cmd, [verify] {
    return run_tool(*verify, true, [&](const bg_api* api) {
      return boundary_guard::audit_verify(api, verify->db, request_json(*verify, false),
                                          verify->format);
    });
  });

  auto list = std::make_shared<AuditOptions>();
  cmd = add(*audit, "list",
            "The flags, oldest first, with status and times in the therapist's and the client's "
            "zones",
            *list);
  add_format(cmd, *list, {"table", "json", "csv"});
  add_filters(cmd, *list);
  add_zone(cmd, *list);
  commands.emplace_back(cmd, [list] {
    return run_tool(*list, false, [&](const bg_api* api) {
      return boundary_guard::audit_list(api, list->db, request_json(*list, true), list->format);
    });
  });

  auto show = std::make_shared<AuditOptions>();
  cmd = add(*audit, "show",
            "One flag: findings, citations, evidence, outcomes, dispositions and the pair's "
            "other flags",
            *show);
  cmd->add_option("id", show->id, "The flag's audit id, e.g. au-000012")->required();
  add_format(cmd, *show, {"text", "json"});
  add_zone(cmd, *show);
  commands.emplace_back(cmd, [show] {
    return run_tool(*show, false, [&](const bg_api* api) {
      return boundary_guard::audit_show(api, show->db, show->id, request_json(*show, false),
                                        show->format);
    });
  });

  auto resolve = std::make_shared<AuditOptions>();
  cmd = add(*audit, "resolve",
            "Record a supervisor's disposition of a flag (a new entry; the flag stays as it was)",
            *resolve);
  cmd->add_option("id", resolve->id, "The flag's audit id")->required();
  cmd->add_option("--disposition", resolve->disposition, "What was decided")
      ->required()
      ->check(CLI::IsMember({"acknowledged", "discussed_in_supervision", "false_positive",
                             "escalated", "reported_to_board"}));
  cmd->add_option("--by", resolve->by, "Who decides (the supervisor's id)")->required();
  cmd->add_option("--note", resolve->note, "A note for the record");
  cmd->add_option("--reason", resolve->reason, "Why it is a false positive (required for it)");
  add_key(cmd, *resolve);
  commands.emplace_back(cmd, [resolve] {
    return run_tool(*resolve, false, [&](const bg_api* api) {
      boundary_guard::Disposition d;
      d.audit_id = resolve->id;
      d.kind = disposition_kind(resolve->disposition);
      d.by = resolve->by;
      d.note = resolve->note;
      d.reason = resolve->reason;
      return boundary_guard::audit_resolve(api, resolve->db, d, request_json(*resolve, false));
    });
  });

  auto exported = std::make_shared<AuditOptions>();
  cmd = add(*audit, "export",
            "The flags as CSV (one row per finding) or JSON Lines (one flag per line)", *exported);
  add_format(cmd, *exported, {"csv", "jsonl"});
  add_filters(cmd, *exported);
  add_zone(cmd, *exported);
  cmd->add_option("--output", exported->output, "Write to this file instead of stdout");
  commands.emplace_back(cmd, [exported] {
    return run_tool(*exported, false, [&](const bg_api* api) {
      return boundary_guard::audit_export(api, exported->db, request_json(*exported, true),
                                          exported->format);
    });
  });

  auto bundle = std::make_shared<AuditOptions>();
  cmd = add(*audit, "bundle",
            "An evidence bundle for a licensing board: the selected flags, their dispositions "
            "and the chain proof that they are unaltered (JSON; exit 1 when the chain is broken)",
            *bundle);
  add_filters(cmd, *bundle);
  add_zone(cmd, *bundle);
  add_key(cmd, *bundle);
  cmd->add_option("--output", bundle->output, "Write to this file instead of stdout");
  commands.emplace_back(cmd, [bundle] {
    return run_tool(*bundle, true, [&](const bg_api* api) {
      return boundary_guard::audit_bundle(api, bundle->db, request_json(*bundle, true));
    });
  });

  auto stats = std::make_shared<AuditOptions>();
  cmd = add(*audit, "stats", "Flags per therapist, per category and per week", *stats);
  add_format(cmd, *stats, {"table", "json", "csv"});
  add_filters(cmd, *stats);
  commands.emplace_back(cmd, [stats] {
    return run_tool(*stats, false, [&](const bg_api* api) {
      return boundary_guard::audit_stats(api, stats->db, request_json(*stats, true), stats->format);
    });
  });

  auto purge = std::make_shared<AuditOptions>();
  cmd = add(*audit, "purge",
            "Delete entries recorded before a date past the retention period (6 years at "
            "least) and leave a checkpoint so the chain still verifies",
            *purge);
  cmd->add_option("--before", purge->before, "Purge entries recorded before this date (UTC)")
      ->required();
  cmd->add_option("--by", purge->by, "Who purges")->required();
  cmd->add_option("--retention-years", purge->retention_years,
                  "Keep at least this many years (never less than the log's policies ask)");
  add_key(cmd, *purge);
  commands.emplace_back(cmd, [purge] {
    return run_tool(*purge, false, [&](const bg_api* api) {
      return boundary_guard::audit_purge(api, purge->db, purge->before,
                                         request_json(*purge, false));
    });
  });
  return commands;
}

}  // namespace boundaryctl
