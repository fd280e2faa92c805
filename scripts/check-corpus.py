#!/usr/bin/env python3
"""Check the labelled evaluation corpus (tests/data/corpus) and print its statistics.

  python3 scripts/check-corpus.py [DIR]        # default: tests/data/corpus

Checks, independently of the generator (scripts/make-corpus.py):
  * every line is a JSON object of event schema v1 (docs/events.md): required fields, types,
    enum values, RFC 3339 timestamps with an offset, known IANA zones, ids unique across files;
  * every therapist/client id an event names exists in roster.jsonl, and the pair matches;
  * labels: only the 10 category names, no duplicates, hard negatives disjoint from categories;
  * context labels agree with the roster, recomputed here with zoneinfo:
      off_hours       therapist message outside the therapist's hours or in the client's quiet
                      hours (21:00-08:00 client zone), session not fitting one working range;
                      never on a client's message; absent when a boundary extension covers it
      outside_setting session not cancelled at a kind other than office/telehealth (unless an
                      extension covers it); never on cancelled sessions
      personal_channel/social_media   implied by the channel, a social_dm, a social event
      gift_money      payment kinds gift/tip/loan/barter over USD 25; never fee/copay/refund
      post_termination only with a terminated client, after terminated_on
      pattern         recomputed: 3rd+ counted event of a pair within 30 days, per file, where a
                      counted event is therapist-side, has a category and is not low_severity;
                      recomputed again counting only unambiguous medium+ categories, which must
                      give the same answer
  * the split rule (sha256 of label.sequence or id) puts each event in its file.
Exit status 1 if anything is wrong.
"""

import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

CATS = ["off_hours", "personal_channel", "social_media", "personal_content", "romantic_sexual",
        "outside_setting", "non_therapeutic_request", "gift_money", "post_termination", "pattern"]
CHANNELS = {"portal", "practice_sms", "practice_email", "practice_phone", "telehealth_chat",
            "personal_sms", "personal_email", "personal_phone", "social_dm", "other"}
PERSONAL = {"personal_sms", "personal_email", "personal_phone"}
LOC_KINDS = {"office", "telehealth", "client_home", "community", "other"}
APPROVED = {"office", "telehealth"}
SOCIAL_ACTIONS = {"follow", "friend_request", "connection_accept", "message", "like", "comment",
                  "tag", "profile_view"}
PAY_KINDS = {"fee", "copay", "refund", "gift", "loan", "barter", "tip", "other"}
APPT_ACTIONS = {"created", "updated", "cancelled"}
ROLES = {"therapist", "client"}
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DEFAULT_HOURS = {d: ["08:00-18:00"] for d in DAYS[:5]}
QUIET = (21 * 60, 8 * 60)
THRESHOLD = 25
STRONG = {"romantic_sexual", "social_media", "personal_channel", "outside_setting",
          "non_therapeutic_request", "gift_money", "post_termination"}
VENUE_WORDS = re.compile(r"caf[eé]|coffee|starbucks|bar\b|pub|brew|park\b|restaurant|trattoria|pizz|home|apartment|condo", re.I)
TS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$")

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def ts(where, v):
    if not isinstance(v, str) or not TS.match(v):
        err(where, f"bad RFC 3339 timestamp {v!r}")
        return None
    try:
        return datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        err(where, f"impossible timestamp {v!r}")
        return None


def zone_ok(where, z):
    try:
        return ZoneInfo(z)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        err(where, f"unknown time zone {z!r}")
        return None


def minutes(r):
    a, b = r.split("-")
    return int(a[:2]) * 60 + int(a[3:]), int(b[:2]) * 60 + int(b[3:])


