#!/usr/bin/env python3
"""A Python host for the Boundary Guard plugin, using ctypes and the standard library only.

It loads the plugin, takes the function table from bg_plugin_get_api(), checks the ABI major
version, opens an engine on the bundled default policy pack and evaluates events of every v1
type as JSON lines (and a few as C structs), reading each verdict through the accessors. For a
flagged message it records that the therapist sent it anyway, with a reason. It exits 0 when
every call returned what a host expects, 1 otherwise, 2 on a usage error.

Usage:
    python_host.py [PLUGIN_PATH [AUDIT_DB_PATH]]
        PLUGIN_PATH defaults to $BOUNDARY_GUARD_PLUGIN. Without AUDIT_DB_PATH the engine has no
        audit log, and recording an outcome is expected to fail with BG_E_NOT_FOUND.
    python_host.py --check-layout PROGRAM
        Runs PROGRAM (tests/abi's C99 header test, built with --layout support), which prints
        sizeof and offsetof of every ABI struct as compiled by C, and compares them with the
        ctypes definitions below.

The ctypes structures mirror sdk/include/boundary_guard/boundary_guard.h field by field; keep
them in the same order when the header grows (structs only grow at the end).
"""

import ctypes
import datetime
import json
import os
import subprocess
import sys

# --------------------------------------------------------------------------------------------
# The ABI, mirrored from boundary_guard.h

BG_ABI_MAJOR = 1
BG_ABI_MINOR = 3

BG_OK = 0
BG_E_INVALID_ARGUMENT = 1
BG_E_BAD_EVENT = 2
BG_E_POLICY = 3
BG_E_AUDIT = 4
BG_E_NOT_FOUND = 5
BG_E_UNSUPPORTED = 6
BG_E_NO_MEMORY = 7
BG_E_INTERNAL = 8
STATUS_NAMES = {
    BG_OK: "BG_OK",
    BG_E_INVALID_ARGUMENT: "BG_E_INVALID_ARGUMENT",
    BG_E_BAD_EVENT: "BG_E_BAD_EVENT",
    BG_E_POLICY: "BG_E_POLICY",
    BG_E_AUDIT: "BG_E_AUDIT",
    BG_E_NOT_FOUND: "BG_E_NOT_FOUND",
    BG_E_UNSUPPORTED: "BG_E_UNSUPPORTED",
    BG_E_NO_MEMORY: "BG_E_NO_MEMORY",
    BG_E_INTERNAL: "BG_E_INTERNAL",
}

BG_DECISION_ALLOW = 0
BG_DECISION_WARN = 1
BG_DECISION_HOLD = 2
BG_DECISION_BLOCK = 3
DECISION_NAMES = ["allow", "warn", "hold", "block"]

BG_SEVERITY_INFO = 0
BG_SEVERITY_LOW = 1
BG_SEVERITY_MEDIUM = 2
BG_SEVERITY_HIGH = 3
BG_SEVERITY_CRITICAL = 4
SEVERITY_NAMES = ["info", "low", "medium", "high", "critical"]

BG_ROLE_THERAPIST = 1
BG_ROLE_CLIENT = 2

BG_EVENT_THERAPIST = 1
BG_EVENT_CLIENT = 2
BG_EVENT_EXTENSION = 3
BG_EVENT_MESSAGE = 4
BG_EVENT_APPOINTMENT = 5
BG_EVENT_SOCIAL = 6
BG_EVENT_PAYMENT = 7

BG_OUTCOME_SENT = 1
BG_OUTCOME_EDITED = 2
BG_OUTCOME_CANCELLED = 3
BG_OUTCOME_SENT_ANYWAY = 4

# Since 1.3: a clinical supervisor's disposition of a flag.
BG_DISPOSITION_ACKNOWLEDGED = 1
BG_DISPOSITION_DISCUSSED_IN_SUPERVISION = 2
BG_DISPOSITION_FALSE_POSITIVE = 3
BG_DISPOSITION_ESCALATED = 4
BG_DISPOSITION_REPORTED_TO_BOARD = 5

bg_status = ctypes.c_int32
bg_decision = ctypes.c_int32
bg_severity = ctypes.c_int32
bg_role = ctypes.c_int32
bg_event_type = ctypes.c_int32
bg_outcome_kind = ctypes.c_int32
bg_disposition_kind = ctypes.c_int32


