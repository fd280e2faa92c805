#include "policy/error_codes.h"

namespace bg {

const std::vector<ErrorCodeInfo>& policy_error_codes() {
  static const std::vector<ErrorCodeInfo> codes = {
      {"BG-P001", "cannot read a policy file",
       "The file or folder does not exist or cannot be read. A folder pack needs a pack.yaml."},
      {"BG-P002", "not valid YAML",
       "The file is not valid YAML. Check indentation (spaces, not tabs), colons after keys and "
       "closing quotes and brackets near the line shown."},
      {"BG-P003", "wrong kind of value",
       "A key holds the wrong kind of value: for example a single value where a list is needed "
       "(write [a, b]), or a list where a mapping is needed."},
      {"BG-P004", "unknown key (warning)",
       "A key this version does not know is ignored. It is often a typo of a known key; the "
       "message suggests the closest one."},
      {"BG-P005", "missing required key",
       "An item lacks a key it needs, such as a rule without a condition (when) or a category."},
      {"BG-P006", "unknown value",
       "A value is not one of those allowed here, for example a category, severity, decision, "
       "channel, setting kind or event type that does not exist. The message lists the allowed "
       "values."},
      {"BG-P007", "bad time, date or range",
       "Hours are \"HH:MM-HH:MM\" on a 24-hour clock, ending after they start (24:00 may end a "
       "day); ranges on one day may not overlap. Dates are YYYY-MM-DD."},
      {"BG-P008", "defined twice",
       "A rule, list, lexicon, classifier, macro or exception id is defined twice. To change "
       "something a pack you extend defines, use overrides."},
      {"BG-P009", "lexicon does not compile",
       "A lexicon's phrases could not be compiled into a pattern (usually far too many or far "
       "too long phrases)."},
      {"BG-P010", "extends loop",
       "Packs extend each other in a circle. A pack may only extend packs below it."},
      {"BG-P011", "extended pack not found",
       "A pack named in extends was not found beside this pack (as a folder with pack.yaml, or "
       "a .yaml file)."},
      {"BG-P012", "bad setting value",
       "A setting is out of its range, such as a negative gift threshold or a retention period "
       "under the 6 years HIPAA requires."},
      {"BG-P020", "unknown name in a condition",
       "A condition names a field, list, lexicon or macro that does not exist. Text values must "
       "be quoted ('personal_sms'). The message suggests the closest known name."},
      {"BG-P021", "condition syntax",
       "The condition does not parse: a missing operand, an unclosed parenthesis or quote, = "
       "instead of ==."},
      {"BG-P022", "type mismatch",
       "The condition compares or combines values of different types: text with a number, a "
       "number used as true/false, 'contains' on something that is not text."},
      {"BG-P023", "impossible value",
       "A condition compares a field with a value it can never have (a misspelt channel or "
       "category, say), so the rule would never fire."},
      {"BG-P024", "bad regular expression",
       "The text after 'matches' is not a valid RE2 pattern, or is too large."},
      {"BG-P025", "condition too deep",
       "The condition (with its macros expanded) is nested too deeply; simplify it."},
      {"BG-P026", "macro loop", "A macro uses itself, directly or through other macros."},
      {"BG-P030", "override of something that does not exist",
       "An override names a rule, list or lexicon that no pack defines (check the id and the "
       "extends chain)."},
      {"BG-P031", "field not set for the rule's events",
       "A condition reads a field that the rule's event types never set (location.kind in a "
       "rule for messages, say), so that part could never be true."},
      {"BG-P032", "unused item (warning)",
       "A list, macro, lexicon or classifier is defined but no rule, exception or macro uses "
       "it."},
      {"BG-P033", "exception expired (warning)",
       "An exception's expiry date has passed; it no longer suppresses anything. Renew it with "
       "its owner or remove it."},
      {"BG-P034", "bad notice or explanation template",
       "A {placeholder} in a notice or explanation is not a known name, or a brace is unclosed."},
      {"BG-P035", "text model cannot be read",
       "A classifier's model file is missing, unreadable or not a Boundary Guard text model. "
       "Paths are relative to the YAML file that declares the classifier."},
  };
  return codes;
}

const ErrorCodeInfo* find_error_code(std::string_view code) {
  for (const auto& info : policy_error_codes()) {
    if (info.code == code) return &info;
  }
  return nullptr;
}

}  // namespace bg