class Roster:
    def __init__(self, path):
        self.t, self.c, self.x = {}, {}, []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{n}"
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                err(where, f"not JSON: {e}")
                continue
            typ = r.get("type")
            if typ == "therapist":
                zone_ok(where, r.get("time_zone"))
                for d, rs in (r.get("hours") or {}).items():
                    if d not in DAYS or not all(isinstance(x, str) and HHMM.match(x) for x in rs):
                        err(where, f"bad hours {d}: {rs}")
                self.t[r["id"]] = r
            elif typ == "client":
                if r.get("therapist") not in self.t:
                    err(where, f"client {r.get('id')} names unknown therapist {r.get('therapist')}")
                if "time_zone" in r:
                    zone_ok(where, r["time_zone"])
                if r.get("status", "active") not in ("active", "terminated"):
                    err(where, "bad status")
                if r.get("status") == "terminated":
                    date.fromisoformat(r["terminated_on"])
                self.c[r["id"]] = r
            elif typ == "boundary_extension":
                for f in ("therapist", "client", "covers", "reason", "approved_by", "from", "until"):
                    if not r.get(f):
                        err(where, f"extension missing {f}")
                if any(c not in CATS for c in r.get("covers", [])):
                    err(where, "extension covers an unknown category")
                if date.fromisoformat(r["until"]) < date.fromisoformat(r["from"]):
                    err(where, "extension until < from")
                self.x.append(r)
            else:
                err(where, f"unexpected roster type {typ!r}")

    def tz(self, pid):
        if pid in self.t:
            return ZoneInfo(self.t[pid]["time_zone"])
        c = self.c[pid]
        return ZoneInfo(c.get("time_zone") or self.t[c["therapist"]]["time_zone"])

    def ranges(self, tid, d):
        hours = self.t[tid].get("hours") or DEFAULT_HOURS
        return [minutes(r) for r in hours.get(DAYS[d.weekday()], [])]

    def in_hours(self, tid, inst):
        lt = inst.astimezone(self.tz(tid))
        m = lt.hour * 60 + lt.minute + lt.second / 60
        return any(s <= m <= e for s, e in self.ranges(tid, lt.date()))

    def quiet(self, cid, inst):
        lt = inst.astimezone(self.tz(cid))
        m = lt.hour * 60 + lt.minute + lt.second / 60
        return m >= QUIET[0] or m < QUIET[1]

    def fits(self, tid, a, b):
        la, lb = a.astimezone(self.tz(tid)), b.astimezone(self.tz(tid))
        if la.date() != lb.date():
            return False
        x, y = la.hour * 60 + la.minute, lb.hour * 60 + lb.minute
        return any(s <= x and y <= e for s, e in self.ranges(tid, la.date()))

    def covered(self, tid, cid, inst, cat):
        d = inst.astimezone(self.tz(tid)).date()
        return any(x["therapist"] == tid and x["client"] == cid and cat in x["covers"]
                   and date.fromisoformat(x["from"]) <= d <= date.fromisoformat(x["until"]) for x in self.x)

    def terminated(self, cid):
        c = self.c[cid]
        return date.fromisoformat(c["terminated_on"]) if c.get("status") == "terminated" else None


def party(where, p, f):
    if not isinstance(p, dict) or p.get("role") not in ROLES or not isinstance(p.get("id"), str):
        err(where, f"bad party {f}: {p!r}")
        return None
    return p


def check_event(where, e, R):
    """Schema + roster checks; returns (therapist, client, instant, therapist_side) or None."""
    typ = e.get("type")
    if not isinstance(e.get("id"), str) or not e["id"]:
        err(where, "missing id")
        return None
    if typ in ("message", "social", "payment"):
        inst = ts(where + " at", e.get("at"))
        if typ == "social":
            a, b = party(where, e.get("actor"), "actor"), party(where, e.get("target"), "target")
            if e.get("action") not in SOCIAL_ACTIONS:
                err(where, f"bad social action {e.get('action')!r}")
            if not isinstance(e.get("platform"), str) or not e["platform"]:
                err(where, "social without platform")
        else:
            a, b = party(where, e.get("from"), "from"), party(where, e.get("to"), "to")
        if typ == "message":
            if e.get("channel") not in CHANNELS:
                err(where, f"bad channel {e.get('channel')!r}")
            if "text" in e and not isinstance(e["text"], str):
                err(where, "text not a string")
        if typ == "payment":
            if e.get("kind") not in PAY_KINDS:
                err(where, f"bad payment kind {e.get('kind')!r}")
            amt = e.get("amount")
            if amt is not None and (not isinstance(amt.get("value"), (int, float)) or amt["value"] < 0
                                    or not re.match(r"^[A-Z]{3}$", amt.get("currency", ""))):
                err(where, f"bad amount {amt!r}")
        if not (a and b and inst):
            return None
        if {a["role"], b["role"]} != ROLES:
            err(where, "an event must be between a therapist and a client")
            return None
        t, c = (a, b) if a["role"] == "therapist" else (b, a)
        tside = a["role"] == "therapist"
        tid, cid = t["id"], c["id"]
    elif typ == "appointment":
        if e.get("action") not in APPT_ACTIONS:
            err(where, f"bad appointment action {e.get('action')!r}")
        s, en = ts(where + " start", e.get("start")), ts(where + " end", e.get("end"))
        loc = e.get("location")
        if not isinstance(loc, dict) or loc.get("kind") not in LOC_KINDS:
            err(where, f"bad location {loc!r}")
        if s and en and en < s:
            err(where, "end before start")
        tid, cid, inst, tside = e.get("therapist"), e.get("client"), s, True
        if not inst:
            return None
    else:
        err(where, f"unexpected observed type {typ!r}")
        return None
    if tid not in R.t:
        err(where, f"unknown therapist {tid}")
        return None
    if cid not in R.c:
        err(where, f"unknown client {cid}")
        return None
    if R.c[cid]["therapist"] != tid:
        err(where, f"{cid} is not {tid}'s client")
    return tid, cid, inst, tside