class bg_str(ctypes.Structure):
    # `data` is a void pointer rather than c_char_p: strings are not NUL-terminated on input, and
    # a c_char_p field would copy (and cut at the first NUL) on every read.
    _fields_ = [("data", ctypes.c_void_p), ("size", ctypes.c_size_t)]

    def text(self):
        if not self.data or self.size == 0:
            return ""
        return ctypes.string_at(self.data, self.size).decode("utf-8")


class bg_engine_config(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_uint32),
        ("policy_path", bg_str),
        ("audit_path", bg_str),
        ("options_json", bg_str),
    ]


class bg_party(ctypes.Structure):
    _fields_ = [("role", bg_role), ("id", bg_str)]


class bg_therapist_event(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_uint32),
        ("id", bg_str),
        ("time_zone", bg_str),
        ("supervisor", bg_str),
        ("hours_mon_to_sun", ctypes.POINTER(bg_str)),
    ]


class bg_client_event(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_uint32),
        ("id", bg_str),
        ("therapist", bg_str),
        ("time_zone", bg_str),
        ("status", bg_str),
        ("terminated_on", bg_str),
    ]


class bg_extension_event(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_uint32),
        ("id", bg_str),
        ("therapist", bg_str),
        ("client", bg_str),
        ("covers", ctypes.POINTER(bg_str)),
        ("covers_count", ctypes.c_size_t),
        ("reason", bg_str),
        ("approved_by", bg_str),
        ("from_", bg_str),  # `from` in C; a keyword in Python
        ("until", bg_str),
    ]


class bg_message_event(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_uint32),
        ("id", bg_str),
        ("at_ms", ctypes.c_int64),
        ("from_", bg_party),  # `from` in C
        ("to", bg_party),
        ("channel", bg_str),
        ("text", bg_str),
        ("platform", bg_str),
    ]


class bg_appointment_event(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_uint32),
        ("id", bg_str),
        ("action", bg_str),
        ("start_ms", ctypes.c_int64),
        ("end_ms", ctypes.c_int64),
        ("therapist", bg_str),
        ("client", bg_str),
        ("location_kind", bg_str),
        ("location_name", bg_str),
        ("location_address", bg_str),
        ("service", bg_str),
    ]


class bg_social_event(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_uint32),
        ("id", bg_str),
        ("at_ms", ctypes.c_int64),
        ("platform", bg_str),
        ("action", bg_str),
        ("actor", bg_party),
        ("target", bg_party),
    ]


class bg_payment_event(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_uint32),
        ("id", bg_str),
        ("at_ms", ctypes.c_int64),
        ("from_", bg_party),  # `from` in C
        ("to", bg_party),
        ("kind", bg_str),
        ("amount_value", ctypes.c_double),
        ("amount_currency", bg_str),
        ("description", bg_str),
    ]


class bg_evidence(ctypes.Structure):
    _fields_ = [("start", ctypes.c_uint32), ("end", ctypes.c_uint32), ("text", bg_str)]


class bg_finding(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_uint32),
        ("rule", bg_str),
        ("category", bg_str),
        ("severity", bg_severity),
        ("decision", bg_decision),
        ("explanation", bg_str),
        ("notice", bg_str),
        ("suppressed_by", bg_str),
        ("citations", ctypes.POINTER(bg_str)),
        ("citation_count", ctypes.c_size_t),
        ("evidence", ctypes.POINTER(bg_evidence)),
        ("evidence_count", ctypes.c_size_t),
    ]


class bg_outcome(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_uint32),
        ("event_id", bg_str),
        ("kind", bg_outcome_kind),
        ("justification", bg_str),
        ("at_ms", ctypes.c_int64),
    ]


class bg_disposition(ctypes.Structure):  # since 1.3
    _fields_ = [
        ("struct_size", ctypes.c_uint32),
        ("audit_id", bg_str),
        ("kind", bg_disposition_kind),
        ("by", bg_str),
        ("note", bg_str),
        ("reason", bg_str),
        ("at_ms", ctypes.c_int64),
    ]


# Opaque handles.
bg_engine_p = ctypes.c_void_p
bg_verdict_p = ctypes.c_void_p
bg_text_p = ctypes.c_void_p  # since 1.1

