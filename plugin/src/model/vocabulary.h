// The closed vocabularies of event schema v1 and of verdicts, with their wire names.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace bg {

enum class EventType {
  therapist,
  client,
  boundary_extension,
  message,
  appointment,
  social,
  payment
};
enum class Role { therapist, client };
enum class Channel {
  portal,
  practice_sms,
  practice_email,
  practice_phone,
  telehealth_chat,
  personal_sms,
  personal_email,
  personal_phone,
  social_dm,
  other
};
enum class AppointmentAction { created, updated, cancelled };
enum class LocationKind { office, telehealth, client_home, community, other };
enum class SocialAction {
  follow,
  friend_request,
  connection_accept,
  message,
  like,
  comment,
  tag,
  profile_view
};
enum class PaymentKind { fee, copay, refund, gift, loan, barter, tip, other };
enum class ClientStatus { active, terminated };
enum class Category {
  off_hours,
  personal_channel,
  social_media,
  personal_content,
  romantic_sexual,
  outside_setting,
  non_therapeutic_request,
  gift_money,
  post_termination,
  pattern
};
enum class Severity { info, low, medium, high, critical };
enum class Decision { allow, warn, hold, block };

// Wire names, indexed by the enum's value. Each table lists every enumerator in order.
template <typename E>
struct Names;

#define BG_NAMES(E, ...)                                                                         \
  template <>                                                                                    \
  struct Names<E> {                                                                              \
    static constexpr std::array<std::string_view, std::size({__VA_ARGS__})> kAll{{__VA_ARGS__}}; \
  }

BG_NAMES(EventType, "therapist", "client", "boundary_extension", "message", "appointment", "social",
         "payment");
BG_NAMES(Role, "therapist", "client");
BG_NAMES(Channel, "portal", "practice_sms", "practice_email", "practice_phone", "telehealth_chat",
         "personal_sms", "personal_email", "personal_phone", "social_dm", "other");
BG_NAMES(AppointmentAction, "created", "updated", "cancelled");
BG_NAMES(LocationKind, "office", "telehealth", "client_home", "community", "other");
BG_NAMES(SocialAction, "follow", "friend_request", "connection_accept", "message", "like",
         "comment", "tag", "profile_view");
BG_NAMES(PaymentKind, "fee", "copay", "refund", "gift", "loan", "barter", "tip", "other");
BG_NAMES(ClientStatus, "active", "terminated");
BG_NAMES(Category, "off_hours", "personal_channel", "social_media", "personal_content",
         "romantic_sexual", "outside_setting", "non_therapeutic_request", "gift_money",
         "post_termination", "pattern");
BG_NAMES(Severity, "info", "low", "medium", "high", "critical");
BG_NAMES(Decision, "allow", "warn", "hold", "block");
#undef BG_NAMES

template <typename E>
constexpr std::string_view name_of(E value) {
  return Names<E>::kAll[static_cast<std::size_t>(value)];
}

template <typename E>
std::optional<E> parse_name(std::string_view text) {
  const auto& all = Names<E>::kAll;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i] == text) return static_cast<E>(i);
  }
  return std::nullopt;
}

// "a", "b" or "c": the accepted names, for error messages.
template <typename E>
std::string_view accepted_names() {
  static const std::string joined = [] {
    std::string out;
    const auto& all = Names<E>::kAll;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (i > 0) out += (i + 1 == all.size()) ? " or " : ", ";
      out += '"';
      out += all[i];
      out += '"';
    }
    return out;
  }();
  return joined;
}

template <typename E>
constexpr E most_restrictive(E a, E b) {
  return static_cast<int>(a) >= static_cast<int>(b) ? a : b;
}

}  // namespace bg