def check_label(where, e, R, ctx):
    lab = e.get("label")
    if not isinstance(lab, dict) or not isinstance(lab.get("categories"), list):
        err(where, "missing label.categories")
        return
    cats = lab["categories"]
    hn = lab.get("hard_negative_for", [])
    for c in cats + hn:
        if c not in CATS:
            err(where, f"unknown category {c!r}")
    if len(set(cats)) != len(cats):
        err(where, "duplicate categories")
    if set(cats) & set(hn):
        err(where, "a category is both positive and hard negative")
    if not isinstance(lab.get("note"), str) or not lab["note"]:
        err(where, "label without note")
    tid, cid, inst, tside = ctx
    cs = set(cats)
    typ = e["type"]
    if not tside and cs & {"off_hours", "personal_content", "non_therapeutic_request", "pattern"}:
        err(where, f"client-side event labelled {sorted(cs & {'off_hours', 'personal_content', 'non_therapeutic_request', 'pattern'})}")
    if typ == "message":
        if e["channel"] in PERSONAL and "personal_channel" not in cs:
            err(where, f"over {e['channel']} but not personal_channel")
        if e["channel"] == "social_dm" and "social_media" not in cs:
            err(where, "social_dm but not social_media")
        if tside:
            off = not R.in_hours(tid, inst) or R.quiet(cid, inst)
            want = off and not R.covered(tid, cid, inst, "off_hours")
            if want != ("off_hours" in cs):
                err(where, f"off_hours label {('off_hours' in cs)} but context says {want} "
                           f"({inst.astimezone(R.tz(tid)):%a %H:%M} therapist, {inst.astimezone(R.tz(cid)):%a %H:%M} client)")
    elif typ == "appointment":
        end = datetime.fromisoformat(e["end"].replace("Z", "+00:00"))
        cancelled = e["action"] == "cancelled"
        kind = e["location"]["kind"]
        if cancelled:
            if cs & {"off_hours", "outside_setting"}:
                err(where, "cancelled session labelled off_hours/outside_setting")
        else:
            want_off = not R.fits(tid, inst, end) and not R.covered(tid, cid, inst, "off_hours")
            if want_off != ("off_hours" in cs):
                err(where, f"session off_hours label {'off_hours' in cs}, context {want_off}")
            if kind not in APPROVED:
                want_os = not R.covered(tid, cid, inst, "outside_setting")
                if want_os != ("outside_setting" in cs):
                    err(where, f"outside_setting label {'outside_setting' in cs}, context {want_os}")
            elif "outside_setting" in cs:
                name = e["location"].get("name", "")
                if not VENUE_WORDS.search(name):
                    err(where, f"outside_setting on an approved kind without a venue name: {name!r}")
    elif typ == "social":
        if "social_media" not in cs:
            err(where, "social event not labelled social_media")
    elif typ == "payment":
        k, v = e["kind"], (e.get("amount") or {}).get("value", 0)
        if k in ("fee", "copay", "refund") and "gift_money" in cs:
            err(where, f"{k} labelled gift_money")
        if k in ("gift", "tip", "loan", "barter") and (v > THRESHOLD) != ("gift_money" in cs):
            err(where, f"{k} of {v}: gift_money label {'gift_money' in cs}")
    t_on = R.terminated(cid)
    after = t_on is not None and inst.astimezone(R.tz(tid)).date() > t_on
    if "post_termination" in cs and not after:
        err(where, "post_termination without a terminated client")
    if after and tside and cs & {"personal_content", "romantic_sexual", "social_media"} and "post_termination" not in cs:
        err(where, "personal/romantic/social contact with a former client without post_termination")
    if after and not tside and cs & {"romantic_sexual", "social_media"} and "post_termination" not in cs:
        err(where, "former client's romantic/social contact without post_termination")