_F = ctypes.CFUNCTYPE


class bg_api(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_uint32),
        ("abi_major", ctypes.c_uint32),
        ("abi_minor", ctypes.c_uint32),
        ("version", _F(ctypes.c_char_p)),
        (
            "engine_open",
            _F(
                bg_status,
                ctypes.POINTER(bg_engine_config),
                ctypes.POINTER(bg_engine_p),
                ctypes.c_char_p,
                ctypes.c_size_t,
            ),
        ),
        ("engine_close", _F(None, bg_engine_p)),
        ("last_error", _F(bg_str, bg_engine_p)),
        ("evaluate_json", _F(bg_status, bg_engine_p, bg_str, ctypes.POINTER(bg_verdict_p))),
        (
            "evaluate_struct",
            _F(
                bg_status,
                bg_engine_p,
                bg_event_type,
                ctypes.c_void_p,
                ctypes.POINTER(bg_verdict_p),
            ),
        ),
        ("verdict_free", _F(None, bg_verdict_p)),
        ("verdict_event_id", _F(bg_str, bg_verdict_p)),
        ("verdict_decision", _F(bg_decision, bg_verdict_p)),
        ("verdict_notice", _F(bg_str, bg_verdict_p)),
        ("verdict_audit_id", _F(bg_str, bg_verdict_p)),
        ("verdict_finding_count", _F(ctypes.c_size_t, bg_verdict_p)),
        (
            "verdict_finding",
            _F(bg_status, bg_verdict_p, ctypes.c_size_t, ctypes.POINTER(bg_finding)),
        ),
        ("verdict_json", _F(bg_str, bg_verdict_p)),
        ("record_outcome", _F(bg_status, bg_engine_p, ctypes.POINTER(bg_outcome))),
        ("reload_policy", _F(bg_status, bg_engine_p, bg_str)),
        ("flush", _F(bg_status, bg_engine_p)),
        # Since ABI 1.1: policy tools. A host checks abi_minor (or struct_size) before calling a
        # pointer added after 1.0.
        ("text_view", _F(bg_str, bg_text_p)),
        ("text_free", _F(None, bg_text_p)),
        ("policy_check", _F(bg_status, bg_str, bg_str, ctypes.POINTER(bg_text_p))),
        (
            "policy_explain",
            _F(bg_status, bg_str, bg_str, bg_str, ctypes.POINTER(bg_text_p)),
        ),
        ("policy_test", _F(bg_status, bg_str, bg_str, ctypes.POINTER(bg_text_p))),
        # Since ABI 1.2: adapters (FHIR R4, iCalendar, Twilio SMS webhooks).
        (
            "convert",
            _F(
                bg_status,
                bg_str,
                bg_str,
                bg_str,
                bg_str,
                ctypes.POINTER(bg_text_p),
                ctypes.POINTER(bg_text_p),
            ),
        ),
        (
            "evaluate_fhir",
            _F(
                bg_status,
                bg_engine_p,
                bg_str,
                bg_str,
                ctypes.POINTER(bg_text_p),
                ctypes.POINTER(bg_text_p),
            ),
        ),
        # Since ABI 1.3: the audit log.
        ("audit_verify", _F(bg_status, bg_str, bg_str, bg_str, ctypes.POINTER(bg_text_p))),
        ("audit_list", _F(bg_status, bg_str, bg_str, bg_str, ctypes.POINTER(bg_text_p))),
        (
            "audit_show",
            _F(bg_status, bg_str, bg_str, bg_str, bg_str, ctypes.POINTER(bg_text_p)),
        ),
        (
            "audit_resolve",
            _F(
                bg_status,
                bg_str,
                ctypes.POINTER(bg_disposition),
                bg_str,
                ctypes.POINTER(bg_text_p),
            ),
        ),
        ("audit_export", _F(bg_status, bg_str, bg_str, bg_str, ctypes.POINTER(bg_text_p))),
        ("audit_bundle", _F(bg_status, bg_str, bg_str, ctypes.POINTER(bg_text_p))),
        ("audit_stats", _F(bg_status, bg_str, bg_str, bg_str, ctypes.POINTER(bg_text_p))),
        ("audit_purge", _F(bg_status, bg_str, bg_str, bg_str, ctypes.POINTER(bg_text_p))),
        # Since ABI 1.4.
        ("policy_watch_status", _F(bg_status, bg_engine_p)),
    ]


# Every struct the ABI defines, by its C name, for --check-layout.
ABI_STRUCTS = {
    "bg_str": bg_str,
    "bg_engine_config": bg_engine_config,
    "bg_party": bg_party,
    "bg_therapist_event": bg_therapist_event,
    "bg_client_event": bg_client_event,
    "bg_extension_event": bg_extension_event,
    "bg_message_event": bg_message_event,
    "bg_appointment_event": bg_appointment_event,
    "bg_social_event": bg_social_event,
    "bg_payment_event": bg_payment_event,
    "bg_evidence": bg_evidence,
    "bg_finding": bg_finding,
    "bg_outcome": bg_outcome,
    "bg_disposition": bg_disposition,
    "bg_api": bg_api,
}


# --------------------------------------------------------------------------------------------
# A small wrapper


class Strings:
    """Keeps the byte buffers that bg_str values point into alive while the plugin reads them."""

    def __init__(self):
        self._keep = []

    def __call__(self, text):
        if text is None:
            return bg_str(None, 0)
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        buffer = ctypes.create_string_buffer(data, len(data) + 1)
        self._keep.append(buffer)
        return bg_str(ctypes.cast(buffer, ctypes.c_void_p), len(data))

    def array(self, texts):
        array = (bg_str * len(texts))(*[self(t) for t in texts])
        self._keep.append(array)
        return array


class Plugin:
    def __init__(self, path):
        self.library = ctypes.CDLL(path, mode=ctypes.RTLD_LOCAL)
        get_api = self.library.bg_plugin_get_api
        get_api.restype = ctypes.POINTER(bg_api)
        get_api.argtypes = [ctypes.c_uint32]
        if get_api(BG_ABI_MAJOR + 1):
            raise RuntimeError("bg_plugin_get_api returned a table for an unknown ABI major")
        table = get_api(BG_ABI_MAJOR)
        if not table:
            raise RuntimeError("the plugin does not implement ABI %d" % BG_ABI_MAJOR)
        self.api = table.contents
        if self.api.abi_major != BG_ABI_MAJOR:
            raise RuntimeError("the plugin's table is for ABI %d" % self.api.abi_major)
        # Every pointer this host calls is part of ABI 1.0: any 1.x table has them. A table that
        # ends before 1.0's last pointer is a broken plugin.
        if self.api.struct_size < bg_api.flush.offset + bg_api.flush.size:
            raise RuntimeError("the function table is smaller than ABI 1.0's")