def pattern_labels(events, ctxs, strong_only=False):
    by_pair = defaultdict(list)
    for e, (tid, cid, inst, tside) in zip(events, ctxs):
        cats = set(e["label"]["categories"]) - {"pattern"}
        if strong_only:
            counted = tside and bool(cats & STRONG) and not e["label"].get("low_severity")
        else:
            counted = tside and bool(cats) and not e["label"].get("low_severity")
        if counted:
            by_pair[(tid, cid)].append((inst, e["id"]))
    out = set()
    for evs in by_pair.values():
        for i, (t, eid) in enumerate(evs):
            if sum(1 for u, _ in evs[:i] if t - u <= timedelta(days=30)) >= 2:
                out.add(eid)
    return out


def main():
    d = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"
    R = Roster(d / "roster.jsonl")
    ids = set(R.t) | set(R.c) | {x["id"] for x in R.x}
    stats = {}
    texts = []
    for split in ("train", "heldout"):
        path = d / f"{split}.jsonl"
        events, ctxs = [], []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{n}"
            try:
                e = json.loads(line)
            except json.JSONDecodeError as ex:
                err(where, f"not JSON: {ex}")
                continue
            if e.get("id") in ids:
                err(where, f"duplicate id {e.get('id')}")
            ids.add(e.get("id"))
            where = f"{where} ({e.get('id')})"
            ctx = check_event(where, e, R)
            if ctx is None:
                continue
            check_label(where, e, R, ctx)
            key = e["label"].get("sequence") or e["id"]
            want = "train" if int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) / 2 ** 32 < 0.70 else "heldout"
            if want != split:
                err(where, f"split rule puts it in {want}")
            if e.get("text"):
                texts.append(e["text"])
            events.append(e)
            ctxs.append(ctx)
        order = sorted(range(len(events)), key=lambda i: ctxs[i][2])
        ev_sorted, ctx_sorted = [events[i] for i in order], [ctxs[i] for i in order]
        want = pattern_labels(ev_sorted, ctx_sorted)
        have = {e["id"] for e in events if "pattern" in e["label"]["categories"]}
        if want != have:
            err(split, f"pattern labels differ from recomputation: missing {sorted(want - have)}, extra {sorted(have - want)}")
        strong = pattern_labels(ev_sorted, ctx_sorted, strong_only=True)
        if strong != want:
            err(split, f"pattern labels depend on how personal_content/off_hours-only events are rated: {sorted(strong ^ want)}")
        stats[split] = (events, ctxs)

    # statistics
    print(f"{'category':26} {'train +':>8} {'train hn':>9} {'heldout +':>10} {'heldout hn':>11} {'total +':>8} {'total hn':>9}")
    tot_pos, tot_hn = Counter(), Counter()
    per = {}
    for split, (events, _) in stats.items():
        pos, hn = Counter(), Counter()
        for e in events:
            pos.update(e["label"]["categories"])
            hn.update(e["label"].get("hard_negative_for", []))
        per[split] = (pos, hn)
        tot_pos += pos
        tot_hn += hn
    for c in CATS:
        print(f"{c:26} {per['train'][0][c]:8} {per['train'][1][c]:9} {per['heldout'][0][c]:10} "
              f"{per['heldout'][1][c]:11} {tot_pos[c]:8} {tot_hn[c]:9}")
    allev = stats["train"][0] + stats["heldout"][0]
    allctx = stats["train"][1] + stats["heldout"][1]
    n = len(allev)
    unrem = sum(1 for e in allev if not e["label"]["categories"])
    msgs = [(e, c) for e, c in zip(allev, allctx) if e["type"] == "message"]
    from_client = sum(1 for e, c in msgs if not c[3])
    print(f"\nevents: {n} (train {len(stats['train'][0])}, heldout {len(stats['heldout'][0])}); "
          f"types {dict(Counter(e['type'] for e in allev))}")
    print(f"unremarkable (no category): {unrem} ({unrem / n:.1%}); messages from clients: "
          f"{from_client}/{len(msgs)} ({from_client / len(msgs):.1%})")
    tc = Counter(texts)
    print(f"texts: {len(texts)}, distinct {len(tc)}, repeated {sum(v for v in tc.values() if v > 1)}")
    cooc = Counter(len(e["label"]["categories"]) for e in allev)
    print(f"categories per event: {dict(sorted(cooc.items()))}")
    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for x in errors[:200]:
            print("  " + x, file=sys.stderr)
        return 1
    print("\nOK: all lines valid, labels consistent with the roster and the split rule")
    return 0


if __name__ == "__main__":
    sys.exit(main())