class Host:
    def __init__(self, plugin, audit_path):
        self.api = plugin.api
        self.failures = 0
        self.s = Strings()
        config = bg_engine_config()
        config.struct_size = ctypes.sizeof(config)
        config.policy_path = self.s("")  # the bundled default pack
        config.audit_path = self.s(audit_path)
        config.options_json = self.s('{"fail_mode":"open"}')
        self.engine = bg_engine_p()
        error = ctypes.create_string_buffer(512)
        status = self.api.engine_open(ctypes.byref(config), ctypes.byref(self.engine), error, 512)
        if status != BG_OK:
            raise RuntimeError(
                "engine_open: %s: %s" % (STATUS_NAMES.get(status), error.value.decode())
            )

    def close(self):
        self.api.engine_close(self.engine)
        self.engine = bg_engine_p()

    def fail(self, message):
        self.failures += 1
        print("FAIL: " + message, file=sys.stderr)

    def expect(self, what, got, want, with_error=True):
        if got == want:
            return True
        detail = ""
        if with_error:
            detail = "; last_error: " + self.api.last_error(self.engine).text()
        self.fail(
            "%s returned %s, expected %s%s"
            % (what, STATUS_NAMES.get(got, got), STATUS_NAMES.get(want, want), detail)
        )
        return False

    def read_verdict(self, verdict, label, expected_id):
        """Reads a verdict through every accessor, prints it and returns it as a dict."""
        api = self.api
        out = {
            "event": api.verdict_event_id(verdict).text(),
            "decision": DECISION_NAMES[api.verdict_decision(verdict)],
            "notice": api.verdict_notice(verdict).text(),
            "audit_id": api.verdict_audit_id(verdict).text(),
            "findings": [],
        }
        raw = api.verdict_json(verdict)
        out["json"] = raw.text()
        if ctypes.string_at(raw.data, raw.size + 1)[-1:] != b"\0":
            self.fail("verdict_json is not NUL-terminated")
        count = api.verdict_finding_count(verdict)
        for i in range(count):
            f = bg_finding()
            f.struct_size = ctypes.sizeof(f)
            status = api.verdict_finding(verdict, i, ctypes.byref(f))
            if not self.expect("verdict_finding", status, BG_OK, False):
                continue
            out["findings"].append(
                {
                    "rule": f.rule.text(),
                    "category": f.category.text(),
                    "severity": SEVERITY_NAMES[f.severity],
                    "decision": DECISION_NAMES[f.decision],
                    "explanation": f.explanation.text(),
                    "notice": f.notice.text(),
                    "suppressed_by": f.suppressed_by.text(),
                    "citations": [f.citations[k].text() for k in range(f.citation_count)],
                    "evidence": [
                        (f.evidence[k].start, f.evidence[k].end, f.evidence[k].text.text())
                        for k in range(f.evidence_count)
                    ],
                }
            )
        beyond = bg_finding()
        beyond.struct_size = ctypes.sizeof(beyond)
        self.expect(
            "verdict_finding past the end",
            api.verdict_finding(verdict, count, ctypes.byref(beyond)),
            BG_E_INVALID_ARGUMENT,
            False,
        )

        # The accessors and the JSON line must tell the same story.
        line = json.loads(out["json"])
        if line["event"] != out["event"] or line["decision"] != out["decision"]:
            self.fail("verdict_json disagrees with the accessors for " + expected_id)
        if [f["rule"] for f in line["findings"]] != [f["rule"] for f in out["findings"]]:
            self.fail("verdict_json lists other findings than verdict_finding for " + expected_id)
        if out["event"] != expected_id:
            self.fail("verdict_event_id is %r, expected %r" % (out["event"], expected_id))

        audit = ", audit " + out["audit_id"] if out["audit_id"] else ""
        print(
            "%-20s %s: %s, %d finding(s)%s"
            % (label, out["event"], out["decision"], count, audit)
        )
        for f in out["findings"]:
            print(
                "    - %s [%s] severity %s, rule decision %s"
                % (f["rule"], f["category"], f["severity"], f["decision"])
            )
            print("      why: " + f["explanation"])
            if f["citations"]:
                print("      cites: " + "; ".join(f["citations"]))
            for start, end, text in f["evidence"]:
                print("      evidence [%d, %d): %r" % (start, end, text))
            if f["suppressed_by"]:
                print("      suppressed by " + f["suppressed_by"])
        if out["notice"]:
            print("    notice: " + out["notice"].replace("\n", "\n            "))
        return out

    def evaluate_json(self, event, label="json"):
        line = json.dumps(event)
        verdict = bg_verdict_p()
        status = self.api.evaluate_json(self.engine, self.s(line), ctypes.byref(verdict))
        if not self.expect(event["id"], status, BG_OK):
            self.api.verdict_free(verdict)
            return None
        try:
            return self.read_verdict(verdict, label, event["id"])
        finally:
            self.api.verdict_free(verdict)

    def evaluate_struct(self, event_type, event, label="struct"):
        event.struct_size = ctypes.sizeof(event)
        verdict = bg_verdict_p()
        status = self.api.evaluate_struct(
            self.engine, event_type, ctypes.byref(event), ctypes.byref(verdict)
        )
        expected_id = event.id.text()
        if not self.expect(expected_id, status, BG_OK):
            self.api.verdict_free(verdict)
            return None
        try:
            return self.read_verdict(verdict, label, expected_id)
        finally:
            self.api.verdict_free(verdict)


def ms(text):
    """Milliseconds since the epoch for an RFC 3339 timestamp with an offset."""
    return int(datetime.datetime.fromisoformat(text).timestamp() * 1000)


ROSTER = [
    {
        "type": "therapist",
        "id": "t-ana",
        "time_zone": "America/Chicago",
        "supervisor": "s-lee",
        "hours": {
            "mon": ["09:00-17:00"],
            "tue": ["09:00-12:00", "13:00-17:00"],
            "wed": ["09:00-17:00"],
            "thu": ["09:00-17:00"],
            "fri": ["09:00-13:00"],
        },
    },
    {
        "type": "client",
        "id": "c-042",
        "therapist": "t-ana",
        "time_zone": "America/Denver",
        "status": "active",
    },
    {
        "type": "client",
        "id": "c-017",
        "therapist": "t-ana",
        "status": "terminated",
        "terminated_on": "2025-11-01",
    },
    {
        "type": "boundary_extension",
        "id": "bx-3",
        "therapist": "t-ana",
        "client": "c-017",
        "covers": ["off_hours"],
        "reason": "crisis safety plan",
        "approved_by": "s-lee",
        "from": "2026-03-01",
        "until": "2026-04-30",
    },
]

THERAPIST = {"role": "therapist", "id": "t-ana"}
CLIENT = {"role": "client", "id": "c-042"}

OBSERVED = [
    {
        "type": "message",
        "id": "m-1",
        "at": "2026-03-04T23:15:00-06:00",
        "from": THERAPIST,
        "to": CLIENT,
        "channel": "practice_sms",
        "text": "can't sleep, thinking about our talk today",
    },
    {
        "type": "message",
        "id": "m-2",
        "at": "2026-03-04T10:00:00-06:00",
        "from": CLIENT,
        "to": THERAPIST,
        "channel": "personal_sms",
        "text": "Is Thursday still on?",
    },
    {
        "type": "message",
        "id": "m-3",
        "at": "2026-03-04T22:30:00-06:00",
        "from": THERAPIST,
        "to": {"role": "client", "id": "c-017"},
        "channel": "practice_sms",
        "text": "If you feel unsafe tonight, call 988 or go to the nearest emergency room.",
    },
    {
        "type": "appointment",
        "id": "a-9",
        "action": "created",
        "start": "2026-03-05T18:00:00-06:00",
        "end": "2026-03-05T18:50:00-06:00",
        "therapist": "t-ana",
        "client": "c-042",
        "location": {"kind": "office", "name": "Main St office"},
        "service": "individual_therapy",
    },
    {
        "type": "social",
        "id": "s-5",
        "at": "2026-03-05T14:00:00-06:00",
        "platform": "instagram",
        "action": "follow",
        "actor": THERAPIST,
        "target": CLIENT,
    },
    {
        "type": "payment",
        "id": "p-2",
        "at": "2026-03-05T14:00:00-06:00",
        "from": CLIENT,
        "to": THERAPIST,
        "kind": "gift",
        "amount": {"value": 120, "currency": "USD"},
        "description": "concert tickets",
    },
]


def run(plugin_path, audit_path):
    plugin = Plugin(plugin_path)
    api = plugin.api
    print(
        "Boundary Guard %s, ABI %d.%d, loaded from %s"
        % (api.version().decode(), api.abi_major, api.abi_minor, plugin_path)
    )
    host = Host(plugin, audit_path)
    print("engine open; audit log " + (audit_path or "off (dry run)"))

    print("-- events as JSON lines")
    for event in ROSTER:
        v = host.evaluate_json(event, "roster (json)")
        if v is not None and (v["findings"] or v["decision"] != "allow"):
            host.fail("roster event %s reported something" % event["id"])
    by_id = {}
    for event in OBSERVED:
        v = host.evaluate_json(event, "observed (json)")
        if v is not None:
            by_id[event["id"]] = v

    # Principle 1: whatever a client's own message carries, it is never held.
    client_msg = by_id.get("m-2")
    if client_msg is not None:
        if client_msg["decision"] != "allow":
            host.fail("a client's message was not allowed")
        severities = [SEVERITY_NAMES.index(f["severity"]) for f in client_msg["findings"]]
        if any(severity > BG_SEVERITY_LOW for severity in severities):
            host.fail("a finding on a client's message is above low severity")

    # A repeated id returns the first verdict, byte for byte.
    repeat = host.evaluate_json(OBSERVED[0], "repeat (json)")
    if repeat is not None and "m-1" in by_id and repeat["json"] != by_id["m-1"]["json"]:
        host.fail("a repeated event id returned a different verdict")

    # The struct forms go to a second engine without an audit log: on the first one, a repeated
    # id would return the first verdict, and pattern rules would count the copies as new flags.
    print("-- the same events as C structs, on a second engine")
    json_host = host
    host = Host(plugin, "")
    s = host.s
    hours = s.array(
        [
            "09:00-17:00",
            "09:00-12:00,13:00-17:00",
            "09:00-17:00",
            "09:00-17:00",
            "09:00-13:00",
            "",
            "",
        ]
    )
    t = bg_therapist_event(id=s("t-ana"), time_zone=s("America/Chicago"), supervisor=s("s-lee"))
    t.hours_mon_to_sun = ctypes.cast(hours, ctypes.POINTER(bg_str))
    host.evaluate_struct(BG_EVENT_THERAPIST, t, "roster (struct)")
    c = bg_client_event(
        id=s("c-042"), therapist=s("t-ana"), time_zone=s("America/Denver"), status=s("active")
    )
    host.evaluate_struct(BG_EVENT_CLIENT, c, "roster (struct)")
    c17 = bg_client_event(
        id=s("c-017"),
        therapist=s("t-ana"),
        status=s("terminated"),
        terminated_on=s("2025-11-01"),
    )
    host.evaluate_struct(BG_EVENT_CLIENT, c17, "roster (struct)")
    covers = s.array(["off_hours"])
    x = bg_extension_event(
        id=s("bx-3"),
        therapist=s("t-ana"),
        client=s("c-017"),
        covers=ctypes.cast(covers, ctypes.POINTER(bg_str)),
        covers_count=1,
        reason=s("crisis safety plan"),
        approved_by=s("s-lee"),
        from_=s("2026-03-01"),
        until=s("2026-04-30"),
    )
    host.evaluate_struct(BG_EVENT_EXTENSION, x, "roster (struct)")

    def party(p):
        role = BG_ROLE_THERAPIST if p["role"] == "therapist" else BG_ROLE_CLIENT
        return bg_party(role, s(p["id"]))

    m1 = OBSERVED[0]
    m = bg_message_event(
        id=s("m-1"),
        at_ms=ms(m1["at"]),
        from_=party(m1["from"]),
        to=party(m1["to"]),
        channel=s(m1["channel"]),
        text=s(m1["text"]),
        platform=s(None),
    )
    struct_m1 = host.evaluate_struct(BG_EVENT_MESSAGE, m, "observed (struct)")
    a9 = OBSERVED[3]
    a = bg_appointment_event(
        id=s("a-9"),
        action=s(a9["action"]),
        start_ms=ms(a9["start"]),
        end_ms=ms(a9["end"]),
        therapist=s(a9["therapist"]),
        client=s(a9["client"]),
        location_kind=s(a9["location"]["kind"]),
        location_name=s(a9["location"]["name"]),
        location_address=s(None),
        service=s(a9["service"]),
    )
    struct_a9 = host.evaluate_struct(BG_EVENT_APPOINTMENT, a, "observed (struct)")
    s5 = OBSERVED[4]
    so = bg_social_event(
        id=s("s-5"),
        at_ms=ms(s5["at"]),
        platform=s(s5["platform"]),
        action=s(s5["action"]),
        actor=party(s5["actor"]),
        target=party(s5["target"]),
    )
    struct_s5 = host.evaluate_struct(BG_EVENT_SOCIAL, so, "observed (struct)")
    p2 = OBSERVED[5]
    p = bg_payment_event(
        id=s("p-2"),
        at_ms=ms(p2["at"]),
        from_=party(p2["from"]),
        to=party(p2["to"]),
        kind=s(p2["kind"]),
        amount_value=float(p2["amount"]["value"]),
        amount_currency=s(p2["amount"]["currency"]),
        description=s(p2["description"]),
    )
    struct_p2 = host.evaluate_struct(BG_EVENT_PAYMENT, p, "observed (struct)")

    # The struct and JSON forms of an event must give the same verdict (apart from the id and
    # the audit entry).
    def comparable(v):
        line = json.loads(v["json"])
        line.pop("event")
        line.pop("audit_id")
        return line

    pairs = (("m-1", struct_m1), ("a-9", struct_a9), ("s-5", struct_s5), ("p-2", struct_p2))
    for json_id, struct_v in pairs:
        if struct_v is None or json_id not in by_id:
            continue
        if comparable(struct_v) != comparable(by_id[json_id]):
            host.fail("%s: the struct form gave a different verdict than the JSON form" % json_id)

    failures_so_far = host.failures
    host.close()
    host = json_host
    host.failures += failures_so_far

    # A rejected event names the field.
    verdict = bg_verdict_p()
    status = api.evaluate_json(
        host.engine,
        s('{"type":"payment","id":"p-bad","at":"2026-03-05T14:00:00Z"}'),
        ctypes.byref(verdict),
    )
    host.expect("a payment without parties", status, BG_E_BAD_EVENT, False)
    message = api.last_error(host.engine).text()
    print("-- rejected as expected: " + message)
    if '"from"' not in message:
        host.fail("the error does not name the missing field: " + message)
    if verdict:
        host.fail("a rejected event came with a verdict")
        api.verdict_free(verdict)

    # The therapist reads the notice on the flagged message and sends it anyway.
    flagged = [
        e["id"]
        for e in OBSERVED
        if e["type"] == "message" and e["id"] in by_id and by_id[e["id"]]["decision"] != "allow"
    ]
    if not flagged:
        host.fail("no therapist message was flagged")
    else:
        outcome = bg_outcome(
            event_id=s(flagged[0]),
            kind=BG_OUTCOME_SENT_ANYWAY,
            justification=s("client asked for a reply before tomorrow's session"),
            at_ms=0,
        )
        outcome.struct_size = ctypes.sizeof(outcome)
        status = api.record_outcome(host.engine, ctypes.byref(outcome))
        if audit_path:
            if host.expect("record_outcome", status, BG_OK):
                print("-- outcome recorded for %s: sent anyway, with a justification" % flagged[0])
        elif host.expect("record_outcome without an audit log", status, BG_E_NOT_FOUND):
            print(
                "-- no audit log, so the outcome for %s was not recorded (as expected)"
                % flagged[0]
            )

    host.expect("flush", api.flush(host.engine), BG_OK)
    host.close()
    if host.failures:
        print("%d unexpected result(s)" % host.failures, file=sys.stderr)
        return 1
    print("all calls returned what was expected")
    return 0


def check_layout(program):
    """Compares the ctypes layouts with the C compiler's, as printed by `program --layout`."""
    output = subprocess.run(
        [program, "--layout"], check=True, capture_output=True, text=True
    ).stdout
    failures = 0
    checked = 0
    for line in output.splitlines():
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "sizeof" and len(parts) == 3:
            name, size = parts[1], int(parts[2])
            got = ctypes.sizeof(ABI_STRUCTS[name])
        elif parts[0] == "offsetof" and len(parts) == 4:
            name, field, size = parts[1], parts[2], int(parts[3])
            py_field = field + "_" if field == "from" else field
            got = getattr(ABI_STRUCTS[name], py_field).offset
        else:
            continue
        checked += 1
        if got != size:
            failures += 1
            print("FAIL: %s: C says %d, ctypes says %d" % (line, size, got), file=sys.stderr)
    for name, struct in ABI_STRUCTS.items():
        if "sizeof %s " % name not in output:
            failures += 1
            print("FAIL: %s --layout does not list %s" % (program, name), file=sys.stderr)
        for field in struct._fields_:
            c_name = "from" if field[0] == "from_" else field[0]
            if "offsetof %s %s " % (name, c_name) not in output:
                failures += 1
                print(
                    "FAIL: %s --layout does not list %s.%s" % (program, name, c_name),
                    file=sys.stderr,
                )
    print("checked %d sizes and offsets: %d mismatch(es)" % (checked, failures))
    return 1 if failures or checked == 0 else 0


def main(argv):
    if len(argv) >= 2 and argv[1] == "--check-layout":
        if len(argv) != 3:
            print(__doc__, file=sys.stderr)
            return 2
        return check_layout(argv[2])
    if len(argv) >= 2 and argv[1] in ("-h", "--help"):
        print(__doc__)
        return 0
    plugin_path = argv[1] if len(argv) > 1 else os.environ.get("BOUNDARY_GUARD_PLUGIN", "")
    audit_path = argv[2] if len(argv) > 2 else ""
    if not plugin_path:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        return run(plugin_path, audit_path)
    except (OSError, RuntimeError) as e:
        print("FAIL: %s" % e, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
