#!/usr/bin/env python3
"""Generate the Boundary Guard labelled evaluation corpus.

Output (all JSON Lines, event schema v1, see docs/events.md; labels per docs/labelling-guide.md):
  tests/data/corpus/roster.jsonl    therapists, clients, boundary extensions
  tests/data/corpus/train.jsonl     ~70% of the observed events, each with a top-level "label"
  tests/data/corpus/heldout.jsonl   ~30%

  python3 scripts/make-corpus.py              # (re)write the three files
  python3 scripts/make-corpus.py --check-only # generate in memory, compare with the files on disk

Deterministic: a fixed seed, no wall clock, no network, Python 3.9+ standard library only
(zoneinfo needs the system tz database). Every text, name, place, handle and number here is
fictional and was written for this project; phone numbers are in the reserved 555-01xx range,
e-mail domains are example.com/.net/.org or the practice's harborlight.example.

How labels are made: every hand-written text carries the categories its words show (see the
pools below: "text ||| +cat hn:cat # note"); the context categories (off_hours, outside_setting,
post_termination, pattern, and personal_channel/social_media by channel or event type) are
computed from the roster, the extensions and the event's instant in each person's zone, with
zoneinfo. Pattern labels are computed per output file (each file is replayed on its own).

Split rule: key = label.sequence if the event belongs to a designed sequence, else the event id;
train if int(sha256(key).hexdigest()[:8], 16) / 2**32 < 0.70, else heldout.
"""

import argparse
import hashlib
import json
import random
import re
import sys
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

# The seed was picked among 1..59 as the one that puts the largest share of every category's
# positives and hard negatives (at least ~28% each) in heldout; nothing else was tuned on it.
SEED = 47
START = date(2024, 9, 2)
END = date(2026, 4, 24)
DST_DATES = [date(2024, 11, 3), date(2025, 3, 9), date(2025, 11, 2), date(2026, 3, 8)]
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DEFAULT_HOURS = {d: ["08:00-18:00"] for d in DAYS[:5]}
QUIET_START, QUIET_END = 21 * 60, 8 * 60  # client quiet hours 21:00-08:00, client's zone
PATTERN_WINDOW = timedelta(days=30)
SPLIT_TRAIN = 0.70
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"

CATS = ["off_hours", "personal_channel", "social_media", "personal_content", "romantic_sexual",
        "outside_setting", "non_therapeutic_request", "gift_money", "post_termination", "pattern"]
AB = {"oh": "off_hours", "ch": "personal_channel", "sm": "social_media", "pc": "personal_content",
      "rs": "romantic_sexual", "os": "outside_setting", "ntr": "non_therapeutic_request",
      "gm": "gift_money", "pt": "post_termination", "pat": "pattern"}
PERSONAL_CHANNELS = {"personal_sms", "personal_email", "personal_phone"}
# categories that make contact with a former client personal (post_termination); the context
# categories off_hours / outside_setting / pattern do not by themselves
PT_TRIGGER = {"personal_channel", "social_media", "personal_content", "romantic_sexual",
              "non_therapeutic_request", "gift_money"}

rng = random.Random(SEED)

# --------------------------------------------------------------------------------------------
# Roster
# --------------------------------------------------------------------------------------------

THERAPISTS = [
    {"type": "therapist", "id": "t-mara", "time_zone": "America/New_York", "supervisor": "s-reyes",
     "hours": {"mon": ["08:00-16:00"], "tue": ["08:00-16:00"], "wed": ["08:00-16:00"],
               "thu": ["10:00-19:00"], "fri": ["08:00-12:00"]}},
    {"type": "therapist", "id": "t-devon", "time_zone": "America/Chicago", "supervisor": "s-reyes"},
    {"type": "therapist", "id": "t-priya", "time_zone": "America/Denver", "supervisor": "s-baptiste",
     "hours": {"tue": ["10:00-19:00"], "wed": ["10:00-19:00"], "thu": ["12:00-20:00"],
               "fri": ["09:00-14:00"], "sat": ["09:00-13:00"]}},
    {"type": "therapist", "id": "t-owen", "time_zone": "America/Phoenix", "supervisor": "s-baptiste"},
    {"type": "therapist", "id": "t-lucia", "time_zone": "America/Los_Angeles", "supervisor": "s-reyes",
     "hours": {"mon": ["09:00-12:00", "13:00-18:00"], "tue": ["09:00-12:00", "13:00-18:00"],
               "wed": ["07:00-15:00"], "thu": ["09:00-12:00", "13:00-18:00"],
               "fri": ["09:00-12:00", "13:00-17:00"]}},
    {"type": "therapist", "id": "t-kai", "time_zone": "America/Anchorage", "supervisor": "s-baptiste",
     "hours": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
               "thu": ["09:00-17:00"], "fri": ["09:00-15:00"]}},
]

# per-therapist details used to fill texts (all fictional)
TINFO = {
    "t-mara": dict(first="Mara", last="Kessler", full="Mara Kessler", handle="@dr.mara.k",
                   snap="marak_nyc", dotted="m.a.r.a.k.e.s.s", cell="917-555-0142",
                   cell_alt="(917) 555 0142", pemail="mara.kessler.home@example.net",
                   ophone="212-555-0100", ophone2="212-555-0109",
                   office="Lexington Ave office", oaddr="410 Lexington Ave, Suite 410, New York, NY",
                   url="instagram.com/dr.mara.k"),
    "t-devon": dict(first="Devon", last="Price", full="Devon Price", handle="@devonprice.chi",
                    snap="devonp312", dotted="d.e.v.o.n.p", cell="312-555-0187",
                    cell_alt="312.555.0187", pemail="devprice77@example.com",
                    ophone="312-555-0100", ophone2="312-555-0108",
                    office="Wabash Ave office", oaddr="233 S Wabash Ave, 6th floor, Chicago, IL",
                    url="facebook.com/devon.price.chi"),
    "t-priya": dict(first="Priya", last="Raman", full="Priya Raman", handle="@priya.r.climbs",
                    snap="priyaraman22", dotted="p.r.i.y.a.r", cell="720-555-0116",
                    cell_alt="720 555 0116", pemail="priya.climbs@example.org",
                    ophone="303-555-0100", ophone2="303-555-0107",
                    office="Larimer St office", oaddr="1550 Larimer St, Suite 300, Denver, CO",
                    url="instagram.com/priya.r.climbs"),
    "t-owen": dict(first="Owen", last="Castellanos", full="Owen Castellanos",
                   handle="@owen_c_outdoors", snap="owencast", dotted="o.w.e.n.c", cell="602-555-0173",
                   cell_alt="602-555-O173", pemail="owen.castellanos@example.com",
                   ophone="602-555-0100", ophone2="602-555-0106",
                   office="Camelback Rd office", oaddr="2401 E Camelback Rd, Suite 120, Phoenix, AZ",
                   url="instagram.com/owen_c_outdoors"),
    "t-lucia": dict(first="Lucia", last="Ferreira", full="Lucia Ferreira", handle="@lucia.f.cooks",
                    snap="luciaf_la", dotted="l.u.c.i.a.f", cell="213-555-0164",
                    cell_alt="213 555 0164", pemail="lucia.ferreira.la@example.net",
                    ophone="213-555-0100", ophone2="213-555-0105",
                    office="Sunset Blvd office", oaddr="3900 W Sunset Blvd, Suite 3, Los Angeles, CA",
                    url="tiktok.com/@lucia.f.cooks"),
    "t-kai": dict(first="Kai", last="Nakamura", full="Kai Nakamura", handle="@kai.nakamura.ak",
                  snap="kainak907", dotted="k.a.i.n.a.k", cell="907-555-0151",
                  cell_alt="907.555.0151", pemail="kainakamura.ak@example.org",
                  ophone="907-555-0100", ophone2="907-555-0104",
                  office="Spenard Rd office", oaddr="3301 Spenard Rd, Suite 2, Anchorage, AK",
                  url="facebook.com/kai.nakamura.ak"),
}


def C(cid, t, name, tz=None, terminated_on=None, role=None):
    d = {"type": "client", "id": cid, "therapist": t}
    if tz:
        d["time_zone"] = tz
    d["status"] = "terminated" if terminated_on else "active"
    if terminated_on:
        d["terminated_on"] = terminated_on
    return d, name, role


_CL = [
    C("c-101", "t-mara", "Jordan", "America/New_York"),
    C("c-102", "t-mara", "Aaliyah"),
    C("c-103", "t-mara", "Marcus", "America/Los_Angeles", role="seq-2"),
    C("c-104", "t-mara", "Hannah", "America/New_York"),
    C("c-105", "t-mara", "Rosa", "America/Chicago"),
    C("c-106", "t-mara", "Ethan", "America/New_York", terminated_on="2024-06-28"),
    C("c-107", "t-mara", "Nadia", terminated_on="2019-03-15"),
    C("c-108", "t-mara", "Grace", "America/New_York", role="nm-2"),
    C("c-109", "t-mara", "Theo", "America/Anchorage"),
    C("c-111", "t-devon", "Tyler", "America/Chicago", role="bx-1"),
    C("c-112", "t-devon", "Imani"),
    C("c-113", "t-devon", "Luis", "America/Los_Angeles"),
    C("c-114", "t-devon", "Sofia", "America/Chicago", role="seq-1"),
    C("c-115", "t-devon", "Ben", "America/Chicago", terminated_on="2022-08-12"),
    C("c-116", "t-devon", "Keisha", "America/Detroit"),
    C("c-117", "t-devon", "Omar", "America/Chicago", role="nm-3"),
    C("c-121", "t-priya", "Chloe", "America/Denver", role="seq-3"),
    C("c-122", "t-priya", "Daniel", "America/New_York"),
    C("c-123", "t-priya", "Mei", "America/Phoenix"),
    C("c-124", "t-priya", "Sam", role="nm-5"),
    C("c-125", "t-priya", "Brianna", "America/Denver", terminated_on="2025-02-14"),
    C("c-126", "t-priya", "Diego", terminated_on="2020-01-10"),
    C("c-127", "t-priya", "Noor", "America/Boise"),
    C("c-131", "t-owen", "Kayla", "America/Phoenix", role="bx-2"),
    C("c-132", "t-owen", "Andre", "America/Los_Angeles", role="seq-4"),
    C("c-133", "t-owen", "Lily", "America/Denver"),
    C("c-134", "t-owen", "Victor", role="seq-7"),
    C("c-135", "t-owen", "Erin", "America/Phoenix", terminated_on="2023-01-20"),
    C("c-136", "t-owen", "Jamal", "Pacific/Honolulu"),
    C("c-141", "t-lucia", "Olivia", "America/Los_Angeles", role="bx-3"),
    C("c-142", "t-lucia", "Ryan", "America/New_York", role="seq-6"),
    C("c-143", "t-lucia", "Paloma", "Pacific/Honolulu"),
    C("c-144", "t-lucia", "Hugo", role="nm-1"),
    C("c-145", "t-lucia", "Tess", "America/Los_Angeles", terminated_on="2022-04-02"),
    C("c-146", "t-lucia", "Wes", terminated_on="2024-11-05"),
    C("c-147", "t-lucia", "Farah", "America/Anchorage"),
    C("c-151", "t-kai", "Leilani", "Pacific/Honolulu"),
    C("c-152", "t-kai", "Colin", "America/Anchorage", role="seq-5"),
    C("c-153", "t-kai", "Maya", role="nm-4"),
    C("c-154", "t-kai", "Jesse", "America/Los_Angeles"),
    C("c-155", "t-kai", "Ruth", "America/Anchorage", terminated_on="2019-10-31"),
    C("c-156", "t-kai", "Nate", "America/Chicago"),
]
CLIENTS = [c for c, _, _ in _CL]
CNAME = {c["id"]: n for c, n, _ in _CL}
CROLE = {c["id"]: r for c, _, r in _CL}

EXTENSIONS = [
    {"type": "boundary_extension", "id": "bx-1", "therapist": "t-devon", "client": "c-111",
     "covers": ["off_hours"],
     "reason": "crisis safety plan: agreed evening check-ins by practice text after discharge from inpatient care",
     "approved_by": "s-reyes", "from": "2025-10-01", "until": "2025-11-30"},
    {"type": "boundary_extension", "id": "bx-2", "therapist": "t-owen", "client": "c-131",
     "covers": ["outside_setting"],
     "reason": "home-based sessions while the client recovers from spinal surgery; rationale, precautions and consent documented",
     "approved_by": "s-baptiste", "from": "2025-05-01", "until": "2025-07-31"},
    {"type": "boundary_extension", "id": "bx-3", "therapist": "t-lucia", "client": "c-141",
     "covers": ["off_hours", "outside_setting"],
     "reason": "in-vivo exposure sessions (contamination OCD) at a grocery store, some in the evening when it is crowded; treatment plan and consent on file",
     "approved_by": "s-reyes", "from": "2026-01-10", "until": "2026-02-28"},
]

T = {t["id"]: t for t in THERAPISTS}
CL = {c["id"]: c for c in CLIENTS}
EXT = {e["id"]: e for e in EXTENSIONS}


def zone(pid):
    if pid in T:
        return ZoneInfo(T[pid]["time_zone"])
    c = CL[pid]
    return ZoneInfo(c.get("time_zone") or T[c["therapist"]]["time_zone"])


def terminated(cid):
    c = CL[cid]
    return date.fromisoformat(c["terminated_on"]) if c["status"] == "terminated" else None


# --------------------------------------------------------------------------------------------
# Time helpers (every check is made on the instant, converted to each person's zone)
# --------------------------------------------------------------------------------------------


def parse_range(r):
    a, b = r.split("-")
    return int(a[:2]) * 60 + int(a[3:]), int(b[:2]) * 60 + int(b[3:])


def ranges(tid, d):
    hours = T[tid].get("hours") or DEFAULT_HOURS
    return [parse_range(r) for r in hours.get(DAYS[d.weekday()], [])]


def mins_of(dt):
    return dt.hour * 60 + dt.minute + dt.second / 60


def make_instant(d, minute, tz):
    """The instant at local wall time `minute` (minutes after midnight, may exceed 1440) on d."""
    naive = datetime.combine(d, time(0)) + timedelta(minutes=minute)
    aware = naive.replace(tzinfo=tz)
    inst = aware.astimezone(timezone.utc)
    # normalise (a wall time in the spring-forward gap maps to a real instant)
    return inst


def therapist_in_hours(tid, inst, margin=0):
    lt = inst.astimezone(zone(tid))
    m = mins_of(lt)
    return any(s + margin <= m <= e - margin for s, e in ranges(tid, lt.date()))


def therapist_off_hours(tid, inst, margin=0):
    lt = inst.astimezone(zone(tid))
    m = mins_of(lt)
    return all(m < s - margin or m > e + margin for s, e in ranges(tid, lt.date()))


def client_quiet(cid, inst, margin=0):
    m = mins_of(inst.astimezone(zone(cid)))
    return m >= QUIET_START + margin or m < QUIET_END - margin


def client_awake(cid, inst, margin=0):
    m = mins_of(inst.astimezone(zone(cid)))
    return QUIET_END + margin <= m <= QUIET_START - margin


def session_fits(tid, start, end, margin=0):
    ls, le = start.astimezone(zone(tid)), end.astimezone(zone(tid))
    if ls.date() != le.date():
        return False
    a, b = mins_of(ls), mins_of(le)
    return any(s + margin <= a and b <= e - margin for s, e in ranges(tid, ls.date()))


def covered(tid, cid, inst, cat):
    d = inst.astimezone(zone(tid)).date()
    for e in EXTENSIONS:
        if e["therapist"] == tid and e["client"] == cid and cat in e["covers"] and \
                date.fromisoformat(e["from"]) <= d <= date.fromisoformat(e["until"]):
            return e["id"]
    return None


def rfc3339(inst, tz, utc=False):
    if utc:
        return inst.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return inst.astimezone(tz).isoformat(timespec="seconds")


def fmt_local(inst, tz):
    lt = inst.astimezone(tz)
    return f"{DAYS[lt.weekday()].capitalize()} {lt:%Y-%m-%d %H:%M} {tz.key}"

# --------------------------------------------------------------------------------------------
# Text pools. Entry syntax: "text ||| +cat +cat hn:cat # note" (abbreviations in AB above).
# The part after ||| is optional. {slots} are filled per event (see fill()).
# --------------------------------------------------------------------------------------------

# Therapist -> client, administrative (scheduling, billing, insurance, forms, records, referrals)
T_ADMIN = [
    "Hi {name}, confirming {day} at {time} at the {office}. Reply Y to confirm or call {ophone} to change it.",
    "Reminder: your session is tomorrow at {time}. The video link is the same one as last week.",
    "Hi {name} — I need to move our {day} appointment. Could you do {day2} at {time2} instead?",
    "Here's today's video link: {link}. I'll let you in from the waiting room at {time}.",
    "Yes, {day2} at {time2} works. I've updated the calendar and you'll get the automatic reminder.",
    "The office is closed Monday for the holiday, so I've moved you to Tuesday at {time}. Let me know if that doesn't work.",
    "Your superbill for last month is in the portal under Documents.",
    "Hi {name}, {ins} approved another 12 sessions, so we're set through the summer.",
    "Heads up: your plan's copay changed to $40 in January. The front desk can walk you through the EOB if it looks off.",
    "Sorry you're sick! No late-cancel fee this time. Want me to hold {day2} at {time2} for you?",
    "Please fill out the intake forms in the portal before Thursday; they take about 20 minutes.",
    "Since you've moved, I need a new telehealth consent for your state. It's waiting for your signature in the portal.",
    "Running about 10 minutes behind, sorry! You'll still get the full 50 minutes.",
    "Your statement shows $65 from the late cancellation on the 3rd. If you think that's a mistake, we can look at it together.",
    "We received your records request and will release them through the secure portal within 30 days.",
    "I'll be out {date} through the following Monday. Dr. Alvarez is covering; for emergencies call 988 or 911.",
    "Got it, see you {day}.",
    "Confirmed for {time2} 👍",
    "No problem, I've cancelled {day}. Your next session is still on the books for the week after.",
    "Your card on file was declined for yesterday's session. Could you update it in the portal when you get a chance?",
    "Hi {name}, it's time for the 90-day check-in questionnaires (PHQ-9 and GAD-7). They're in the portal.",
    "A spot opened in the Tuesday DBT skills group. Do you want me to add you? ||| # group referral",
    "Our billing address changed; you'll see it on the next invoice. Nothing changes with your insurance.",
    "I uploaded the letter your employer asked for. Please read it before you forward it to HR.",
    "Heads up — I'm switching telehealth platforms next month. I'll send the new link the day before your session.",
    "Can you confirm your new member ID? The claim for the 12th bounced back from {ins}.",
    "The prior authorization went through, so your next 8 sessions are covered.",
    "Thanks for the heads-up about the snow. Let's switch {day} to video, same time, same link.",
    "We're out of network with your new plan, unfortunately. I can give you superbills to submit for reimbursement, or we can talk about referrals to in-network clinicians.",
    "Please come 15 minutes early on {day} to finish the paperwork at the front desk.",
    "The couples session is booked for {day2} at {time2}, 80 minutes. You'll each get your own link.",
    "Friendly reminder that we need 24 hours' notice for cancellations. Thank you!",
    "I sent the referral to Dr. Osei for the medication evaluation. Her office should call you this week. ||| # referral",
    "Your good-faith estimate for this year is in the portal, as required for self-pay clients.",
    "I've shared the release of information form for your primary care doctor. Once it's signed I can coordinate with her.",
    "I can't email session notes, but you can request a copy of your record through the front desk.",
    "{day} is full for me, but I have {day2} at {time2}. Want it?",
    "You're all set. See you on the 14th.",
    "Looks like the portal logged you out. Try the 'forgot password' link, or call the front desk at {ophone} and they'll reset it. ||| hn:ch # practice number",
    "Your balance is $0 — the insurance payment came through. ||| hn:gm",
    "Please bring your new insurance card next time so we can scan it.",
    "Starting in May my Thursday hours shift later. Your usual slot would move to {time2}; is that a problem?",
    "I'm at a training {date}, so no sessions that day. I've moved you to Friday at {time}.",
    "Group starts Wednesday at 6:30 in Room B. There's a workbook for you at the front desk.",
    "Thanks for finishing the forms! See you {day} at {time}.",
    "Could we start 15 minutes late on {day}? A meeting of mine runs over. If that doesn't work, we'll keep the original time.",
    "Yes, your partner can join for the last 15 minutes. They'll just need to sign the visitor consent at the desk.",
    "Your FMLA paperwork is done and in the portal. With your permission I can fax it to HR directly.",
    "Your annual treatment plan review is due, so we'll start {day}'s session with that.",
    "Invoice #4471 has been updated with the sliding-scale rate we agreed on. ||| hn:gm",
    "The video dropped on my end — I'm calling you from the office line now.",
    "Dear {name},\n\nA reminder that your authorization with {ins} runs out at the end of the month. I've requested an extension and will let you know as soon as I hear back. Your sessions stay scheduled as usual in the meantime.\n\nBest,\n{tname}\nHarborlight Counseling",
    "Hello {name},\n\nAttached is the summary letter you requested for your new psychiatrist. It covers dates of service, diagnosis and the current treatment plan only. Please look it over and tell me if anything needs correcting before I send it.\n\nWarm regards,\n{tname}",
    "Just checking you got the new link. Tap it a couple of minutes before {time} and you'll land in the waiting room.",
    "Your next three sessions: {day} at {time}, then the same time for the two weeks after. Copay is unchanged.",
    "Hi! This is {tname} from Harborlight. Your session is confirmed for {day} at {time}.",
    "Parking validation has moved to the front desk; they no longer do it upstairs.",
    "I'm so sorry, I have to cancel today — I'm sick. The front desk will call to rebook, and of course there's no charge.",
    "The building lost power, so let's do video at {time} instead. Same link as always.",
    "Portal messages are read during business hours. If it's urgent, call the office; in an emergency, call 911.",
    "Could you send me the name of your new primary care doctor so I can update the release?",
    "ok, 4:30 it is",
    "👍 see you then",
    "Sure — you can pay the copay at check-in.",
    "Your payment plan is set: $50 on the 1st of each month until the balance is cleared. ||| hn:gm",
    "We'll need a 45-minute session on {day}; I'll add the time back next week.",
    "Would mornings or afternoons be easier while you're on the new shift? I can move your standing slot.",
    "The school counselor's release is signed, so I'll send her the recommendations we talked about.",
    "Got your voicemail — yes, 2:00 on {day2} is fine.",
    "Your intake is {day} at {time}. Please bring a photo ID and your insurance card.",
    "We updated our privacy notice; a copy is in the portal. Nothing you need to do unless you have questions.",
    "Your claim was denied because of a coding error on our side. We've resubmitted it — you won't be billed for it. ||| hn:gm",
    "About couples sessions: I can see you and your partner together, but it would be a separate service with its own consent form.",
    "Quick reminder that I'm telehealth-only the week of the 20th.",
    "Late-cancel fee waived, don't worry about it. Hope your daughter feels better soon. ||| hn:gm",
    "Your new standing time is Wednesdays at {time}, starting next week.",
    "I got the voicemail from your pharmacy and passed it along to Dr. Osei's office, since she's the prescriber.",
    "The front desk will mail the paper statement you asked for; it should arrive in 3-5 days.",
    "Hi {name}, this is a courtesy reminder that your session {day} is by video. The link is in your confirmation email.",
    "Could you send a photo of the front and back of the new card? The portal upload is under Insurance. ||| hn:ntr",
    "Thanks for letting me know you're running late. I'll keep the room open until {time}.",
    "I've added you to the waitlist for an earlier slot. If something opens I'll text from the practice line.",
    "Re: the letter for your landlord — I can confirm you're in treatment, but I don't write ESA letters without a separate evaluation. Happy to explain why.",
    "Your session length is now 53 minutes, per your insurer's new rules. Nothing else changes.",
    "We're closed the 24th and 25th. Your session moved to the 23rd at {time}; the crisis line is 988 if you need support while we're closed.",
    "I'm going to be on parental leave from June through August. We'll plan the transition together; Dr. Alvarez has agreed to see you in the meantime if you'd like.",
    "Just a reminder that this is the last session covered under the current authorization. I've asked for more.",
    "See you {day}!",
    "Confirming receipt of the signed consent. Thank you.",
    "Your session has been moved to Room 4 on {day} because of the carpet cleaning.",
    "All set for {time} {day}. If you're running late, text this number or call the desk.",
    "Hi {name}, your account has a $12 credit from an overpayment. It will come off your next copay. ||| hn:gm",
    "The release to talk with your lawyer has expired. If you still want me to speak with her, please sign a new one.",
    "Dear {name},\n\nThank you for your message about the cost of sessions. Our sliding scale is based on household income and size; the form is attached. Once you return it, the billing office will confirm your new rate within a week. Please don't stop coming while we sort it out.\n\nKind regards,\n{tname}",
    "I can do a 30-minute check-in by phone on {day2} if a full session is too much this week.",
    "The Wednesday group is moving to Room C starting next week.",
    "Yes, we can bill your secondary insurance. Please send the card and the subscriber's date of birth.",
    "For next week: the video link changes because of the platform update. The new one is {link}.",
    "I'll send the treatment summary to your new therapist once the release is back. ||| # referral/records",
    "Can you call the front desk at {ophone} to update your address? The last statement came back. ||| hn:ch # practice number",
    "Hi {name}, just making sure you got my message about moving {day}. Let me know which time works.",
    "Our office will have a substitute receptionist this week, so check-in may take a bit longer.",
    "Hello! Your session next week is the last one before my vacation; I'm back on the 3rd.",
]

# Therapist -> client: clinical content, homework, clinical warmth, clinical talk about the
# client's own social life, dating, social-media use, drinking. None of these is a finding.
T_CLINICAL = [
    "I'm glad you went to the dinner. Let's unpack how it went on {day}. ||| hn:pc # clinical warmth about the client's social life",
    "You mentioned Instagram makes you anxious at night. Try the app limit we set up and notice what happens to your sleep. ||| hn:sm # clinical talk about client's own social media",
    "How did the date go? We can make room for it next session if you'd like. ||| hn:rs # client's dating life, clinical",
    "Nice work logging your drinks this week — three nights under your goal is real progress. Bring the log {day}.",
    "Here's the thought record we talked about. Try it the next time the 'I always mess up' thought shows up.",
    "I know today's session was hard. It took courage to talk about your dad. Be gentle with yourself tonight. ||| hn:pc # clinical warmth",
    "For the exposure hierarchy, start with step 2 this week (touching the doorknob without washing), once a day.",
    "It sounds like the party brought up a lot. Let's look at the moment you decided to leave early — I think there's something important there. ||| hn:pc",
    "You said you've been checking your ex's Facebook a lot. Let's talk about what you're hoping to find when you check. ||| hn:sm",
    "Great job using the STOP skill at work! That's exactly what we practiced.",
    "For this week: one behavioral activation task a day, even a small one. A walk around the block counts.",
    "I'm proud of you for going to the meeting. How did it feel to share? ||| hn:pc",
    "The sleep hygiene handout I mentioned is in your portal documents.",
    "You've been working so hard on this. The progress shows, and I want you to notice it too. ||| hn:pc",
    "Sounds like the first week at the new job was overwhelming. Let's use part of {day} to plan your breaks.",
    "Try the 4-7-8 breathing before bed and jot down roughly how long it takes you to fall asleep.",
    "The TikTok comparisons you described are really common. Notice which accounts leave you feeling worse, and consider muting them. ||| hn:sm",
    "It makes sense you felt rejected when she didn't text back. Let's look at that pattern together on {day}. ||| hn:rs",
    "Remember the urge-surfing recording — it's the audio file in the portal.",
    "I hear how lonely the weekends have been. Let's brainstorm a couple of low-pressure social plans for you on {day}. ||| hn:pc # client's social plans, clinical",
    "You mentioned wanting to reconnect with your college friends — did you send the message you drafted? ||| hn:pc",
    "When the urge to drink shows up after work, try the delay-and-distract plan for 20 minutes first.",
    "Bring the diary card on {day}, even if some days are blank. Blank days tell us something too.",
    "Good for you for setting that boundary with your mom. That's the skill we've been practicing.",
    "Homework: write the letter to your younger self. You don't have to share it unless you want to.",
    "You seemed really tired today. Let's check in about sleep and the new medication next time.",
    "Your partner is welcome to read the Gottman worksheet too, if you'd both find it useful.",
    "The sensate focus exercise for this week is stage 1 only: non-sexual touch, no goal. We'll debrief in session. ||| hn:rs # sex-therapy homework for the client and partner",
    "It's normal for intimacy to feel complicated after the baby. Let's give it real time on {day}. ||| hn:rs",
    "Did the break from the dating apps help? Last time you said swiping made you feel worse about yourself. ||| hn:rs hn:sm",
    "Let's keep tracking how late you're on Reddit at night — you noticed it's worse after arguments. ||| hn:sm",
    "I'm glad you told your friends about the diagnosis. How did they react?",
    "Sounds like the weekend with your sister was a big one. What was it like being back in your hometown? ||| hn:pc # asks about the client's weekend clinically",
    "You handled the conversation with your boss really well. Let's build on that.",
    "The grief group at St. Mark's meets Tuesday evenings, if you'd like extra support between sessions. ||| # referral",
    "Here are three in-network psychiatrists with {ins}. Dr. Osei has openings this month. ||| # referral",
    "Each evening this week, write down three things that went okay. Small things count.",
    "I wonder if the birthday party felt hard because of what happened last year. Let's talk about it.",
    "It's okay that you cried in session. That's what the space is for. ||| hn:pc",
    "I'm thinking of you this week, with the anniversary of your mom's death. Your coping plan is in the portal, and 988 is there any time. ||| hn:pc # 'thinking of you' as clinical warmth with crisis resources",
    "You deserve to feel safe in your relationships. We'll keep working on it. ||| hn:rs",
    "Keep using the grounding cards when the flashbacks come. You're doing the work.",
    "Next on the exposure ladder is the crowded café: sit for 20 minutes and rate your anxiety every 5. ||| hn:os # exposure homework at a café, not a session",
    "Texting your friend before the party instead of having a drink first sounds like a solid plan. Tell me how it went on {day}.",
    "We talked about posting less when you're upset. How did the 24-hour rule go? ||| hn:sm",
    "I know the breakup is fresh. Missing him doesn't mean you made the wrong decision. ||| hn:rs hn:pc",
    "Before next session, try listing what you want in a partner versus what you've settled for. ||| hn:rs",
    "It's wonderful that you and Sam had a real date night. Let's talk about what felt different. ||| hn:rs",
    "You looked lighter today when you talked about the new apartment. I noticed that. ||| hn:rs hn:pc # clinical observation, not a compliment",
    "Your LinkedIn rewrite sounds like a big step in the job search. Want to practice interview questions {day}? ||| hn:sm",
    "The vaping tracker is working — you caught the 3pm craving. Let's plan for that time of day.",
    "I'm sorry the family dinner went badly. You stayed calm longer than last time, and that matters.",
    "Journal prompt for the week: when did you feel most like yourself?",
    "That sounds like a scary night. I'm glad you used your safety plan and called your sister.",
    "Keep the phone in the kitchen after 11, like we planned, and tell me on {day} what you noticed.",
    "Relapse is part of recovery, not the end of it. We'll look at what happened together.",
    "It sounds like your friend's wedding stirred up feelings about your own divorce. That's worth exploring. ||| hn:pc",
    "Please look at the values worksheet and circle your top five.",
    "Your kids are lucky to have a parent working this hard on themselves. ||| hn:pc",
    "I heard you about feeling invisible in the group chat. Let's role-play reaching out to one friend. ||| hn:sm",
    "Try 'opposite action' when you want to cancel plans: go for 20 minutes, then decide.",
    "I'm glad you found the caregivers' support group online. How did the first meeting feel? ||| hn:sm",
    "Mindfulness practice for the week is the 10-minute body scan. Five days out of seven is the goal.",
    "It makes sense to feel protective of your privacy after what happened online. We can make a plan for your accounts together. ||| hn:sm",
    "Ninety days sober — that's a big deal. Let's mark it in session.",
    "How are the panic attacks on the train? Use the counting exercise if one starts.",
    "Let's revisit the budget worksheet; you said money stress is driving the fights at home. ||| hn:gm",
    "Thank you for telling me about the affair. That took a lot, and nothing about how I see you has changed. ||| hn:rs",
    "I'm really happy for you about the engagement! Let's talk about how the family side of it feels. ||| hn:pc hn:rs",
    "Bring the photo of your grandmother if you like — we can use it in the grief exercise.",
    "Thanks for trusting me with that today. We'll go at your pace. ||| hn:pc",
    "That sounds exhausting. Let's make {day} about rest and what you can say no to.",
    "One thing to try before {day}: when you reach for your phone in bed, put it face down and notice the urge. ||| hn:sm",
    "Your homework from the couples workbook is the 'love maps' questions. Do them together, not alone. ||| hn:rs",
    "I noticed you went quiet when we talked about your brother. We can come back to that when you're ready.",
    "Let's add the Friday-night drinking to the chain analysis — what happened right before?",
    "It's completely normal to feel nervous before a first date after a divorce. Let's plan what you'll do if you feel overwhelmed. ||| hn:rs",
    "Good call leaving the bar early when you noticed the urge. That's the plan working. ||| hn:os",
]

# Therapist -> client: crisis and safety instructions
T_CRISIS = [
    "If tonight gets worse, call or text 988, or go to the nearest emergency room. I'll see you at {time} tomorrow.",
    "Your safety plan is in the portal. Step 3 is calling your sister; step 4 is 988.",
    "If you feel unsafe, call 911 or the county mobile crisis team. You don't have to wait for our session.",
    "You can text HOME to 741741 any time to reach the Crisis Text Line. ||| hn:ch # crisis line, not a personal number",
    "I got your message. Are you safe right now? If not, please call 988 or go to the ER. I'm calling you from the office line in 5 minutes.",
    "Please move the pills out of the bathroom like we planned, and keep 988 in your favorites.",
    "Checking in after today's session. If the urges to hurt yourself come back, use your safety plan and call 988.",
    "If you're thinking about suicide, call or text 988 right now. If you're in immediate danger, call 911.",
    "The on-call clinician tonight is Dr. Alvarez. Call the office line and press 2 to reach her. ||| hn:ch",
    "I can't monitor messages overnight. If you need help before morning, call 988 or 911.",
    "Your sister has a copy of the safety plan too. If you can't reach her, the crisis line is 988.",
    "I'm glad you went to the ER. Once you sign the release I'll coordinate with the hospital social worker.",
    "If the flashbacks get intense tonight, try the grounding cards first, then 988 if you want someone to talk to.",
    "Veterans Crisis Line: dial 988 and press 1, or text 838255. ||| hn:ch",
    "Please don't drive tonight if you've been drinking. Call a friend, or 988 if you need support.",
    "I'm worried about what you wrote. I'm going to call you now from the practice line. If I can't reach you, I'll follow the safety protocol we agreed on.",
    "If anything changes before {day}, 988 is open 24/7. You can also walk into the urgent psychiatric clinic on Grand.",
    "You did the right thing reaching out. Let's add tonight's warning signs to your safety plan.",
    "The Trevor Project is 1-866-488-7386 if you'd rather talk to someone who gets it; they also text. ||| hn:ch",
    "For immediate safety concerns, call 911. For everything else tonight, 988 is there.",
    "It's okay to go to the emergency room if the panic doesn't ease. You are not overreacting.",
    "The mobile crisis team can come to your home: {crisis}. Keep the number in your phone. ||| hn:ch",
    "if ur not safe tonight call 988 or go to the ER, ok? we'll talk first thing {day}.",
    "Thank you for telling me about the plan. I need you to call 988 now while I stay on the portal chat with you.",
]

# Therapist -> client: boundary-setting refusals and policy explanations (never the category
# they refuse)
T_REFUSAL = [
    "That's so thoughtful, but I can't accept gifts from clients. Your note meant a lot. ||| hn:gm # refusing a gift",
    "Please don't get me anything for the holidays — it's a practice policy, and the work you're doing is what matters to me. ||| hn:gm",
    "I'm returning the gift card with a note. It's not about you at all; I'm just not able to accept gifts. ||| hn:gm",
    "I can only charge the session fee, so I won't be taking the extra $20. Thank you for the kindness, though. ||| hn:gm # refusing a tip",
    "Thanks for offering to lend me your tent for the trip, but I need to say no — I don't borrow things from clients. ||| hn:gm hn:ntr",
    "i cant accept money outside the fee, but thank you 🙏 ||| hn:gm",
    "I really appreciate you wanting to thank me. I can't accept the concert tickets, but I hope the show is wonderful. ||| hn:gm",
    "We can't trade sessions for services, but we do have a sliding scale. Let's look at it together. ||| hn:gm # declining barter",
    "I'm not able to take cash outside of billing. Please pay through the portal. ||| hn:gm",
    "Paying for a full year up front is generous, but we bill session by session. ||| hn:gm",
    "It's kind of you to think of me, but I'll have to decline the wine. Let's talk on {day} about what giving it meant to you. ||| hn:gm",
    "I can't accept the Peloton, even used. I know it comes from a good place. ||| hn:gm",
    "A handwritten card is more than enough — please don't spend money on me. ||| hn:gm",
    "Thank you!! But I can't take gifts from clients — it's an ethics thing, not a you thing 🙂 ||| hn:gm",
    "I'm going to say no to the cabin, but thank you. Let's spend a few minutes on {day} on why it felt important to offer. ||| hn:gm",
    "I saw a follow request come through on Instagram. I don't connect with clients on social media, so I declined it — nothing personal. ||| hn:sm # declining a follow",
    "My policy is not to friend or follow current or former clients on any platform, including LinkedIn. It's in the consent form we went over. ||| hn:sm",
    "I'm not able to connect on social media, but I'm glad the articles have been helpful. ||| hn:sm",
    "I won't be accepting the LinkedIn request — it's a boundary I keep with every client. Happy to talk about it in session. ||| hn:sm",
    "Please don't tag me in posts. I keep my accounts private and separate from my work. ||| hn:sm",
    "I'm not going to look at your Instagram, but if there's a post you want to talk about, bring it to session and show me. ||| hn:sm",
    "I don't use DMs for client contact. Please message me through the portal instead. ||| hn:sm hn:ch",
    "I noticed the friend request. I'm not able to accept it, and I'd like to talk about what connecting online would mean to you. ||| hn:sm",
    "I don't follow clients back. It protects your privacy as much as mine. ||| hn:sm",
    "no snapchat for session stuff please — portal only 🙂 ||| hn:sm",
    "Our social media policy is on page 3 of the consent form: no friending, following or messaging on personal accounts. ||| hn:sm",
    "I'm not on TikTok, and I wouldn't connect with clients there anyway! ||| hn:sm",
    "Let's keep texting to scheduling, and please use the portal for anything else. ||| hn:ch # keeps texting administrative",
    "I don't use my personal phone for client contact. The office line is {ophone}. ||| hn:ch",
    "Please don't text this number after hours — it's the practice line and nobody watches it at night. For emergencies call 988. ||| hn:ch hn:oh",
    "I'd rather we not switch to WhatsApp. The portal keeps our messages secure and in your record. ||| hn:ch",
    "I can't give out my cell, but the front desk can reach me quickly during the day. ||| hn:ch",
    "The number you called last night is my personal phone; it must have been left on an old voicemail by mistake. Please use the office number from now on. ||| hn:ch",
    "Please email the practice address, not my personal one, so it's in your chart. ||| hn:ch",
    "I only text from the practice number, so if you get a message from another number claiming to be me, ignore it. ||| hn:ch",
    "For privacy reasons I don't give clients my personal email. Use intake@harborlight.example for documents. ||| hn:ch",
    "I won't be calling from my cell. I'll call from the office at 2. ||| hn:ch",
    "I hear that you have feelings for me. That's something we can talk about openly in session, and our relationship will stay a professional one. ||| hn:rs # boundary-setting response to a client's feelings",
    "It's really common to develop strong feelings toward a therapist. I'm glad you told me, and it's safe to talk about on {day}. It won't become a romantic relationship, now or after therapy. ||| hn:rs",
    "I'm not able to go on a date with you, and I want to be clear about that because I care about your treatment. ||| hn:rs hn:pc",
    "Thank you for your honesty last session. My answer is still that our relationship is professional only. Let's keep exploring what came up. ||| hn:rs",
    "I'm not going to respond to the photo you sent, and I've noted in your record that it came through. Let's talk about it in session. ||| hn:rs",
    "That message read as flirtatious, so I want to gently name it. I'm your therapist, and I'll stay in that role. ||| hn:rs",
    "I don't think it would be right to meet after therapy ends, either. Let's talk about what that hope is about. ||| hn:rs hn:pc",
    "i know you said you love me. I'm not going to answer that by text, but it's welcome in session, ok? ||| hn:rs",
    "Thank you, but I can't do business with clients, so I'll find another accountant. ||| hn:ntr",
    "I appreciate the offer of a discount at the dealership, but I can't accept favors from clients. ||| hn:ntr hn:gm",
    "Please don't feel you need to leave a review. I'd never ask a client for that. ||| hn:ntr",
    "I can't sell you my old couch — I know it seems small, but I avoid any business with clients. ||| hn:ntr",
    "You don't have to keep anything from your other providers. Share whatever you like about our work. ||| hn:ntr",
    "You don't owe me anything outside our sessions. Your only job here is your own healing. ||| hn:ntr",
    "I can't meet at the café for our session, but I can do video if getting to the office is hard this week. ||| hn:os",
    "Walk-and-talk sessions aren't something I offer, but we can take a standing break in the room! ||| hn:os",
    "I know the office feels stuffy. Sessions need to stay at the office or on telehealth, though. ||| hn:os",
    "I'm not able to do home visits, but telehealth would save you the drive. ||| hn:os",
    "Let's not meet at the park — I know it's nicer out there, but privacy matters. Office or video, your pick. ||| hn:os",
    "I'd rather keep our time focused on you, so I'll skip the question about my weekend 🙂 How did the exposure practice go? ||| hn:pc # deflects a personal question",
    "It's kind of you to ask about my family. I keep that part of my life private, but I appreciate the care. ||| hn:pc",
    "I can't come to your graduation party, but I'd love to hear about it in our next session. Congratulations! ||| hn:pc hn:os",
    "I'm not able to be friends outside of therapy — that's part of what keeps this space safe for you. ||| hn:pc",
    "I won't be able to meet for coffee, but I'm really glad things are going well. ||| hn:pc",
    "I saw your message from last night this morning — I don't check messages after hours. Let's talk about it {day}. ||| hn:oh",
    "I answer non-urgent messages during office hours, usually within one business day. ||| hn:oh",
]

# Therapist -> client: practice numbers, door codes, directions, fees: look like findings, are not
T_DECOY = [
    "Call the office at {ophone} if you need to reschedule. ||| hn:ch # practice number",
    "The door code is {code}. I'm on the 4th floor, second door on the left. ||| hn:ch # door code",
    "After 6 the front door locks — buzz {code} at the side entrance. ||| hn:ch",
    "My direct line at the office is extension 204. ||| hn:ch",
    "Crisis line is 988, call or text, 24/7. ||| hn:ch",
    "Our front desk number changed to {ophone}. Please update your contacts. ||| hn:ch",
    "You can reach the on-call clinician at {ophone}, option 2. ||| hn:ch",
    "If the video link fails, dial in at {ophone2} and enter meeting code {code}. ||| hn:ch",
    "Please fax the form to our office fax, {ophone2}. ||| hn:ch",
    "Text the practice line ({ophone}) if you're running late — it goes straight to the front desk. ||| hn:ch",
    "The billing office's email is billing@harborlight.example; they can answer the EOB question faster than I can. ||| hn:ch",
    "Save this number as 'Harborlight Counseling' — it's the practice's text line for reminders. ||| hn:ch",
    "For group, the building code is {code}# and we're in the community room. ||| hn:ch",
    "Your psychiatrist's office number is {ophone2}; they handle refill questions. ||| hn:ch",
    "Mobile crisis for the county: {crisis}. Keep it in your phone. ||| hn:ch",
    "New suite number is 410; when you get out of the elevator, dial 0 on the lobby phone and we'll buzz you in. ||| hn:ch",
    "Our office is the brick building right next to Blue Door Café. Parking is behind the café. ||| hn:os # directions, not a session venue",
    "We moved! The new office is upstairs from the Corner Bakery on Grand — Suite 210. ||| hn:os",
    "If you're early, there's a coffee shop on the corner where you can wait; the front desk will text you when I'm ready. ||| hn:os",
    "Street parking fills up, so the garage across from the park is your best bet. ||| hn:os",
    "The telehealth platform works from anywhere private — your car is fine if home is too crowded. ||| hn:os",
    "Take the train to the Park stop; we're half a block north of the station. ||| hn:os",
    "Heads up: the bar downstairs has live music on Thursdays, so it may be a little loud during our 5 o'clock. ||| hn:os",
    "The group's end-of-year session is in our usual room, not the restaurant next door like the flyer said. ||| hn:os",
    "Here's the NAMI link for the family support group we discussed: nami.org/Support-Education ||| hn:sm # a referral link, not a social profile",
    "Our practice doesn't run any social media accounts, so a page claiming to be us isn't real. ||| hn:sm",
    "Your refund of $40 for the duplicate copay has been processed. ||| hn:gm",
    "The sliding scale brings your fee to $60 a session starting this month. ||| hn:gm",
    "Your HSA card was charged the $30 copay for yesterday. ||| hn:gm",
    "We've credited $25 to your account for the session I cancelled at the last minute. ||| hn:gm",
    "The front desk can give you an itemized receipt for your FSA. ||| hn:gm",
    "Could you complete the GAD-7 in the portal before {day}? ||| hn:ntr # therapeutic request",
    "Please bring your medication list and the name of your pharmacy. ||| hn:ntr",
    "Please keep the other group members' names confidential, like we agreed in the group guidelines. ||| hn:ntr # group confidentiality, not secrecy",
    "Would you be willing to sign a release so I can talk with your psychiatrist? ||| hn:ntr",
    "You'll get an anonymous satisfaction survey from the practice. It's optional, and I never see who filled it out. ||| hn:ntr # not a testimonial request",
    "Could you ask your HR department for the FMLA form and send it to the office? ||| hn:ntr # help from the client's job, for the client",
    "Could you bring your journal next week? It'll help us see the pattern. ||| hn:ntr",
    "Please don't share the telehealth link with anyone else — each link is for one session. ||| hn:ntr",
    "What we talk about stays confidential, with the limits we went over at intake (safety, abuse, court orders). ||| hn:ntr",
    "Can you ask your partner to fill out the couples intake before {day}? ||| hn:ntr",
    "Could you sign the updated consent form before Thursday? ||| hn:ntr",
    "Please keep your phone on silent during group. ||| hn:ntr",
    "Would you be willing to try the breathing app between sessions? It's free. ||| hn:ntr",
    "Could you ask your pharmacist whether the new dose comes as a liquid? ||| hn:ntr # help from the client's pharmacist, for the client",
    "Can you bring your partner's work schedule so we can find a time for the couples session? ||| hn:ntr",
    "If you're comfortable, could you share your sleep tracker data with me next time? ||| hn:ntr",
    "Please delete the screenshot of the group chat you posted — it showed other members' names. ||| hn:ntr # protects other clients' privacy, not secrecy",
    "As your lawyer advised, let's keep the custody details between you, her and me for now. ||| hn:ntr # legal/clinical confidentiality, not secrecy about the therapist",
    "Please don't post about group sessions online; what others share stays in the room. ||| hn:ntr hn:sm",
]

# Therapist -> client: personal or social content (chit-chat, self-disclosure, invitations,
# friendship talk). Default category: personal_content.
T_PERSONAL = [
    "lol same, my mornings are pure chaos too",
    "omg did u watch the finale last night?? no spoilers but WOW",
    "Honestly I needed that laugh today. My divorce papers came through this morning and it's been A Day. ||| # self-disclosure",
    "How was your weekend? Mine was a mess, both my kids had the flu 😩",
    "We should grab coffee sometime outside of sessions, you're so easy to talk to ||| # invitation to meet socially",
    "I feel like we're more friends than therapist and client at this point haha ||| # friendship talk",
    "Just landed in Lisbon!! Sorry for the slow reply, vacation brain 🌞",
    "My wife and I finally tried the taco place you told me about — you were so right.",
    "Ugh, WORST week. My landlord is selling and I have to be out by June.",
    "My band is playing the Rusty Nail on Friday at 9 if you want to come! no pressure",
    "Honestly you're one of my favorite people to talk to. Not just as a client.",
    "haha my mom is the exact same, she calls me five times a day",
    "do you still run by the lake? I'm trying to get back into it, we should go together sometime",
    "I had a few drinks at my sister's wedding last night so excuse the typos lol",
    "Are you going to the parade Sunday? A bunch of us are meeting at the fountain at noon, come find us!",
    "Funny story — I ran into your cousin at the gym and we ended up talking for an hour. Small world!",
    "We're having a little backyard thing for my 40th on the 12th. You should stop by!",
    "I've been having a rough time since my dad passed. Honestly our sessions are the best part of my week.",
    "guess who just adopted a puppy 🐶🐶 I'll show you pics thursday",
    "lmaooo that meme is so me",
    "I'm SO hungover today, don't judge me 😂",
    "Random but what's your sourdough recipe? Mine keeps coming out flat.",
    "Not gonna lie, I'm jealous of your Hawaii trip. My husband and I haven't had a vacation in three years.",
    "Go Bears!! Were you at the game? I was in section 112 screaming my head off",
    "I'm thinking about quitting this job honestly. Don't tell anyone lol ||| +ntr # self-disclosure plus asking for secrecy",
    "My boyfriend just proposed!!! I had to tell someone 💍",
    "You free Saturday? My friends are doing trivia at Kelly's and we need a sixth",
    "the cat knocked my coffee onto my laptop this morning, send help",
    "I think you and my sister would really get along. You two should meet!",
    "Oof, I know exactly what you mean about in-laws. Mine are staying with us for three weeks 🙃",
    "Long day. Could really use a friend to vent to lol",
    "I was up all night with my own anxiety stuff, so forgive me if I seemed off today.",
    "We should do a hike together when it warms up! I know a great trail near Boulder.",
    "Happy Friday!! Any fun plans? I'm going wine tasting in Sonoma 🍷",
    "Okay, I'm telling you first: I'm applying to be on Jeopardy.",
    "I'm so bored in this training lol, what are you up to?",
    "my ex just texted me out of nowhere, ugh. anyway how's your day",
    "Hey! It's your favorite therapist 😜 just wanted to chat, how's life?",
    "If you ever want a running buddy, I'm at the Rose Bowl loop most Sundays at 7.",
    "I swear we have the same taste in music. Have you heard the new Phoebe Bridgers?",
    "Honestly I get it, I went through the exact same thing with my first marriage. It took me years to get over him.",
    "I had the weirdest dream that we were roommates in college lol",
    "Stuck at the airport for four hours, entertain me 😅",
    "we need to hang out sometime for real, not in the office",
    "So proud of my daughter — she got into Michigan! Sorry, had to share 🥹",
    "my fantasy team is 0-5, I should just let you run it lol",
    "Did you see the video of the raccoon stealing the pizza? I thought of you lol",
    "How's your mom doing? Tell her I said hi!",
    "I'm having people over for the Super Bowl, you should come, bring whoever",
    "ngl I've been pretty depressed lately myself. it's nice to talk to someone who gets it",
    "My husband and I are fighting again and I've got nobody to vent to at work lol",
    "Just finished my first marathon!!! Legs are jelly 🏃‍♀️",
    "Haha you would NOT believe the drama at my kid's PTA meeting",
    "You should come to my church sometime, the community there is amazing.",
    "What are you doing for Thanksgiving? We always have way too much food, you're welcome to join us.",
    "I'm at Costco and just saw your favorite chips lol",
    "honestly i'm exhausted, my toddler has been up every night this week",
    "I can't believe I'm telling you this, but I'm thinking of leaving my husband.",
    "OMG you live in Wicker Park too?! We're basically neighbors, we should get brunch",
    "My kid's soccer team made state! Driving to Cedar Rapids this weekend for it",
    "I'm going to the Taylor Swift concert Saturday, are you?? we could meet up",
    "I'm on a juice cleanse and SO hangry lol, sorry if I was short in session",
    "The Yankees broke my heart again. How are you even a Mets fan lol",
    "ok real talk, which dating app is the least terrible? my friends keep telling me to get back out there",
    "It's so nice to talk to someone who isn't a client for once — I mean, you know what I mean 😂",
    "We're throwing a housewarming on the 20th at 14 Alder St. Come by!",
    "Thinking about getting a tattoo — you've got a few, any artist recs?",
    "I haven't told anyone at work yet, but I'm pregnant!! 🤰",
    "Between you and me, my supervisor is driving me nuts lol ||| +ntr # 'between you and me' asks for secrecy",
    "Ha! You and me both. I was up till 2 bingeing The Bear.",
    "I know this is unusual, but I've been going through a lot lately. My marriage is falling apart and I've been drinking more than I should. You always seem to know what to say, and I guess I needed to talk to someone who isn't in my life every day. Sorry for unloading on you.",
    "Sorry I've been distracted in our sessions. My mom's cancer came back and I'm kind of falling apart. Didn't want you to think it was you.",
    "ha I literally just bought the same jacket you had on, we're twins now",
    "tbh you're the only person I can be real with these days",
    "You'd love my book club, it's basically therapy with wine lol. We meet the first Friday of the month.",
    "Btw I'm at the same yoga studio as you now! Saw you in the 6am class but didn't want to interrupt.",
    "my son just got his license and I'm a wreck lol. how's your week going?",
]

# Therapist -> client: romantic, flirtatious, sexual or intimate content. Default: romantic_sexual.
T_ROMANTIC = [
    "You looked really beautiful today. I probably shouldn't say that 😉",
    "I keep thinking about our session. About you, honestly.",
    "If things were different I'd ask you out. Maybe once we're done with therapy? 😊 ||| # hints at a relationship after therapy",
    "good night beautiful 💕",
    "can't stop thinking about that laugh of yours",
    "Once we finish our work there's nothing stopping us, you know.",
    "u up? 😘",
    "That dress today... wow.",
    "I dreamt about you last night. Is that weird to say?",
    "Sometimes I wish our sessions ran longer just so I could be around you more",
    "Our connection feels different from my other clients. I think you feel it too ❤️",
    "Delete this after you read it, ok? I think I'm falling for you. ||| +ntr # secrecy request",
    "wear the red sweater again Thursday 😏",
    "You deserve someone who treats you right. Someone like me, maybe 😉",
    "I'd love to take you to dinner. Somewhere nobody knows us. ||| +pc # invitation to meet",
    "Thinking of you in that bath you mentioned 😏",
    "see u thursday xoxo",
    "You're gorgeous, you know that?",
    "sweet dreams 😘",
    "I can't wait to see you Tuesday. Like, really can't wait 💕",
    "I know we can't date while you're my client. But in two years... 😉",
    "Is it bad that I look forward to your sessions more than anyone else's? 😳",
    "Send me a pic of the new haircut 😍",
    "I needed a cold shower after our session lol",
    "you smell amazing btw. what perfume is that",
    "I could listen to your voice all day",
    "Sit next to me on the couch next time instead of across the room 😉",
    "Missing you already ❤️",
    "If you weren't my client I'd have kissed you today.",
    "We have such great chemistry. Shame about the rules lol",
    "Let's wrap up therapy so we can see where this goes. I'll refer you to a colleague.",
    "When your divorce is final, call me. Not as your therapist 😉",
    "I love you. I know I shouldn't.",
    "Hey gorgeous, how was your day",
    "ur so cute when ur nervous lol",
    "Those jeans. Just saying 😏",
    "Fantasized about you again. Sorry, that's too much, isn't it",
    "Can I call you tonight? I just want to hear your voice 💕",
    "you make me feel like a teenager again 🙈",
    "Want to come over after work? My place is quiet 😉 ||| +pc # invitation to the therapist's home",
    "I noticed you took off your ring. Does that mean what I hope it means?",
    "Tell me what you're wearing 😏",
    "I think about hugging you at the end of every session",
    "my wife is out of town this weekend... 👀 ||| +pc # disclosure with a sexual hint",
    "Let's keep what's happening between us private, ok? People wouldn't understand. ❤️ ||| +ntr",
    "I'm not supposed to have favorites. You're my favorite. 😘",
    "That voice memo you left... I've listened to it like ten times 🙈",
    "kiss kiss, talk soon 💋",
]

# Therapist -> client: social-platform contact, handles, profile links, viewing the client's posts.
T_SOCIAL = [
    "Just followed you on insta! I'm {handle} if you want to follow back",
    "add me on fb, search {tfull}",
    "my snap is {snap} 😊",
    "saw your story from the concert, looked amazing!! ||| # shows the therapist viewed the client's posts",
    "i n s t a: {handle} — I post a lot of hiking stuff you'd like ||| # spaced-out platform name",
    "DM me on IG, it's easier than the portal",
    "f0ll0w me on t1kt0k lol {handle} ||| # leetspeak",
    "іnstа: {handle} ||| # Cyrillic look-alike letters",
    "Loved your post about your grandmother ❤️ she sounds like she was amazing",
    "Sent you a LinkedIn request — my husband's company is hiring, might be a fit! ||| +pc",
    "I tagged you in that meme lol, it's so us ||| +pc",
    "look me up on facebook — {tfull}, profile pic is me holding a giant fish 🎣",
    "Congrats on the engagement!! Saw it on your page this morning 💍",
    "find me on s n a p: {dotted}",
    "you can find me on the gram, same name as here",
    "{url} ← that's me, follow if you want!",
    "Accepted your friend request! Welcome to the chaos that is my page 😂",
    "Your vacation pics on FB are gorgeous. Where was that beach?",
    "Liked your post about the new job, so exciting!",
    "Are you on Insta? What's your handle?",
    "just sent u a friend req 👋",
    "So jealous you went to the Beyoncé show!! (yes I stalked your stories lol)",
    "Shoot me a DM on X, I'm {handle} there too",
    "Saw you commented on my cousin's post — didn't know you two knew each other! ||| +pc",
    "ur profile pic is so cute 😍 ||| +rs",
    "my tiktok is blowing up lol, go like my latest video 🙏 ||| +ntr # asks the client to promote the therapist",
    "We should connect on LinkedIn, I know a few people at Deloitte",
    "yo check my ig story lmao",
    "Follow the practice page for tips! And my personal one too 😉 {handle}",
    "I'm going live on Instagram tonight about burnout, you should tune in!",
    "Did you see my comment on your pic? 😜",
    "we're mutuals now lol",
    "I'll add you to my close friends list on insta 💚 ||| +pc",
    "look up {handle} on threads, I post about mental health stuff",
    "Fb: {tfull} (the one with the golden retriever)",
    "ＩＧ: {handle} ||| # full-width letters",
    "send me the video on snap, my username is {snap}",
    "Your dog is all over your feed and I'm obsessed 🐕",
    "fасеbооk me! {tfull} ||| # Cyrillic look-alike letters",
    "Follow me on Strava so we can kudos each other's runs 🏃",
]

# Therapist -> client: moving the conversation to a personal phone, number or e-mail.
T_CHANNEL = [
    "Text me on my cell instead, {cell}. The portal is so clunky.",
    "here's my personal number if you ever need to talk: {cell}",
    "Email me at my personal address, {pemail}, it's faster.",
    "Just call my cell this weekend if anything comes up, no need to go through the office.",
    "My work phone dies constantly, use {cell_alt} — that's my own phone.",
    "Can we switch to WhatsApp? I'll send you my number.",
    "I'll text you from my personal phone so we can talk more easily.",
    "Save my cell: {cell}. Don't put it in the portal notes lol ||| +ntr # secrecy",
    "Shoot me an email at {pemail} instead of the portal, I check it more.",
    "my personal # is 5 5 5 - 0 1 4 2 ||| # spaced digits",
    "txt me @ {cell} anytime ☺️",
    "FaceTime me tonight? Use my cell, not the office line",
    "if u want to chat outside of sessions, here's my gmail: {pemail} ||| +pc",
    "I'm giving you my cell just in case: {cell}. Use it for anything, not just emergencies.",
    "Let's move this to my personal email, the practice one gets monitored. ||| +ntr # evading the practice record",
    "call me on my mobile, it's five five five oh one seven three ||| # number spelled out",
    "Signal is more private, add me there: {cell}",
    "You can reach me at home after 6, the number's {cell}",
    "I'd rather you text me directly than go through the front desk. {cell}",
    "Drop me a line on my personal email if you ever want to talk outside of work: {pemail} ||| +pc",
    "here's my cell for the weekend, text me anything {cell}",
    "my iMessage is {pemail} if you're on an iPhone",
    "You have my cell now, so no need to use the portal anymore 🙂",
    "Call me at my house later? {cell}",
    "Add my personal email to your contacts: {pemail}. Work email goes to spam half the time.",
    "text me when you land! my number is {cell} ||| +pc",
    "Don't use the office line for this, just text my phone. You have the number from when I called Tuesday.",
    "I'll send the worksheet from my Gmail since the portal's down — reply there if you have questions.",
    "my cell → {cell_alt}. easier than the portal app",
    "Ping me on my personal number instead of the front desk, they're slow: {cell}",
    "It's me on my own phone — save this number! ||| ch=personal_sms # announces a personal number",
    "I'll give you a ring from my mobile after I pick up the kids ||| +pc",
]

# Therapist -> client: non-therapeutic requests (favours, business, reviews, money, secrecy).
T_NTR = [
    "Would you mind leaving us a Google review? It really helps the practice 🙏",
    "Could you write a short testimonial for my website? Just a sentence about how therapy helped.",
    "Your brother still works at the Toyota dealership, right? Could you ask him about a deal on a RAV4 for me?",
    "Any chance you could help me move on Saturday? I'll buy pizza lol",
    "Can you keep this between us? I don't want my supervisor to see I moved the session.",
    "please delete our texts from last night",
    "Since you're a CPA, could you look over my tax return? I'll knock a session off. ||| +gm # barter",
    "My daughter is selling Girl Scout cookies — want a few boxes? $6 each",
    "Could you lend me $200 until Friday? I'm in a bit of a bind. ||| +gm # asks for a loan",
    "I'm launching a wellness coaching program — would you sign up for the beta? Only $99/month",
    "Can you get me two tickets through your job at the arena?",
    "Would you babysit Saturday night? You're so great with kids",
    "Could your company's HR look at my nephew's resume? Send me the recruiter's email.",
    "Don't mention to anyone that we talked over the weekend, ok?",
    "Rate me 5 stars on Psychology Today if you get a sec 😊",
    "Could you pick up my dry cleaning on your way in? It's right by your work.",
    "Can you use your employee discount to get me the new iPhone?",
    "Can you water my plants while I'm in Portugal? I trust you",
    "Want to buy my old car? I'd give you a good price.",
    "I'm running a half-marathon for charity, could you sponsor me? Even $20 helps! ||| +gm # asks for money",
    "Could you post about my practice in your moms' group? We're trying to grow.",
    "My wife makes jewelry, would you share her Etsy with your friends?",
    "If anyone asks, we did the full 50 minutes today, ok?",
    "Please don't tell your wife we've been texting.",
    "Could you ask your landlord if the 2-bedroom downstairs is still available? I'm looking to move.",
    "You work in IT, right? My laptop is acting up, could you take a look if I bring it Thursday?",
    "I need a ride to the airport Friday, could you take me? It's on your way.",
    "I'm selling essential oils now 😊 want me to send you the catalog?",
    "Could you leave a review on Yelp? Mention my name if you can!",
    "Can you check whether your husband's firm does pro bono? I have a landlord thing.",
    "Help me out and sign up for my MLM? You'd get a discount too",
    "Wipe this thread after you read it please",
    "Would you be in a promo video for the practice? You're such a success story!",
    "Your restaurant does catering, right? I'm throwing a party for 40 next month, could you get me a discount?",
    "It'd mean a lot if you voted for me in the Best of Denver therapist poll! Link in my bio lol ||| +sm # points to the therapist's social profile",
    "My son needs an internship — could you put in a word at your firm?",
    "Could you cover my shift at the food bank Saturday? You said you volunteer there too.",
    "Could you help me set up my new website? You're the design pro.",
    "Let's keep our after-hours calls off the record, it's easier that way",
    "Can you get me into the gym at your discount rate? Add me as your guest.",
    "Would you co-sign my lease? My credit is a mess after the divorce. ||| +pc # self-disclosure",
    "If your company is hiring, I'd love a referral for my husband.",
    "Could you sell me a couple of your paintings at a discount?",
    "Be a dear and grab me a latte on your way in? I'll pay you back lol",
    "Don't bring up the missed session with the front desk, I'll sort it out.",
    "Could you invest in my friend's startup? It's a great opportunity.",
    "Mind telling your friends I'm taking new clients? Word of mouth is everything.",
    "I need someone to feed my cat this weekend. You're close by, right?",
    "Since you work at the pharmacy, can you fill my Adderall early?",
    "could u proofread my dissertation chapter? ur such a good writer",
    "Would you let my daughter shadow you at the hospital? She wants to be a nurse.",
    "Please keep our arrangement about the fee to yourself, ok?",
    "Could you put in a good word with your brother-in-law on the zoning board? My permit is stuck.",
    "Want to go in on a timeshare with me? I need a partner for the down payment. ||| +gm",
    "Your husband's a contractor, right? Could you get me his rate for my bathroom remodel?",
    "You have the Costco membership, right? Could you grab me a few things this weekend? I'll Venmo you.",
]

# Therapist -> client: gifts and money outside fees (offered, announced, given).
T_GIFT = [
    "I got you a little something for your birthday 🎁 I'll bring it Thursday",
    "I'd like to cover your copays for the next few months. Consider it a gift, you've had a hard year.",
    "Sending you $100 on Venmo for groceries, don't argue",
    "I have two extra concert tickets, they're yours if you want them!",
    "Left a Starbucks card in your mailbox ☕ you deserve a treat",
    "If rent is short this month, let me lend you the difference. Seriously, just tell me how much.",
    "I'm going to pay for your kid's summer camp, I insist.",
    "My sister has a spare room, you could stay there for free until you find a place.",
    "Here's $40 for the cab home, pay me back whenever ||| # a loan",
    "I'll waive your fees for the rest of the year, no paperwork, just between us ||| +ntr # money outside fees plus secrecy",
    "Happy holidays! There's a $50 gift card in the envelope 🎄",
    "Let me buy you dinner to celebrate the new job! ||| +pc # social invitation",
    "I can give you my old laptop, it's just sitting in my closet",
    "How about I trade you sessions for some help with my website? You're so good at design. ||| +ntr # barter and a favour",
    "You can borrow my car while yours is in the shop",
    "I'd like to put some money toward your tuition, no strings attached",
    "I'll Zelle you the $60 for the phone bill, don't worry about paying it back",
    "I got you a spa day voucher for finishing the program 🧖‍♀️",
    "Do you want my old couch? Free, you'd just need to pick it up",
    "Christmas bonus for my favorite client 😉 check your email for the Amazon card ||| +pc",
    "I'll pay the late-cancel fee for you out of my own pocket, don't stress",
    "I bought an extra ticket to the Hamilton matinee, it's yours 🎭",
    "Cashapp me your handle, I want to send a little something for the baby 🍼",
    "Keep the $80 I overpaid for the lunch thing, call it a gift",
]

# Therapist -> former client: personal, romantic or social contact (post_termination is added
# from the roster; the entry lists the content categories).
T_POSTTERM = [
    "Hey {name}! It's been forever. Now that we're not working together, want to grab a drink sometime? ||| +pc",
    "Saw you at Whole Foods yesterday — you look great! We should catch up properly. ||| +pc",
    "I've thought about you a lot since we ended. It's been long enough now, maybe we could see each other? ||| +rs +pc # romance and an invitation to meet (guide, general rule 4)",
    "Followed you on insta now that we're done with therapy, hope that's ok 😊 ||| +sm",
    "Happy birthday!! Hope 34 is your best year yet 🎉 ||| +pc",
    "I know it's been a few years, but I've never stopped thinking about you. ||| +rs",
    "Is your band still playing? I'd love to come see you sometime. ||| +pc",
    "Would you be up for dinner? Not as therapist and client, obviously. Just two adults 😊 ||| +rs +pc",
    "congrats on the new job!! saw it on linkedin ||| +sm",
    "Our kids are in the same class now, how funny! We should set up a playdate. ||| +pc",
    "Hey stranger! Are you still in Logan Square? I just moved around the corner. ||| +pc",
    "It's been two years, which I believe is the magic number 😉 coffee? ||| +rs +pc # hints at a relationship once the waiting period is over and invites the client for coffee",
    "My marriage ended last spring, and honestly you're the first person I thought of. ||| +rs +pc",
    "Want to join our running club? A lot of my friends run with us on Saturdays. ||| +pc",
    "liked your wedding photos, what a beautiful day! ||| +sm",
    "hey!! long time. I'm throwing a party Saturday, you should come, bring your partner ||| +pc",
    "I'm starting a business and could really use someone with your marketing skills. Interested in partnering? ||| +ntr # business with a former client",
    "I miss our chats! Hope life is treating you well. ||| +pc",
    "Sending you a friend request on facebook, no pressure! ||| +sm",
    "Saw your post about the new baby — congratulations!! 🍼 ||| +sm",
    "Let's get lunch and catch up! ||| +pc",
    "You were always my favorite client, honestly. ||| +pc",
    "i kno we're not supposed to but can we meet up? i think about you a lot ||| +rs +pc # romance and an invitation to meet (guide, general rule 4)",
    "Random, but are you still single? 😅 ||| +rs",
    "Now that you're not my client anymore, here's my cell if you want to stay in touch: {cell} ||| +ch +pc",
    "Congrats on graduating!! I saw the pics on facebook, you must be so proud ||| +sm",
    "Would you want to come to my book launch? It'd be great to see a friendly face. ||| +pc",
    "Hey, this is {tname} — your old therapist lol. I'm in town for the weekend, drinks? ||| +pc",
    "Thinking of you today. Hope you're well ❤️ ||| +rs # affectionate, unsolicited",
    "I'm single again too, funny how life works 😏 ||| +rs +pc",
    "Hi {name}! I still have the playlist you made me lol. How are you these days? ||| +pc",
    "We're doing a Friendsgiving this year, you should come! A lot of people you'd like. ||| +pc",
    "Just saw your engagement post 😍 so happy for you!! ||| +sm",
    "Funny, we matched on Bumble! Now that we're not in therapy anymore... want to grab a drink? 😉 ||| +rs +sm +pc # dating app match and invitation",
    "Since we're not in therapy anymore, I can finally tell you how much I liked you ❤️ ||| +rs",
    "Would you help me with my garden this weekend? You always talked about how much you love plants. ||| +ntr # favour from a former client",
    "Sent you a LinkedIn request — I'd love to stay connected professionally! ||| +sm",
    "I'm selling my car, want first dibs? Figured I'd ask you before I list it. ||| +ntr",
    "Good to see you at the gym! We should work out together sometime, I'm there most mornings. ||| +pc",
    "ur story from the lake was gorgeous!! still the best swimmer I know 😂 ||| +sm +pc",
    "I have an extra ticket to the symphony on Friday. Want to come with me? ||| +pc +gm # invitation plus a gift of a ticket",
    "Honestly I've missed you. Can I call you sometime? ||| +rs",
]

# Therapist -> former client: administrative contact (records, billing, referrals). Not findings.
T_PT_ADMIN = [
    "Hi {name}, your records were sent to Dr. Banks's office today as you requested. ||| hn:pt",
    "Your final statement is attached; the remaining $20 balance has been written off. ||| hn:pt hn:gm",
    "Thanks for reaching out. I'm glad you're doing well. If you'd like to restart therapy, the office can schedule an intake. ||| hn:pt",
    "Here are three referrals for couples counseling near you, as you asked. ||| hn:pt",
    "Your year-end receipt for HSA purposes is in the portal. ||| hn:pt",
    "We received a request for your records from your attorney. We'll need your signed authorization before releasing anything. ||| hn:pt",
    "It was good to hear from you. Since our work has ended, I can't meet socially, but I'm glad things are going well. The office can reconnect you if you ever want to come back. ||| hn:pt hn:pc # boundary-setting reply to a former client",
    "I don't accept friend requests from former clients, but I'm so glad you're thriving. ||| hn:pt hn:sm",
    "The letter confirming your dates of treatment is ready in the portal. ||| hn:pt",
    "Your account shows a $35 credit from an insurance overpayment; we've mailed a refund check. ||| hn:pt hn:gm",
    "As requested, I've completed the form for your disability claim. Please review it before we submit it. ||| hn:pt",
    "We keep records for seven years after the last session, so yours are available until 2029. ||| hn:pt",
    "I don't have openings right now, but here are two colleagues who are taking new clients. ||| hn:pt",
    "Dr. Patel from your new practice asked for a treatment summary; I'll send it once you sign the release. ||| hn:pt",
    "Our portal is changing vendors, so you may get an email asking you to set up a new login to see past statements. ||| hn:pt",
    "Thank you for the kind note. It means a lot to hear how you're doing. Take good care. ||| hn:pt hn:pc # brief courteous acknowledgement, nothing personal",
    "Your insurer is auditing claims from 2023 and asked us to confirm your dates of service. No action needed on your part. ||| hn:pt",
    "We've received the subpoena. I won't release anything without your authorization or a court order; please call the office at {ophone}. ||| hn:pt hn:ch",
    "Welcome back! Your intake to resume therapy is {day} at {time}. The forms are in the portal. ||| hn:pt # returning to treatment",
    "I'm not able to meet for coffee, but I hope the new job is going well. If you ever want to come back to therapy, call the office. ||| hn:pt hn:pc",
    "Your old portal account has been archived. Call {ophone} if you need a copy of a statement. ||| hn:pt hn:ch",
    "The records release you signed in 2022 has expired. If you'd like us to send anything, we'll need a new one. ||| hn:pt",
    "Yes, I can confirm to your new therapist that you completed the DBT program. Please send the release. ||| hn:pt",
    "Thanks for letting us know about the address change; we've updated your file for the final statement. ||| hn:pt",
    "Here's the list of low-cost clinics I mentioned when we ended. The second one has a sliding scale. ||| hn:pt",
    "I can't connect on LinkedIn, but you're welcome to list me as a reference for the peer-support certification — the office will handle the form. ||| hn:pt hn:sm",
]

# Therapist -> client off-hours check-ins under the bx-1 safety plan (and outside its dates)
T_CHECKIN = [
    "Checking in as we planned: how's tonight on a 1-10? Your safety plan is in the portal, and 988 is there if you need it.",
    "Evening check-in. Did you take the evening meds and do the breathing? Reply with a number when you can.",
    "Just checking in per the plan. If tonight is a 7 or higher, call 988 or your sister first.",
    "Hi Tyler, it's our agreed check-in. How are the urges tonight? If you're not safe, call 911.",
    "Good evening — quick check-in. Remember the crisis line is 988 and the ER on Ashland is open 24/7.",
    "Check-in time. You did great yesterday. Same plan tonight: grounding, then 988 if it's too much.",
    "Evening check-in from the practice line. How did the first day back at work go? If anything spikes, you know the steps.",
    "Late check-in, sorry. Are you safe right now? Reply Y or N, and call 988 if it's N.",
    "Last check-in of the plan period tonight. We'll review in session whether to continue them.",
    "Checking in. I know the plan period ended, but I wanted to make sure you're okay tonight. 988 is always there.",
]

# Client -> therapist: administrative
C_ADMIN = [
    "running 10 min late, traffic on 94 is insane",
    "can we do 4 instead of 3 on thurs?",
    "Hi, I need to cancel tomorrow — my son has a fever. So sorry!",
    "Did you get the photo of my new insurance card?",
    "the link isnt working, it just says waiting for host",
    "what's my copay again? ||| hn:gm",
    "Is it okay if I do the session from my car? My roommate is home. ||| hn:os",
    "I filled out the PHQ thing in the portal",
    "Can you send me a receipt for my HSA? ||| hn:gm",
    "I'm here, in the waiting room",
    "Can we switch to video this week? I sprained my ankle",
    "ok see u then",
    "👍",
    "thx!",
    "Can I bring my husband to the next one?",
    "I got a bill for $140 but I thought insurance covered it??",
    "Hi Dr. {tlast}, could you write a letter for my work accommodation? HR said they need it by the 15th.",
    "Sorry I missed yesterday, I completely forgot. Will I be charged?",
    "can we move to every other week? money's tight",
    "What time is my appointment on Tuesday again",
    "i'm at the door but the buzzer isn't working",
    "Is there parking at the new office?",
    "Quick q: do you see clients on Saturdays?",
    "my new number is {cphone}, my old phone died — can you update it for reminders? ||| hn:ch # the client's own number, for practice texts",
    "I need to reschedule the 14th, I have a work trip",
    "Got the reminder, I'll be there.",
    "Could I get a copy of my records for my new psychiatrist?",
    "The portal won't let me sign the consent form, it keeps erroring out",
    "Is group still meeting next week with the holiday?",
    "yes 2pm works",
    "Sorry for the long message. I wanted to give you a heads up before Thursday that I've switched jobs and my schedule is going to be all over the place for a few weeks. Mornings are probably best, but I know your mornings fill up fast. Let me know what you have, and thank you for being flexible.",
    "CAN WE DO 5:30 INSTEAD",
    "THANK YOU SO MUCH!!!",
    "r we still on for tmrw?",
    "lmk if thursday at 2 is open",
    "Is it possible to get a superbill for all of last year?",
    "Insurance says they need a diagnosis code on the superbill, can you add it?",
    "My employer changed plans — new card attached.",
    "hey sorry can't make it today, stomach bug 🤢",
    "Do you have anything earlier next week? I'm free Monday morning.",
    "I'd like to go back to weekly sessions instead of every other week.",
    "Can my mom call you about scheduling? I signed the release.",
    "OMW!",
    "Logging in now",
    "wifi is bad, can you call me instead?",
    "what's the door code again ||| hn:ch",
    "pls resend the link",
    "can u send the worksheet again i lost it",
    "You can text my cell for reminders, it's {cphone} ||| hn:ch # the client's own number",
    "My new email is {cemail}, please update my file. ||| hn:ch",
    "my mom's number for the emergency contact is {cphone2} ||| hn:ch",
    "Front desk gave me a door code that doesn't work — is it still {code}? ||| hn:ch",
    "I paid my copay in the portal, can you check it went through? ||| hn:gm",
    "Can I get a refund for the session you cancelled? ||| hn:gm",
    "do you take HSA cards for the fee? ||| hn:gm",
    "I can pay the late cancel fee now, sorry about that ||| hn:gm",
    "my insurance sent ME the check for the sessions, how do I pay you? ||| hn:gm",
    "Can you keep this between us and not tell my mom I'm coming? I'm 19. ||| hn:ntr # the client's own confidentiality",
    "Could you not tell my husband I called? I'm not ready for him to know. ||| hn:ntr",
    "Could I bring my service dog to the office?",
    "the elevator is out, is there another way up?",
    "Hi! I'm the one who called about the Thursday group. Is there still space?",
    "Can I pay for the next 4 sessions at once? ||| hn:gm",
    "do I need to bring anything to the intake",
    "sorry, can't find parking, 5 min",
    "Is the office the one above the café or the one next to it? ||| hn:os",
    "My therapist from before wants to send you my file, what's your fax? ||| hn:ch",
    "can we meet at the other location this week? the Park Ave one is closer to my work ||| hn:os # another practice office",
]

# Client -> therapist: clinical and crisis content (never a category)
C_CLINICAL = [
    "Rough night. Used the TIPP skill and it helped a little.",
    "I did the thought record 3 times this week, bringing it thursday",
    "I went to the party!! Left after an hour but I WENT ||| hn:pc",
    "I drank again Saturday. I'm embarrassed but I want to talk about it",
    "Panic attack on the train this morning but I did the counting thing and got through it",
    "The sleep log is depressing lol, 4 hours average",
    "I told my sister about what happened. She believed me.",
    "Not doing great. Not unsafe, just really low.",
    "I'm scared I'm going to hurt myself tonight",
    "Can we spend Thursday on the fight with my dad? It's been eating at me.",
    "day 30 sober today 🎉",
    "Used the grounding cards at work and nobody even noticed",
    "I deleted his number. Finally.",
    "My psychiatrist upped my Zoloft, just fyi",
    "I keep thinking about what you said about the 'shoulds'",
    "week 2 of the exposure ladder, touched the doorknob 5 times without washing",
    "i deleted instagram for a week like we said and honestly?? I slept better ||| hn:sm # the client's own social media use",
    "My ex keeps viewing my stories and it's making me spiral. Can we talk about it Thursday? ||| hn:sm",
    "I got into a fight in a facebook group and couldn't stop thinking about it all night ||| hn:sm",
    "Started the screen time limit on TikTok. Day 3 and I hate it lol ||| hn:sm",
    "my boss connected with me on linkedin and now I'm anxious about what he can see ||| hn:sm",
    "Doing the 'post less when upset' thing. Drafted 3 angry tweets and deleted them all ||| hn:sm",
    "had a date last night!! can't wait to tell you about it ||| hn:rs # the client's own dating life",
    "my wife and I did the sensate focus homework, it went better than expected ||| hn:rs",
    "I think I'm falling for my coworker and it's freaking me out. Can we talk Thursday? ||| hn:rs",
    "Sex has been really hard since the surgery. I want to talk about it but I'm embarrassed. ||| hn:rs",
    "my boyfriend proposed!!! 💍😭 ||| hn:rs",
    "I called 988 last night like we said. It helped. ||| hn:ch",
    "The anniversary is tomorrow and I'm dreading it",
    "I finally said no to my boss about the weekend shifts",
    "I've been having the nightmares again. 3 nights in a row.",
    "I'm outside the ER. I don't know if I should go in.",
    "I think the new meds are making me more anxious, not less",
    "I tried the opposite action thing and went to the bbq. It was fine?? ||| hn:pc",
    "Bought a bottle today and poured it out. Proud of myself",
    "Can we talk about my mom's diagnosis next time? I haven't told anyone",
    "I had the urge to cut tonight but I used ice instead",
    "mood tracker says 4/10 all week. not sure what's going on",
    "Thank you for today. I feel lighter. ||| hn:rs",
    "I know you can't take gifts so I just wrote you a card instead 😊 ||| hn:gm",
]

# Client -> therapist: personal chit-chat and invitations. personal_content is a therapist-text
# category, so these carry no category (context for the therapist only).
C_CHITCHAT = [
    "lol same ||| hn:pc",
    "how was your vacation?? you look tan ||| hn:pc hn:rs",
    "did u see the game last night ||| hn:pc",
    "haha my cat just walked across my keyboard ||| hn:pc",
    "happy friday!! ||| hn:pc",
    "omg the traffic today 😩 ||| hn:pc",
    "I hope you had a nice weekend! ||| hn:pc",
    "How are your kids? You mentioned one was starting college ||| hn:pc",
    "Can you come to my graduation? It would mean a lot ||| hn:pc hn:os",
    "You should come to my art show Friday! ||| hn:pc",
    "Merry Christmas to you and your family!! ||| hn:pc",
    "lmao ok ||| hn:pc",
    "I love your new haircut btw ||| hn:pc hn:rs",
    "what are you reading these days? I need a new book ||| hn:pc",
    "Sending good vibes for your move this week! ||| hn:pc",
    "I brought my dog to the lobby today, hope that's ok lol he wanted to meet you ||| hn:pc",
]

# Client -> therapist: gifts, money, barter, tips offered or announced
C_GIFT = [
    "I made you a scarf!! can I bring it Tuesday? 🧣",
    "I'd like to give you a $100 gift card for the holidays, is that ok?",
    "Can I pay you a little extra this month? You've helped so much, think of it as a tip",
    "my dad has a cabin in Tahoe, you should use it for a weekend! free of course",
    "do you want my old Peloton? I never use it",
    "Would you take piano lessons in exchange for sessions? I can't really afford the fee right now ||| # barter",
    "I got you concert tickets for your birthday 🎁 don't say no!",
    "I left a little something for you at the front desk 😊",
    "I'm sending you $200 on venmo, please just take it",
    "Can I buy you lunch after our session? My treat!",
    "my company gives out free Lakers tickets, want them?",
    "I want to pay for your CE course, you deserve it",
    "Would it be weird if I got you something for Christmas? I was thinking a Nordstrom gift card.",
    "I'm a contractor — I could redo your kitchen cabinets at cost if you want",
    "You can stay at my condo in Cabo whenever, seriously",
    "I'll bring you a bottle of the good wine from our vineyard 🍷",
    "I added a $50 tip when I paid, you deserve it",
    "let me lend you my car while yours is in the shop, I have two",
    "can i give u something for your baby shower? I already bought it 🍼",
    "My restaurant would love to cater your kid's birthday, on the house",
    "i got u a lil something for ur bday 🎁🎁",
    "I can do your taxes for free this year as a thank you!",
    "Do you need a loan? You mentioned your car broke down. I have savings, it's fine",
    "I bought you a Kindle, it's in the mail 📦",
    "Since I can't pay full price, I could clean your office on weekends instead? ||| # barter",
]

# Client -> therapist: romantic, flirtatious or sexual
C_ROMANTIC = [
    "I think I'm in love with you. I know that's not allowed.",
    "miss u 😘",
    "Do you ever think about me outside of sessions?",
    "would u ever date a client after therapy ends? asking for a friend lol",
    "You have the nicest eyes. Sorry. I had to say it.",
    "I keep having dreams about us. Like, together together.",
    "When I'm done with therapy, can I take you out?",
    "you looked really good today 😳",
    "Is it weird that I dressed up for our session? 😳",
    "I wish you were my partner instead of my therapist",
    "thinking about you tonight 💕",
    "I want to kiss you so badly",
    "You're the only person who really gets me. I think I have a crush on you.",
    "sent you a pic 😉 don't tell anyone",
    "Are you single?",
    "good morning handsome ☀️",
    "ur so hot when u do the serious therapist face lol",
    "I want us to be more than this.",
    "xoxo see u tues",
    "Can we meet somewhere that isn't your office? Just the two of us. ||| # private meeting with romantic framing",
    "I LOVE YOU",
    "sorry if that was too much earlier... but I meant it ❤️",
]

# Client -> therapist: social-platform contact
C_SOCIAL = [
    "just sent u a follow request on ig!",
    "what's ur insta? I wanna follow u",
    "Are you on LinkedIn? I'd love to connect.",
    "I found your facebook lol. Is it ok if I add you?",
    "tagged you in a post about how therapy changed my life 😂 hope that's ok",
    "lol I just saw your kid's soccer pics on your insta, he's so big ||| # the client viewed the therapist's posts",
    "Can I DM you on instagram instead? I hate the portal",
    "my insta is @jules.makes.things if you want to see my art!",
    "sent you a friend request, no pressure to accept!",
    "following u on tiktok now hehe",
    "snap me? it's so much easier",
    "Found your personal page from the practice website, you have the cutest dog 🐶",
    "can we be friends on fb now that I'm doing better?",
    "U looked so happy in ur wedding pics!!",
    "I followed your running club on Strava, hope that's ok lol",
    "what's your twitter? I want to send you a thread about ADHD",
    "I joined your climbing gym's Facebook group and saw you in the photos lol",
    "add me on snap: @kay.lovesdogs",
    "pls accept my linkedin request 🙏 I need more connections for the job hunt",
    "ur story from the beach was so pretty!!",
]

# Client -> therapist: moving to, or using, the therapist's personal channel
C_CHANNEL = [
    "can I just text your cell? the portal logs me out every time",
    "Is this your real number? The one you called me from last night?",
    "what's your personal email? I want to send you the article",
    "could I get your cell for emergencies? I'd feel safer having it",
    "Can we switch to WhatsApp?",
    "I'll just call your cell from now on if that's ok",
    "texting your personal number because the office went to voicemail, sorry!! ||| ch=personal_sms",
    "Got your number from the voicemail, hope it's ok to text here ||| ch=personal_sms",
    "Is it ok to email you at your gmail? The practice one bounced",
    "I saved your cell as 'K' lol so nobody asks",
    "Hey it's me, this is the number you texted from last week right? ||| ch=personal_sms",
    "can you give me your number so I don't have to go through the front desk",
]

# Former client -> therapist. personal/romantic/social ones carry post_termination; admin ones don't.
C_POSTTERM = [
    "hi it's {name}! we stopped therapy a couple years ago. I still think about you. would you want to get dinner? ||| +rs +pt",
    "sent you a friend request on fb, hope that's ok now that we're not in therapy anymore ||| +sm +pt",
    "Now that you're not my therapist, can we finally be friends? 😊 ||| +pt # personal contact from a former client",
    "I saw you at the farmers market Saturday and was too shy to say hi! ||| +pt",
    "I know it's been years, but I named my daughter after you. I just wanted you to know I'm doing well. ||| +pt",
    "would you want to grab coffee sometime? as friends ||| +pt",
    "are you on insta? would love to stay in touch now that we're done ||| +sm +pt",
    "I'm single now, and I'm not your client anymore... 😉 ||| +rs +pt",
    "can I call your cell sometime just to talk? ||| +ch +pt",
    "Followed you on LinkedIn! Hope that's okay after all this time ||| +sm +pt",
    "I still dream about you sometimes. Is that crazy? ||| +rs +pt",
    "Hi! Remember me? I'm opening a bakery and I'd love for you to come to the opening ||| +pt",
    "I got you a little thank-you gift for everything you did, can I drop it off? ||| +gm +pt",
    "tagged you in my recovery anniversary post!! 5 years 🎉 ||| +sm +pt",
    "I think about our sessions all the time. I'd love to see you again, not as a client 💕 ||| +rs +pt",
    "my ig is @erin.rises if you want to see how I'm doing!! ||| +sm +pt",
    "Hi, I need my records sent to my new therapist, Dr. Banks. What's the process? ||| hn:pt",
    "I got a bill from 2023, is this right? I thought it was paid ||| hn:pt hn:gm",
    "Could you recommend a couples therapist near me? ||| hn:pt",
    "I'd like to come back to therapy. Do you have openings? ||| hn:pt",
    "I need a letter confirming the dates I was in treatment, it's for a court thing. ||| hn:pt",
    "Can you send my old superbills? My insurance is finally reimbursing out-of-network. ||| hn:pt",
    "My new psychiatrist wants your diagnosis notes, I signed the release today ||| hn:pt",
    "Is it ok to list you as a reference for a peer-support job? They'd just need dates of treatment ||| hn:pt",
]

# --------------------------------------------------------------------------------------------
# Locations. kind, name, address. VENUES are never approved by default (outside_setting);
# OFFICE_DECOYS and TELE_DECOYS contain venue-like words but are approved settings.
# --------------------------------------------------------------------------------------------

TELEHEALTH = [
    ("telehealth", "Telehealth (Doxy.me)", None),
    ("telehealth", "Video session", None),
    ("telehealth", "Zoom for Healthcare", None),
    ("telehealth", "Phone session", None),
    ("telehealth", "Telehealth — practice video room", "https://telehealth.harborlight.example"),
]
TELE_DECOYS = [
    ("telehealth", "Video session — client joining from a park bench for privacy", None),
    ("telehealth", "Telehealth (client in her parked car outside work)", None),
    ("telehealth", "Video; client staying at her sister's house this week", None),
    ("telehealth", "Phone session — client at the beach house for the holiday", None),
    ("telehealth", "Video (client on hotel wifi, traveling for work)", None),
]
OFFICE_DECOYS = {
    "t-mara": ("office", "Park Ave satellite office", "120 Park Ave S, 3rd floor, New York, NY"),
    "t-devon": ("office", "Lincoln Park office", "2400 N Lincoln Ave, Suite 210 (above Bluebird Café), Chicago, IL"),
    "t-priya": ("office", "Larimer Square office", "1430 Larimer St, upstairs from the Copper Kettle café, Denver, CO"),
    "t-owen": ("office", "Camelback office, Suite 120", "2401 E Camelback Rd, same plaza as the coffee bar, Phoenix, AZ"),
    "t-lucia": ("office", "Silver Lake satellite office", "2810 Hyperion Ave, Suite 5, next to Park & Bean, Los Angeles, CA"),
    "t-kai": ("office", "Midtown office (Park Plaza building)", "700 W Northern Lights Blvd, Suite 4, Anchorage, AK"),
}
# (kind, name, address, note). kind "office" here is a mis-entered venue: the name shows it.
VENUES = {
    "t-mara": [
        ("community", "Joe & Rosie's Coffee", "3rd Ave & E 74th St, New York, NY", "café"),
        ("community", "Central Park — Bethesda Terrace", None, "park"),
        ("community", "The Brass Tap Room", "E 53rd St, New York, NY", "bar"),
        ("other", "Mara's apartment", "220 E 81st St, Apt 5C, New York, NY", "therapist's home"),
        ("client_home", "Client's home", "Astoria, Queens", "client's home, no extension"),
        ("office", "Starbucks, Lexington & 52nd", None, "café entered as kind office"),
        ("community", "Luigi's Trattoria (back room)", "Mulberry St, New York, NY", "restaurant"),
    ],
    "t-devon": [
        ("community", "Blue Door Café", "1721 W Division St, Chicago, IL", "café"),
        ("community", "Lincoln Park Zoo, south gate", None, "park"),
        ("community", "Murphy's Tap Room", "N Halsted St, Chicago, IL", "bar"),
        ("other", "Devon's condo", "1840 N Clark St, Unit 12, Chicago, IL", "therapist's home"),
        ("community", "Rosetti's Pizzeria (back booth)", "W Taylor St, Chicago, IL", "restaurant"),
        ("office", "Daily Grind coffee bar, Jackson Blvd", None, "café entered as kind office"),
        ("client_home", "Client's apartment", "Pilsen, Chicago", "client's home, no extension"),
    ],
    "t-priya": [
        ("community", "Wash Park boathouse", "Washington Park, Denver, CO", "park"),
        ("community", "Sunny Side brunch café", "Larimer St, Denver, CO", "café"),
        ("other", "Priya's home office", "41 Cherry Ln, Denver, CO", "therapist's home"),
        ("community", "Red Rocks trailhead (walk-and-talk)", None, "park/trail"),
        ("community", "The Alpine Lounge", "Colfax Ave, Denver, CO", "bar"),
        ("other", "Therapist's car, parked outside the client's work", None, "car"),
    ],
    "t-owen": [
        ("community", "Echo Canyon trailhead (walk-and-talk)", "Camelback Mountain, Phoenix, AZ", "trail"),
        ("community", "Cactus Bean Coffee Lab", "E Indian School Rd, Phoenix, AZ", "café"),
        ("other", "Owen's backyard studio", "77 W Palo Verde Dr, Phoenix, AZ", "therapist's home"),
        ("community", "Saguaro Sports Bar", "N 7th St, Phoenix, AZ", "bar"),
        ("client_home", "Client's home", "Tempe, AZ", "client's home, no extension"),
        ("office", "Coffee shop across from the office", None, "café entered as kind office"),
    ],
    "t-lucia": [
        ("community", "Griffith Park — observatory lot", None, "park"),
        ("community", "Park & Bean café", "2812 Hyperion Ave, Los Angeles, CA", "café"),
        ("other", "Lucia's place in Echo Park", "Echo Park, Los Angeles, CA", "therapist's home"),
        ("community", "Venice Beach boardwalk", None, "beach"),
        ("community", "El Farolito taqueria", "Sunset Blvd, Los Angeles, CA", "restaurant"),
        ("other", "Hotel lobby bar, downtown", None, "bar"),
    ],
    "t-kai": [
        ("community", "Northern Lights Café", "Northern Lights Blvd & Spenard Rd, Anchorage, AK", "café"),
        ("community", "Kincaid Park chalet (walk-and-talk)", None, "park"),
        ("other", "Kai's cabin", "Girdwood, AK", "therapist's home"),
        ("community", "Glacier Alehouse", "W 5th Ave, Anchorage, AK", "bar"),
        ("community", "Coastal Trail at Westchester Lagoon", None, "trail"),
        ("client_home", "Client's home", "Eagle River, AK", "client's home, no extension"),
    ],
}
SERVICES = ["individual_therapy"] * 7 + ["couples_therapy", "family_therapy", "intake",
                                         "group_therapy", "medication_management_followup"]

INSURERS = ["Aetna", "Blue Cross", "UnitedHealthcare", "Cigna", "Humana", "Kaiser",
            "Medicaid", "Optum", "Tricare", "Oscar"]

# Payments: (from, kind, amount, description, categories, hard negatives, note)
PAY_FEES = [
    ("C", "fee", 150, "Self-pay session fee"), ("C", "fee", 175, "Session fee, card on file"),
    ("C", "fee", 200, "Intake assessment (self-pay)"), ("C", "fee", 120, "Sliding-scale session"),
    ("C", "fee", 90, "Sliding-scale session fee"), ("C", "fee", 160, "Couples session fee"),
    ("C", "fee", 60, "Sliding scale, tier 2"), ("C", "fee", 185, "Out-of-network session, superbill issued"),
    ("C", "copay", 20, "Copay"), ("C", "copay", 25, "Copay — Blue Cross"), ("C", "copay", 30, "Copay"),
    ("C", "copay", 40, "Copay — Aetna"), ("C", "copay", 45, "Specialist copay"),
    ("C", "copay", 35, "Copay (HSA card)"), ("C", "copay", 15, "Copay — Medicaid managed care"),
    ("T", "refund", 40, "Refund: duplicate copay"), ("T", "refund", 150, "Refund: session cancelled by therapist"),
    ("T", "refund", 25, "Refund: insurance paid in full"), ("T", "refund", 75, "Refund: late-cancel fee waived"),
    ("C", "other", 75, "Late cancellation fee"), ("C", "other", 100, "No-show fee per policy"),
    ("C", "other", 35, "Records copying fee"), ("C", "other", 50, "Letter preparation fee"),
]
PAY_SMALL_GIFTS = [
    ("C", "gift", 15, "coffee shop gift card with a thank-you note"),
    ("C", "gift", 10, "homemade jam and a card (estimated value)"),
    ("C", "gift", 20, "bookstore gift card"),
    ("C", "gift", 12, "potted succulent for the office"),
    ("C", "gift", 25, "box of chocolates for the front desk"),
    ("T", "gift", 15, "workbook purchased for the client's homework"),
    ("C", "gift", 8, "hand-drawn card and a bag of cookies"),
]
PAY_GIFTS = [
    ("C", "gift", 120, "concert tickets"), ("C", "gift", 50, "Amazon gift card"),
    ("C", "gift", 200, "spa day voucher"), ("C", "gift", 80, "bottle of wine from the client's vineyard"),
    ("C", "gift", 300, "Apple Watch"), ("C", "gift", 65, "restaurant gift certificate"),
    ("C", "gift", 150, "handmade quilt (client's estimate)"), ("C", "gift", 40, "Visa gift card, holiday card"),
    ("C", "gift", 500, "weekend at the client's cabin"), ("C", "gift", 90, "Nordstrom gift card"),
    ("C", "gift", 35, "bouquet and a $25 coffee card"), ("C", "gift", 250, "airline voucher"),
    ("C", "tip", 40, "tip added at checkout"), ("C", "tip", 30, "extra on top of the fee, 'for you'"),
    ("C", "tip", 50, "cash tip left on the table"), ("C", "tip", 100, "holiday tip via Venmo"),
    ("C", "tip", 60, "tip with the copay"),
    ("C", "barter", 400, "website redesign in exchange for four sessions"),
    ("C", "barter", 300, "yard work in lieu of fees"), ("C", "barter", 240, "tax preparation for sessions"),
    ("C", "barter", 180, "piano lessons for the therapist's child in exchange for sessions"),
    ("C", "loan", 500, "loan to therapist for car repair"), ("C", "loan", 1200, "loan to therapist, 'pay me back whenever'"),
    ("T", "gift", 50, "grocery gift card"), ("T", "gift", 100, "birthday cash"),
    ("T", "gift", 75, "concert ticket"), ("T", "gift", 200, "paid the client's phone bill"),
    ("T", "loan", 300, "rent help, to be repaid"), ("T", "loan", 150, "loan for car insurance"),
    ("T", "loan", 80, "cash until payday"), ("T", "loan", 1000, "loan toward the security deposit"),
    ("T", "other", 60, "cash for cab fare and groceries"), ("T", "other", 120, "paid the client's utility bill"),
    ("T", "barter", 200, "sessions discounted in exchange for babysitting"),
    ("T", "tip", 30, "tip to the client for driving the therapist to the airport"),
]
SOCIAL_T = [("instagram", "follow"), ("facebook", "friend_request"), ("linkedin", "connection_accept"),
            ("instagram", "like"), ("facebook", "comment"), ("instagram", "tag"),
            ("instagram", "profile_view"), ("linkedin", "profile_view"), ("facebook", "profile_view"),
            ("instagram", "message"), ("tiktok", "follow"), ("x", "follow"), ("facebook", "like"),
            ("strava", "follow"), ("snapchat", "friend_request"), ("threads", "follow")]
SOCIAL_C = [("instagram", "follow"), ("facebook", "friend_request"), ("linkedin", "friend_request"),
            ("instagram", "message"), ("instagram", "tag"), ("tiktok", "follow"),
            ("linkedin", "connection_accept"), ("facebook", "message"), ("instagram", "like"),
            ("facebook", "comment"), ("linkedin", "profile_view")]

# --------------------------------------------------------------------------------------------
# Designed sequences: pattern (3rd+ flagged event of a pair within 30 days) and near misses.
# (day offset, kind, spec, mode). Categories listed are the content categories; context ones
# (channel, off_hours, outside_setting, pattern) are computed.
# --------------------------------------------------------------------------------------------

SEQS = [
    ("seq-devon-sofia", "c-114", date(2025, 4, 7), [
        (0, "social", dict(actor="T", platform="instagram", action="follow"), "in"),
        (3, "msg", dict(sender="T", channel="practice_sms", text="saw your story from the farmers market!! was that your aunt's lavender stand? 😍", cats="sm"), "in"),
        (5, "msg", dict(sender="C", channel="practice_sms", text="haha yes!! it's her stand every saturday"), "any"),
        (8, "msg", dict(sender="T", channel="personal_sms", text="this is my cell btw, way easier to reach me here than the office line", cats=""), "in"),
        (14, "appt", dict(action="created", loc=("community", "Blue Door Café", "1721 W Division St, Chicago, IL")), "in"),
        (19, "msg", dict(sender="T", channel="personal_sms", text="had so much fun at coffee today. can't stop smiling 😊", cats="rs pc"), ("off", 22 * 60 + 40)),
    ]),
    ("seq-mara-marcus", "c-103", date(2025, 9, 15), [
        (0, "msg", dict(sender="T", channel="portal", text="Your brother-in-law is a contractor, right? Could you ask if he'd look at my bathroom? I'd pay him, of course.", cats="ntr"), "in"),
        (4, "pay", dict(sender="T", kind="gift", amount=60, description="gift card, 'thanks for being flexible with my schedule'"), "in"),
        (7, "msg", dict(sender="C", channel="practice_sms", text="you didn't have to do that!! thank you 😭"), "any"),
        (11, "msg", dict(sender="T", channel="practice_sms", text="Could you not mention the gift card to the front desk? They get weird about that stuff.", cats="ntr"), "in"),
        (16, "msg", dict(sender="T", channel="personal_sms", text="Thanks again for being so understanding about all of this. You're a lifesaver, honestly.", cats="pc"), "in"),
    ]),
    ("seq-priya-chloe", "c-121", date(2025, 6, 10), [
        (0, "msg", dict(sender="T", channel="telehealth_chat", text="you look really nice on camera today 😊", cats="rs"), "in"),
        (6, "msg", dict(sender="T", channel="personal_sms", text="sorry if that was weird earlier. I just really enjoy our sessions, you know?", cats="pc"), ("off", 21 * 60 + 50)),
        (9, "msg", dict(sender="C", channel="personal_sms", text="not weird at all 🙂"), "any"),
        (14, "social", dict(actor="T", platform="facebook", action="friend_request"), "in"),
        (20, "appt", dict(action="created", loc=("other", "Priya's home office", "41 Cherry Ln, Denver, CO"), at=18 * 60 + 30), "fixed"),
        (24, "msg", dict(sender="T", channel="personal_sms", text="Can't wait for next week. Don't tell anyone about the home sessions, ok? ❤️", cats="rs ntr"), "in"),
    ]),
    ("seq-owen-andre", "c-132", date(2025, 12, 1), [
        (0, "msg", dict(sender="T", channel="personal_phone", text=None, cats=""), "in"),
        (2, "msg", dict(sender="T", channel="personal_sms", text="sorry I missed you! call me back on this number whenever, it's my cell", cats=""), "in"),
        (9, "msg", dict(sender="T", channel="personal_sms", text="Any chance you could leave me a 5-star review on Google? Every review helps 🙏", cats="ntr"), "in"),
        (15, "pay", dict(sender="C", kind="tip", amount=40, description="tip sent by Venmo after the session"), "any"),
        (21, "social", dict(actor="T", platform="instagram", action="like"), "in"),
    ]),
    ("seq-kai-colin", "c-152", date(2026, 1, 12), [
        (0, "appt", dict(action="created", loc=("community", "Northern Lights Café", "Northern Lights Blvd & Spenard Rd, Anchorage, AK")), "in"),
        (7, "appt", dict(action="created", loc=("community", "Kincaid Park chalet (walk-and-talk)", None), service="walk_and_talk"), "in"),
        (10, "msg", dict(sender="T", channel="practice_sms", text="Text me on my cell for the café days, {cell} — no need to loop in the front desk 😉", cats="ch ntr"), "in"),
        (14, "appt", dict(action="created", loc=("community", "Northern Lights Café", "Northern Lights Blvd & Spenard Rd, Anchorage, AK")), "in"),
        (26, "appt", dict(action="created", loc=("other", "Kai's cabin", "Girdwood, AK"), at=11 * 60), "fixed"),
    ]),
    ("seq-lucia-ryan", "c-142", date(2025, 10, 20), [
        (0, "msg", dict(sender="T", channel="practice_email", text="Here's my personal email for anything non-urgent: {pemail}. The portal is a pain.", cats="ch"), "in"),
        (5, "msg", dict(sender="C", channel="personal_email", text="thanks! this is way easier"), "any"),
        (7, "social", dict(actor="T", platform="linkedin", action="profile_view"), "in"),
        (10, "msg", dict(sender="T", channel="personal_email", text="Saw on LinkedIn you're at Deloitte now! Could you pass my husband's resume to your recruiter? I'll send it over.", cats="sm ntr"), "in"),
        (17, "msg", dict(sender="T", channel="personal_email", text="Also, would you write me a quick testimonial for my website? Just a couple of lines.", cats="ntr"), "in"),
    ]),
    ("seq-owen-victor", "c-134", date(2025, 2, 3), [
        (0, "msg", dict(sender="T", channel="practice_sms", text="Great session today! Btw are you on Strava? I'm always looking for people to run with 🏃", cats="sm pc"), "in"),
        (3, "social", dict(actor="T", platform="strava", action="follow"), "in"),
        (6, "msg", dict(sender="C", channel="practice_sms", text="haha yes, just followed you back!", cats="sm"), "any"),
        (8, "appt", dict(action="created", loc=("community", "Echo Canyon trailhead (walk-and-talk)", "Camelback Mountain, Phoenix, AZ"), service="walk_and_talk"), "in"),
        (15, "msg", dict(sender="T", channel="personal_sms", text="Let's grab a beer after Thursday's hike, the brewery by the trailhead is great 🍺", cats="pc"), "in"),
        (24, "appt", dict(action="created", loc=("community", "Saguaro Sports Bar", "N 7th St, Phoenix, AZ"), at=18 * 60 + 30), "fixed"),
    ]),
    # near misses: no pattern
    ("nm-kai-maya", "c-153", date(2025, 3, 3), [
        (0, "msg", dict(sender="T", channel="practice_sms", text="Would you leave us a review on Google? It'd help a lot 🙏", cats="ntr"), "in"),
        (21, "social", dict(actor="T", platform="instagram", action="like"), "in"),
        (35, "msg", dict(sender="T", channel="portal", text="I picked up a little something for your graduation, I'll bring it Monday 🎓", cats="gm"), "in"),
    ]),
    ("nm-priya-sam", "c-124", date(2025, 11, 4), [
        (0, "msg", dict(sender="T", channel="portal", text="Could you ask your sister at the salon to squeeze me in on Saturday?", cats="ntr"), "in"),
        (2, "msg", dict(sender="C", channel="practice_sms", text="I'm in love with you. I can't keep pretending I'm not", cats="rs"), "any"),
        (7, "msg", dict(sender="T", channel="portal", text="I hear how strong these feelings are, and I'm glad you told me. Let's talk about them in session on Thursday; our relationship will stay a professional one.", cats="", hn="rs"), "in"),
        (9, "msg", dict(sender="C", channel="personal_sms", text="please just text me back on this number"), "any"),
        (14, "pay", dict(sender="C", kind="gift", amount=150, description="silver bracelet"), "any"),
        (16, "social", dict(actor="T", platform="instagram", action="profile_view"), "in"),
    ]),
    ("nm-lucia-hugo", "c-144", date(2025, 5, 5), [
        (0, "social", dict(actor="T", platform="instagram", action="follow"), "in"),
        (18, "msg", dict(sender="T", channel="portal", text="Would you mind leaving a review on Yelp? It really helps.", cats="ntr"), "in"),
        (42, "appt", dict(action="created", loc=("community", "Park & Bean café", "2812 Hyperion Ave, Los Angeles, CA")), "in"),
    ]),
    ("nm-mara-grace", "c-108", date(2025, 7, 14), [
        (0, "msg", dict(sender="T", channel="personal_sms", text="Reminder: Thursday at 2. Texting from my own phone today, the office line is down.", cats=""), "in"),
        (5, "msg", dict(sender="C", channel="practice_sms", text="I got you a little thank-you gift, it's at the front desk 🎁", cats="gm"), "any"),
        (8, "msg", dict(sender="C", channel="practice_sms", text="honestly I think about you a lot. more than I should 😳", cats="rs"), "any"),
        (14, "social", dict(actor="T", platform="instagram", action="like"), "in"),
    ]),
    ("nm-devon-omar", "c-117", date(2026, 2, 2), [
        (0, "msg", dict(sender="T", channel="practice_sms", text="ugh can't sleep, this week has been brutal. how are you holding up?", cats="pc"), ("off", 23 * 60 + 35)),
        (4, "msg", dict(sender="T", channel="portal", text="Quick favor — could you ask your cousin at the Bulls office about playoff tickets for me?", cats="ntr"), "in"),
        (10, "msg", dict(sender="T", channel="practice_sms", text="Saw your portal message just now. If you're not safe tonight, call 988 or go to the ER. I'll call you first thing.", cats="", low=True), ("off", 22 * 60 + 10)),
    ]),
]

# --------------------------------------------------------------------------------------------
# Text helpers: entry parsing, slot filling, registers (typos, text-speak, caps)
# --------------------------------------------------------------------------------------------


def parse_entry(s):
    text, _, spec = s.partition(" ||| ")
    cats, hn, force = set(), set(), {}
    note = None
    if spec:
        spec, _, note = spec.partition("#")
        note = note.strip() or None
        for tok in spec.split():
            if tok.startswith("+"):
                cats.add(AB[tok[1:]])
            elif tok.startswith("hn:"):
                hn.add(AB[tok[3:]])
            elif tok.startswith("ch="):
                force["channel"] = tok[3:]
            else:
                raise ValueError(f"bad spec token {tok!r} in {s!r}")
    return text, cats, hn, note, force


AREA = {"America/New_York": "646", "America/Chicago": "773", "America/Denver": "720",
        "America/Phoenix": "480", "America/Los_Angeles": "323", "America/Anchorage": "907",
        "Pacific/Honolulu": "808", "America/Detroit": "313", "America/Boise": "208"}
TIMES = ["9:00", "9:30", "10", "10:30", "11:00", "11:15", "noon", "1", "1:30", "2:00", "2:30",
         "3", "3:45", "4:00", "4:30", "5", "10am", "2pm", "11:30 am", "3:30 pm"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def fill(text, tid, cid):
    ti = TINFO[tid]
    work = [DAY_NAMES[i] for i, d in enumerate(DAYS) if ranges(tid, START + timedelta(days=i - START.weekday()))]
    day, day2 = rng.sample(work, 2)
    time1, time2 = rng.sample(TIMES, 2)
    z = zone(cid).key
    nn = rng.sample(range(10, 99), 2)
    vals = dict(ti)
    vals.update(
        name=CNAME[cid], tname=ti["first"], tlast=ti["last"], tfull=ti["full"],
        day=day, day2=day2, time=time1, time2=time2,
        date=f"{rng.choice(MONTHS)} {rng.randint(2, 27)}",
        link=f"https://telehealth.harborlight.example/r/{tid[2:]}-{rng.randint(1000, 9999)}",
        code=str(rng.randint(1000, 9999)), ins=rng.choice(INSURERS),
        crisis=rng.choice(["1-800-555-0199", "(888) 555-0123", "1-877-555-0145"]),
        cphone=f"{AREA.get(z, '555')}-555-01{nn[0]:02d}",
        cphone2=f"({AREA.get(z, '555')}) 555-01{nn[1]:02d}",
        cemail=f"{CNAME[cid].lower()}.{rng.choice('abcdefghjkmnprstw')}{nn[0]}@example.com",
    )
    return text.format(**vals)


TEXTSPEAK = [(r"\byou're\b", "ur"), (r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\btomorrow\b", "tmrw"),
             (r"\bplease\b", "pls"), (r"\bthanks\b", "thx"), (r"\blet me know\b", "lmk"),
             (r"\bto be honest\b", "tbh"), (r"\bright now\b", "rn"), (r"\bbecause\b", "bc"),
             (r"\bokay\b", "ok"), (r"\bgoing to\b", "gonna"), (r"\bwant to\b", "wanna"),
             (r"\bby the way\b", "btw"), (r"\btonight\b", "tonite"), (r"\bthough\b", "tho"),
             (r"\bwith\b", "w/"), (r"\bI don't know\b", "idk"), (r"\bsee you\b", "see u"),
             (r"\bbefore\b", "b4"), (r"\bsomeone\b", "some1")]
PROTECT = re.compile(r"[\d@/]|\.\w|[^\x00-\x7f]")


def casualize(text):
    if "\n" in text or len(text) > 220:
        return text
    out = text
    for pat, rep in TEXTSPEAK:
        if rng.random() < 0.75:
            out = re.sub(pat, rep, out, flags=re.I)
    toks = [t if PROTECT.search(t) else t.lower() for t in out.split(" ")]
    out = " ".join(toks)
    if rng.random() < 0.6:
        out = re.sub(r"(?<=[a-z])'(?=[a-z])", "", out)
    if out.endswith(".") and not out.endswith(".."):
        out = out[:-1]
    return out


def typo(text):
    words = [m for m in re.finditer(r"(?<![@\w./-])[A-Za-z]{5,}(?![\w@/-])", text)]
    if not words:
        return text
    m = rng.choice(words)
    w = m.group(0)
    i = rng.randint(1, len(w) - 3)
    op = rng.random()
    if op < 0.45:
        w2 = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    elif op < 0.75:
        w2 = w[:i] + w[i + 1:]
    else:
        w2 = w[:i] + w[i] + w[i:]
    return text[:m.start()] + w2 + text[m.end():]


def register(text, reg):
    if text is None:
        return None, None
    applied = []
    if reg == "formal":
        if rng.random() < 0.05:
            text, _ = typo(text), applied.append("typo")
    else:
        pc, pt, pk = (0.30, 0.10, 0.02) if reg == "casual" else (0.35, 0.12, 0.04)
        if rng.random() < pc:
            text, _ = casualize(text), applied.append("text-speak")
        if rng.random() < pt:
            text, _ = typo(text), applied.append("typo")
        if rng.random() < pk and len(text) < 60 and not PROTECT.search(text.replace(" ", "")):
            text, _ = text.upper(), applied.append("caps")
    return text, ",".join(applied) or None


KEEP_CASE = {"Dr", "Veterans", "Trevor", "Signal", "FaceTime", "LinkedIn", "Instagram", "Facebook",
             "TikTok", "Strava", "Google", "Yelp", "Venmo", "Zelle", "Cashapp", "Christmas",
             "Thanksgiving", "Fb", "Dear", "Hi", "Hello", "Hey"}
GREET_T = ["Hi {name}, ", "Hello {name} — ", "{name}, ", "Hi! ", "Hey {name}, "]
SIGN_T = [" Thanks!", " — {tname}", " Best, {tname}", " 🙂", " Thank you.", " Take care."]
GREET_C = ["hi ", "Hey {tname}, ", "Hi Dr. {tlast}, ", "Hello! ", "hey ", "Sorry to bother you — "]
SIGN_C = [" thx", " sorry!", " 🙏", " thanks!!", " - {name}", " ty"]


def vary(text, sender, strong):
    """Add a greeting or sign-off (always when `strong`), so a reused line reads differently."""
    if "\n" in text:
        return text
    g, s = (GREET_T, SIGN_T) if sender == "T" else (GREET_C, SIGN_C)
    r = rng.random()
    if strong or r < 0.25:
        if not re.match(r"(?i)(hi|hey|hello|dear|good)\b", text) and (r < 0.5 or not strong):
            w = text.split(" ", 1)[0]
            plain = re.sub(r"[^\w'-]", "", w)
            lower_ok = re.fullmatch(r"[A-Z][a-z'’-]*[,.!:]?", w) and plain not in KEEP_CASE \
                and not re.fullmatch(r"I('\w+)?", plain)
            greet = rng.choice(g)
            first = text[0].lower() + text[1:] if lower_ok and not greet.endswith("! ") else text
            return greet + first
        return text + rng.choice(s)
    return text

# --------------------------------------------------------------------------------------------
# Choosing instants
# --------------------------------------------------------------------------------------------


def rand_date(lo=START, hi=END):
    if rng.random() < 0.12:
        d = rng.choice(DST_DATES) + timedelta(days=rng.randint(-6, 8))
        if lo <= d <= hi:
            return d
    return lo + timedelta(days=rng.randint(0, (hi - lo).days))


def inst_at(d, minute, tz, seconds=True):
    if seconds:
        minute = round(minute * 60) / 60
    else:
        minute = round(minute)
    return make_instant(d, minute, tz)


def pick_in(tid, cid, d, edge=False):
    rs = ranges(tid, d)
    if not rs:
        return None
    for _ in range(60):
        s, e = rng.choice(rs)
        if edge:
            m = s + rng.uniform(3, 20) if rng.random() < 0.5 else e - rng.uniform(3, 20)
        else:
            m = rng.uniform(s + 3, e - 3)
        inst = inst_at(d, m, zone(tid))
        if therapist_in_hours(tid, inst, margin=2) and client_awake(cid, inst, margin=5):
            return inst
    return None


def pick_off(tid, d):
    rs = ranges(tid, d)
    for _ in range(80):
        if not rs:
            m = rng.uniform(8 * 60, 23 * 60 + 30)
        else:
            last = max(e for _, e in rs)
            first = min(s for s, _ in rs)
            r = rng.random()
            if r < 0.65 and last + 15 < 23 * 60 + 50:
                m = rng.uniform(last + 15, 23 * 60 + 50)
            elif r < 0.85 and 5 * 60 + 30 < first - 15:
                m = rng.uniform(5 * 60 + 30, first - 15)
            else:
                m = rng.uniform(24 * 60 + 2, 24 * 60 + 95)
        inst = inst_at(d, m, zone(tid))
        if therapist_off_hours(tid, inst, margin=10):
            return inst
    return None


def pick_quiet(tid, cid, d):
    cands = []
    for s, e in ranges(tid, d):
        for m in range(s + 5, e - 4, 5):
            inst = inst_at(d, m + rng.random() * 4, zone(tid))
            if therapist_in_hours(tid, inst, 2) and client_quiet(cid, inst, margin=5):
                cands.append(inst)
    return rng.choice(cands) if cands else None


def pick_any(cid, d):
    r = rng.random()
    if r < 0.75:
        m = rng.uniform(8 * 60, 21 * 60)
    elif r < 0.9:
        m = rng.uniform(21 * 60, 25 * 60)
    else:
        m = rng.uniform(5 * 60 + 30, 8 * 60)
    return inst_at(d, m, zone(cid))


def pick_session(tid, cid, d, dur, mode):
    tz = zone(tid)
    cands = []
    if mode == "in":
        for s, e in ranges(tid, d):
            for m in range(s, e - dur - 4, 15):
                st = inst_at(d, m, tz, seconds=False)
                en = st + timedelta(minutes=dur)
                if session_fits(tid, st, en + timedelta(minutes=5)) and client_awake(cid, st) \
                        and client_awake(cid, en):
                    cands += [st] * (3 if m % 30 == 0 else 1)
    else:  # clearly outside: sticks out of every range by more than 10 minutes
        lo, hi = (9 * 60, 16 * 60) if not ranges(tid, d) else (6 * 60 + 30, 21 * 60 + 30)
        for m in range(lo, hi, 15):
            st = inst_at(d, m, tz, seconds=False)
            en = st + timedelta(minutes=dur)
            if not session_fits(tid, st, en, margin=-10) and client_awake(cid, st) and client_awake(cid, en):
                cands.append(st)
    return rng.choice(cands) if cands else None


def pick(sp, d):
    tid, cid, mode = sp["tid"], sp["cid"], sp["mode"]
    if isinstance(mode, tuple):  # ("off"/"fixed", local minute in the therapist's zone)
        return inst_at(d, mode[1], zone(tid), seconds=False)
    if sp["kind"] == "appt":
        if mode == "fixed":
            return inst_at(d, sp["at"], zone(tid), seconds=False)
        m = mode if mode != "any" else rng.choice(["in", "in", "off"])
        return pick_session(tid, cid, d, sp["dur"], m)
    if mode == "in":
        return pick_in(tid, cid, d)
    if mode == "edge":
        return pick_in(tid, cid, d, edge=True)
    if mode == "off":
        return pick_off(tid, d)
    if mode == "quiet":
        return pick_quiet(tid, cid, d)
    if mode == "any":
        return pick_any(cid, d)
    raise ValueError(mode)


# --------------------------------------------------------------------------------------------
# Building the event specs
# --------------------------------------------------------------------------------------------

ACTIVE = [c["id"] for c in CLIENTS if c["status"] == "active"]
GENERAL = [c for c in ACTIVE if CROLE[c] is None or CROLE[c].startswith("bx")]
FORMER = [c["id"] for c in CLIENTS if c["status"] == "terminated"]
PRACTICE_CHANNELS = {"portal", "practice_sms", "practice_email", "practice_phone", "telehealth_chat", "other"}
CRISIS_WORDS = re.compile(r"988|911|741741|838255|crisis|safe|suicid|hurt yourself|emergency|\bER\b", re.I)

POOLCFG = [
    # name, lines, sender, clients, uses, modes, channels, register, default note
    ("T_ADMIN", T_ADMIN, "T", "active", 2.0, {"in": .88, "edge": .05, "off": .05, "quiet": .02},
     {"portal": .34, "practice_sms": .34, "practice_email": .19, "telehealth_chat": .04, "other": .02,
      "personal_sms": .05, "personal_email": .02}, "formal", "administrative"),
    ("T_CLINICAL", T_CLINICAL, "T", "active", 1.7, {"in": .9, "edge": .03, "off": .05, "quiet": .02},
     {"portal": .43, "practice_sms": .27, "practice_email": .15, "telehealth_chat": .1,
      "personal_sms": .04, "personal_email": .01}, "formal", "clinical content"),
    ("T_CRISIS", T_CRISIS, "T", "active", 1, {"in": .55, "off": .45},
     {"practice_sms": .5, "portal": .3, "telehealth_chat": .1, "practice_email": .1}, "formal",
     "crisis/safety instructions"),
    ("T_REFUSAL", T_REFUSAL, "T", "active", 1, {"in": .95, "edge": .05},
     {"portal": .4, "practice_sms": .35, "practice_email": .15, "telehealth_chat": .1}, "formal",
     "boundary-setting refusal or policy explanation"),
    ("T_DECOY", T_DECOY, "T", "active", 1, {"in": .95, "edge": .05},
     {"portal": .4, "practice_sms": .35, "practice_email": .15, "telehealth_chat": .1}, "formal",
     "practice logistics that look like a finding"),
    ("T_PERSONAL", T_PERSONAL, "T", "general", 1, {"in": .8, "off": .2},
     {"practice_sms": .45, "portal": .14, "telehealth_chat": .1, "practice_email": .05,
      "personal_sms": .16, "personal_email": .03, "social_dm": .07}, "casual",
     "therapist chit-chat, self-disclosure or social talk"),
    ("T_ROMANTIC", T_ROMANTIC, "T", "general", 1, {"in": .72, "off": .28},
     {"practice_sms": .42, "portal": .1, "telehealth_chat": .12, "practice_email": .02,
      "personal_sms": .25, "personal_email": .02, "social_dm": .07}, "casual",
     "romantic, flirtatious or sexual"),
    ("T_SOCIAL", T_SOCIAL, "T", "general", 1, {"in": .9, "off": .1},
     {"practice_sms": .35, "portal": .1, "telehealth_chat": .1, "social_dm": .35, "personal_sms": .1},
     "casual", "social-platform contact, handle or viewing the client's posts"),
    ("T_CHANNEL", T_CHANNEL, "T", "general", 1, {"in": .85, "off": .15},
     {"practice_sms": .5, "portal": .2, "practice_email": .1, "telehealth_chat": .1, "personal_sms": .1},
     "casual", "moves contact to a personal phone, number or e-mail"),
    ("T_NTR", T_NTR, "T", "general", 1, {"in": .9, "off": .1},
     {"practice_sms": .38, "portal": .3, "telehealth_chat": .1, "practice_email": .1, "personal_sms": .12},
     "casual", "non-therapeutic request"),
    ("T_GIFT", T_GIFT, "T", "general", 1, {"in": .9, "off": .1},
     {"practice_sms": .4, "portal": .25, "practice_email": .1, "personal_sms": .2, "telehealth_chat": .05},
     "casual", "gift or money outside fees"),
    ("T_POSTTERM", T_POSTTERM, "T", "former", 1, {"in": .8, "off": .2},
     {"practice_sms": .3, "portal": .05, "practice_email": .1, "personal_sms": .25, "personal_email": .1,
      "social_dm": .2}, "casual", "personal contact with a former client"),
    ("T_PT_ADMIN", T_PT_ADMIN, "T", "former", 1, {"in": 1},
     {"portal": .45, "practice_email": .35, "practice_sms": .2}, "formal",
     "administrative contact with a former client"),
    ("C_ADMIN", C_ADMIN, "C", "active", 1.2, {"any": 1},
     {"portal": .33, "practice_sms": .46, "practice_email": .1, "telehealth_chat": .07, "personal_sms": .04},
     "client", "client message: administrative"),
    ("C_CLINICAL", C_CLINICAL, "C", "active", 1.0, {"any": 1},
     {"portal": .4, "practice_sms": .45, "practice_email": .08, "telehealth_chat": .04, "personal_sms": .03},
     "client", "client message: clinical or crisis content"),
    ("C_CHITCHAT", C_CHITCHAT, "C", "active", 1, {"any": 1},
     {"practice_sms": .6, "portal": .3, "telehealth_chat": .1}, "client",
     "client chit-chat (personal_content is a therapist-text category)"),
    ("C_GIFT", C_GIFT, "C", "active", 1, {"any": 1},
     {"practice_sms": .5, "portal": .35, "practice_email": .1, "personal_sms": .05}, "client",
     "client offers or announces a gift, money, a loan or barter"),
    ("C_ROMANTIC", C_ROMANTIC, "C", "active", 1, {"any": 1},
     {"practice_sms": .5, "portal": .25, "telehealth_chat": .05, "personal_sms": .12, "social_dm": .08},
     "client", "client: romantic or flirtatious"),
    ("C_SOCIAL", C_SOCIAL, "C", "active", 1, {"any": 1},
     {"practice_sms": .4, "portal": .2, "social_dm": .4}, "client", "client: social-platform contact"),
    ("C_CHANNEL", C_CHANNEL, "C", "active", 1, {"any": 1},
     {"practice_sms": .6, "portal": .3, "practice_email": .1}, "client",
     "client moves to or uses the therapist's personal channel"),
    ("C_POSTTERM", C_POSTTERM, "C", "former", 1, {"any": 1},
     {"practice_sms": .4, "portal": .25, "practice_email": .2, "social_dm": .15}, "client",
     "message from a former client"),
]

POOL_CATS = {"T_PERSONAL": {"personal_content"}, "T_ROMANTIC": {"romantic_sexual"},
             "T_SOCIAL": {"social_media"}, "T_CHANNEL": {"personal_channel"},
             "T_NTR": {"non_therapeutic_request"}, "T_GIFT": {"gift_money"},
             "C_GIFT": {"gift_money"}, "C_ROMANTIC": {"romantic_sexual"}, "C_SOCIAL": {"social_media"},
             "C_CHANNEL": {"personal_channel"}}


def wchoice(weights):
    keys = list(weights)
    return rng.choices(keys, [weights[k] for k in keys])[0]


def platform_of(text):
    t = (text or "").lower()
    for pat, p in [(r"insta|\big\b|іnstа|the gram|ｉｇ", "instagram"), (r"\bfb\b|facebook|fасеbооk", "facebook"),
                   (r"snap", "snapchat"), (r"linkedin", "linkedin"), (r"tiktok|t1kt0k", "tiktok"),
                   (r"threads", "threads"), (r"strava", "strava"), (r"\bx\b|twitter", "x")]:
        if re.search(pat, t):
            return p
    return rng.choice(["instagram", "instagram", "facebook", "snapchat"])


SPECS = []


def spec(**kw):
    sp = dict(kind="msg", sender="T", cats=set(), hn=set(), note="", channel=None, platform=None,
              text=None, mode="in", reg=None, seq=None, low=False, fixed_date=None, lo=None, extra_note=None)
    sp.update(kw)
    sp["tid"] = CL[sp["cid"]]["therapist"]
    SPECS.append(sp)
    return sp


LOAD = {}


def choose_client(kind_of_clients, flagged):
    """Former or active client; flagged therapist events go to the least loaded of 3 ordinary
    clients, so that no pair gets crowded (see place_all)."""
    if kind_of_clients == "former":
        pool = FORMER
    elif not flagged:
        return rng.choice(ACTIVE)
    else:
        pool = GENERAL
    if not flagged:
        return rng.choice(pool)
    cands = rng.sample(pool, 3)
    c = min(cands, key=lambda x: LOAD.get(x, 0))
    LOAD[c] = LOAD.get(c, 0) + 1
    return c


def date_floor(cid):
    t = terminated(cid)
    return max(START, t + timedelta(days=30)) if t else START


def build_message_specs():
    for name, lines, sender, who, uses, modes, chans, reg, dnote in POOLCFG:
        for raw in lines:
            text0, cats, hn, note, force = parse_entry(raw)
            cats |= POOL_CATS.get(name, set())
            n = int(uses) + (1 if rng.random() < uses - int(uses) else 0)
            for k in range(n):
                mode = wchoice(modes)
                ch_weights = dict(chans)
                if "personal_channel" in hn or (who == "former" and not cats):
                    for c in PERSONAL_CHANNELS:
                        ch_weights.pop(c, None)
                if "social_media" in hn or not (cats or name.startswith("T_POST") or name.startswith("C_POST")):
                    ch_weights.pop("social_dm", None)
                if who == "former" and not cats:
                    ch_weights.pop("social_dm", None)
                if "\n" in text0 or len(text0) > 240:
                    ch_weights = {"practice_email": .7, "portal": .3}
                channel = force.get("channel") or wchoice(ch_weights)
                flagged = sender == "T" and (bool(cats) or mode in ("off", "quiet")
                                             or channel in PERSONAL_CHANNELS or channel == "social_dm")
                cid = choose_client(who, flagged)
                if mode == "quiet" and not quiet_feasible(cid):  # zones where in-hours can be quiet
                    cid = rng.choice([c for c in (GENERAL if flagged else ACTIVE) if quiet_feasible(c)])
                tid = CL[cid]["therapist"]
                text = fill(text0, tid, cid)
                text = vary(text, sender, strong=k > 0)
                if "{" in text:  # a greeting/sign-off slot
                    text = fill(text, tid, cid)
                text, regnote = register(text, reg)
                spec(kind="msg", sender=sender, cid=cid, cats=set(cats), hn=set(hn),
                     note=note or dnote, channel=channel,
                     platform=platform_of(text) if channel == "social_dm" else None,
                     text=text, mode=mode, pool=name, reg=regnote,
                     low=(name in ("T_CRISIS",) and bool(CRISIS_WORDS.search(text0))),
                     flagged=flagged, lo=date_floor(cid))


def build_call_specs():
    for n, sender, channel, mode, note in [
            (14, "T", "practice_phone", "in", "phone call from the practice line"),
            (5, "T", "practice_phone", "off", "phone call from the practice line"),
            (7, "T", "personal_phone", "in", "phone call from the therapist's personal phone"),
            (8, "C", "practice_phone", "any", "client called the practice line"),
            (3, "C", "personal_phone", "any", "client called the therapist's personal phone")]:
        for _ in range(n):
            flagged = sender == "T" and (mode != "in" or channel in PERSONAL_CHANNELS)
            cid = choose_client("active", flagged)
            spec(kind="msg", sender=sender, cid=cid, channel=channel, text=None, mode=mode,
                 note=note, pool="CALL", flagged=flagged, lo=START)


def session_len(service):
    return {"couples_therapy": rng.choice([80, 90]), "family_therapy": 80, "intake": rng.choice([60, 90]),
            "group_therapy": 90, "medication_management_followup": 30}.get(service, rng.choice([50, 50, 53, 45, 60]))


def build_appointment_specs():
    def appt(cid, action, loc, mode, note, venue=False, hn=(), service=None):
        service = service or rng.choice(SERVICES)
        flagged = action != "cancelled" and (venue or mode == "off")
        spec(kind="appt", sender="T", cid=cid, action=action, loc=loc, mode=mode, note=note,
             venue=venue, hn=set(hn), service=service, dur=session_len(service), flagged=flagged,
             lo=START, pool="APPT")

    def action(p_cancel=0.15):
        r = rng.random()
        return "cancelled" if r < p_cancel else ("updated" if r < p_cancel + 0.2 else "created")

    for _ in range(175):  # ordinary sessions
        cid = rng.choice(ACTIVE)
        tid = CL[cid]["therapist"]
        r = rng.random()
        if r < 0.55:
            loc, note, hn = ("office", TINFO[tid]["office"], TINFO[tid]["oaddr"]), "session at the office", ()
        elif r < 0.88:
            loc, note, hn = rng.choice(TELEHEALTH), "telehealth session", ()
        elif r < 0.94:
            loc, note, hn = OFFICE_DECOYS[tid], "practice office whose name/address mentions a park or café", ("outside_setting",)
        else:
            loc, note, hn = rng.choice(TELE_DECOYS), "telehealth; where the client sits is not the session setting", ("outside_setting",)
        a = action()
        appt(cid, a, loc, "in" if a != "cancelled" else "any", note, hn=hn)
    for i in range(52):  # outside the approved settings
        cid = choose_client("active", True)
        tid = CL[cid]["therapist"]
        kind, name, addr, what = rng.choice(VENUES[tid])
        svc = "walk_and_talk" if "walk" in name.lower() or "trail" in name.lower() else None
        appt(cid, action(0), (kind, name, addr), "off" if rng.random() < 0.2 else "in",
             f"session at a non-approved setting ({what})", venue=True, service=svc)
    for _ in range(12):  # cancelled venue sessions: no finding
        cid = rng.choice([c for c in GENERAL if c != "c-131"])
        tid = CL[cid]["therapist"]
        kind, name, addr, what = rng.choice(VENUES[tid])
        appt(cid, "cancelled", (kind, name, addr), "any", f"cancelled session at a {what}: cancelled sessions are not findings",
             venue=True, hn=("outside_setting",))
    for _ in range(20):  # sessions outside working hours
        cid = choose_client("active", True)
        tid = CL[cid]["therapist"]
        loc = ("office", TINFO[tid]["office"], TINFO[tid]["oaddr"]) if rng.random() < 0.5 else rng.choice(TELEHEALTH)
        appt(cid, action(0), loc, "off", "session outside the therapist's working hours")
    for _ in range(6):
        cid = rng.choice(GENERAL)
        tid = CL[cid]["therapist"]
        appt(cid, "cancelled", ("office", TINFO[tid]["office"], TINFO[tid]["oaddr"]), "off",
             "cancelled off-hours session: no finding", hn=("off_hours",))


def build_social_specs():
    for _ in range(26):
        cid = choose_client("active", True)
        p, a = rng.choice(SOCIAL_T)
        spec(kind="social", sender="T", cid=cid, platform=p, action=a, mode="in", flagged=True,
             note=f"therapist {a} on {p} toward the client", lo=START, pool="SOCIAL")
    for _ in range(11):
        cid = choose_client("former", True)
        p, a = rng.choice(SOCIAL_T)
        spec(kind="social", sender="T", cid=cid, platform=p, action=a, mode="in", flagged=True,
             note=f"therapist {a} on {p} toward a former client", lo=date_floor(cid), pool="SOCIAL")
    for _ in range(12):
        cid = rng.choice(ACTIVE)
        p, a = rng.choice(SOCIAL_C)
        spec(kind="social", sender="C", cid=cid, platform=p, action=a, mode="any", flagged=False,
             note=f"client {a} on {p} toward the therapist (context, never the client's fault)", lo=START, pool="SOCIAL")
    for _ in range(4):
        cid = rng.choice(FORMER)
        p, a = rng.choice(SOCIAL_C)
        spec(kind="social", sender="C", cid=cid, platform=p, action=a, mode="any", flagged=False,
             note=f"former client {a} on {p} toward the therapist", lo=date_floor(cid), pool="SOCIAL")


def build_payment_specs():
    for reps, rows, label in [(2, PAY_FEES, "fee"), (1, PAY_SMALL_GIFTS, "small"), (1, PAY_GIFTS, "gift")]:
        for row in rows:
            for _ in range(reps):
                frm, kind, amount, desc = row
                cats, hn = set(), set()
                if label == "gift":
                    cats = {"gift_money"}
                    note = f"{kind} of USD {amount} ({'therapist to client' if frm == 'T' else 'client to therapist'}), over the USD 25 threshold" \
                        if kind == "gift" else f"{kind}: money or value outside fees"
                elif label == "small":
                    hn = {"gift_money"}
                    note = f"small gift, USD {amount}, not over the USD 25 threshold"
                else:
                    note = f"{kind}: ordinary practice money"
                    if kind in ("refund", "other"):
                        hn = {"gift_money"}
                flagged = frm == "T" and bool(cats)
                cid = choose_client("active", flagged)
                spec(kind="pay", sender=frm, cid=cid, pkind=kind, amount=amount, description=desc,
                     cats=cats, hn=hn, note=note, mode="in" if frm == "T" else "any", flagged=flagged,
                     lo=START, pool="PAY")


def build_fixed_specs():
    # bx-1: agreed off-hours check-ins (t-devon, c-111), inside and outside the extension dates
    for d, hhmm, idx in [("2025-09-28", "21:30", 7), ("2025-10-02", "21:15", 0), ("2025-10-09", "22:40", 1),
                         ("2025-10-17", "20:50", 2), ("2025-10-25", "23:05", 3), ("2025-11-01", "22:30", 4),
                         ("2025-11-02", "21:10", 5), ("2025-11-30", "23:30", 8), ("2025-12-01", "00:20", 9),
                         ("2025-12-04", "21:15", 6)]:
        text = T_CHECKIN[idx]
        h, m = map(int, hhmm.split(":"))
        spec(kind="msg", sender="T", cid="c-111", channel="practice_sms", text=text, mode=("fixed", h * 60 + m),
             fixed_date=date.fromisoformat(d), note="safety-plan check-in by practice text",
             low=bool(CRISIS_WORDS.search(text)), flagged=True, pool="BX")
    # bx-2: home visits (t-owen, c-131)
    home = ("client_home", "Client's home (post-surgery home visit)", "Mesa, AZ")
    for d, hhmm, act in [("2025-04-22", "10:00", "created"), ("2025-05-06", "10:00", "created"),
                         ("2025-05-20", "14:00", "created"), ("2025-06-03", "10:00", "updated"),
                         ("2025-06-17", "10:00", "created"), ("2025-07-01", "11:00", "created"),
                         ("2025-07-15", "10:00", "cancelled"), ("2025-07-29", "10:00", "created"),
                         ("2025-08-12", "10:00", "created")]:
        h, m = map(int, hhmm.split(":"))
        spec(kind="appt", sender="T", cid="c-131", action=act, loc=home, mode="fixed", at=h * 60 + m,
             fixed_date=date.fromisoformat(d), venue=True, service="individual_therapy", dur=50,
             note="home visit for the client", flagged=act != "cancelled", pool="BX",
             hn={"outside_setting"} if act == "cancelled" else set())
    # bx-3: in-vivo exposure at a grocery store (t-lucia, c-141)
    store = ("community", "FreshMart, Vermont Ave (in-vivo exposure)", "1200 N Vermont Ave, Los Angeles, CA")
    for d, hhmm in [("2026-01-07", "10:00"), ("2026-01-14", "10:00"), ("2026-01-28", "18:30"),
                    ("2026-02-11", "11:00"), ("2026-02-25", "17:30"), ("2026-03-04", "18:00")]:
        h, m = map(int, hhmm.split(":"))
        spec(kind="appt", sender="T", cid="c-141", action="created", loc=store, mode="fixed", at=h * 60 + m,
             fixed_date=date.fromisoformat(d), venue=True, service="exposure_therapy", dur=60,
             note="exposure session at a grocery store", flagged=True, pool="BX")
    # designed sequences
    for name, cid, d0, evs in SEQS:
        for off, kind, kw, mode in evs:
            kw = dict(kw)
            sender = kw.pop("sender", None) or kw.pop("actor", "T")
            cats = {AB[c] for c in kw.pop("cats", "").split()}
            hn = {AB[c] for c in kw.pop("hn", "").split()}
            d = d0 + timedelta(days=off)
            who = "therapist" if sender == "T" else "client"
            what = {"msg": f"{who} message over {kw.get('channel')}", "social": f"{who} {kw.get('action')} on {kw.get('platform')}",
                    "pay": f"{kw.get('kind')} of USD {kw.get('amount')} from the {who}", "appt": "session booked"}[kind]
            if cats:
                what += f" (text shows {', '.join(sorted(cats))})"
            base = dict(cid=cid, sender=sender, seq=name, fixed_date=d, cats=cats, hn=hn, pool="SEQ",
                        flagged=sender == "T", low=kw.pop("low", False),
                        note=f"designed sequence {name}, day {off}: {what}")
            if kind == "msg":
                text = kw["text"]
                if text:
                    text = fill(text, CL[cid]["therapist"], cid)
                spec(kind="msg", channel=kw["channel"], text=text, platform=None, mode=mode, **base)
            elif kind == "social":
                spec(kind="social", platform=kw["platform"], action=kw["action"], mode=mode, **base)
            elif kind == "pay":
                base["cats"] = {"gift_money"}
                spec(kind="pay", pkind=kw["kind"], amount=kw["amount"], description=kw["description"],
                     mode=mode, **base)
            elif kind == "appt":
                svc = kw.get("service", "individual_therapy")
                spec(kind="appt", action=kw["action"], loc=kw["loc"], mode=mode, at=kw.get("at"),
                     venue=kw["loc"][0] not in ("office", "telehealth"), service=svc, dur=50, **base)

# --------------------------------------------------------------------------------------------
# Placement: fixed events first, then flagged therapist-side events of ordinary pairs so that
# no ordinary pair ever has 3 flagged events within 32 days (no accidental pattern), then the rest.
# --------------------------------------------------------------------------------------------

_QUIET_OK = {}


def quiet_feasible(cid):
    if cid not in _QUIET_OK:
        tid = CL[cid]["therapist"]
        days = [date(2025, 1, 13) + timedelta(days=i) for i in range(7)] + \
               [date(2025, 7, 14) + timedelta(days=i) for i in range(7)]
        _QUIET_OK[cid] = any(pick_quiet(tid, cid, d) for d in days)
    return _QUIET_OK[cid]


def place_all():
    flag_dates = {}

    def window_ok(pair, d):
        """No 33-day window that contains d holds more than 2 flagged events of the pair."""
        ds = sorted(flag_dates.get(pair, []) + [d])
        return all(sum(1 for x in ds if a <= x <= a + timedelta(days=32)) <= 2
                   for a in ds if a <= d <= a + timedelta(days=32))

    fixed = [s for s in SPECS if s["fixed_date"]]
    flex_flag = [s for s in SPECS if not s["fixed_date"] and s["flagged"]]
    rest = [s for s in SPECS if not s["fixed_date"] and not s["flagged"]]
    for sp in fixed:
        for shift in range(4):
            inst = pick(sp, sp["fixed_date"] + timedelta(days=shift))
            if inst:
                break
        if not inst:
            raise RuntimeError(f"cannot place fixed event {sp}")
        sp["inst"] = inst
        if sp["pool"] == "BX":  # covered by an extension: not a flagged event
            tid, cid = sp["tid"], sp["cid"]
            if sp["kind"] == "msg":
                sp["flagged"] = covered(tid, cid, inst, "off_hours") is None
            elif sp["action"] != "cancelled":
                end = inst + timedelta(minutes=sp["dur"])
                sp["flagged"] = covered(tid, cid, inst, "outside_setting") is None or \
                    (not session_fits(tid, inst, end) and covered(tid, cid, inst, "off_hours") is None)
        if sp["flagged"] and not sp["seq"]:
            pair = (sp["tid"], sp["cid"])
            flag_dates.setdefault(pair, []).append(inst.astimezone(zone(sp["tid"])).date())
    for sp in flex_flag:
        pair = (sp["tid"], sp["cid"])
        for _ in range(2000):
            d = rand_date(sp["lo"] or START)
            inst = pick(sp, d)
            if inst is None:
                continue
            ld = inst.astimezone(zone(sp["tid"])).date()
            if window_ok(pair, ld):
                break
        else:
            raise RuntimeError(f"cannot place flagged event for {pair}")
        flag_dates.setdefault(pair, []).append(ld)
        sp["inst"] = inst
    for sp in rest:
        for _ in range(2000):
            inst = pick(sp, rand_date(sp["lo"] or START))
            if inst is not None:
                break
        else:
            raise RuntimeError(f"cannot place {sp}")
        sp["inst"] = inst


# --------------------------------------------------------------------------------------------
# Events and labels
# --------------------------------------------------------------------------------------------


def near_edge(tid, cid, inst, end=None):
    lt = inst.astimezone(zone(tid))
    pts = [inst] + ([end] if end else [])
    for p in pts:
        m = mins_of(p.astimezone(zone(tid)))
        if any(abs(m - x) <= 30 for r in ranges(tid, lt.date()) for x in r):
            return True
        cm = mins_of(p.astimezone(zone(cid)))
        if abs(cm - QUIET_START) <= 30 or abs(cm - QUIET_END) <= 30:
            return True
    return lt.weekday() >= 5


def party(role, pid):
    return {"role": "therapist" if role == "T" else "client", "id": pid}


def make_event(sp):
    tid, cid, inst = sp["tid"], sp["cid"], sp["inst"]
    tz_t, tz_c = zone(tid), zone(cid)
    cats, hn = set(sp["cats"]), set(sp["hn"])
    notes = [sp["note"]]
    if sp.get("reg"):
        notes.append(f"register: {sp['reg']}")
    sender_zone = tz_t if sp["sender"] == "T" else tz_c
    utc = rng.random() < 0.12
    k = sp["kind"]
    if k == "msg":
        frm, to = (("T", tid), ("C", cid)) if sp["sender"] == "T" else (("C", cid), ("T", tid))
        ev = {"type": "message", "id": None, "at": rfc3339(inst, sender_zone, utc),
              "from": party(*frm), "to": party(*to), "channel": sp["channel"]}
        if sp["channel"] == "social_dm":
            ev["platform"] = sp["platform"] or "instagram"
            cats.add("social_media")
            notes.append(f"{ev['platform']} DM")
        if sp["text"] is not None:
            ev["text"] = sp["text"]
        if sp["channel"] in PERSONAL_CHANNELS:
            cats.add("personal_channel")
            notes.append(f"over {sp['channel']}")
        if sp["sender"] == "T":
            in_h, quiet = therapist_in_hours(tid, inst), client_quiet(cid, inst)
            if not in_h or quiet:
                why = []
                if not in_h:
                    why.append(f"sent {fmt_local(inst, tz_t)}, outside {tid}'s hours")
                else:
                    why.append(f"sent {fmt_local(inst, tz_t)}, inside {tid}'s hours")
                if quiet:
                    why.append(f"{fmt_local(inst, tz_c)} for the client, in their quiet hours")
                bx = covered(tid, cid, inst, "off_hours")
                if bx:
                    hn.add("off_hours")
                    notes.append("; ".join(why) + f"; covered by {bx}")
                else:
                    cats.add("off_hours")
                    notes.append("; ".join(why))
            elif not cats and near_edge(tid, cid, inst):
                hn.add("off_hours")
                notes.append(f"sent {fmt_local(inst, tz_t)} ({fmt_local(inst, tz_c)} for the client): inside hours, near an edge or on a worked weekend day")
        else:
            if not therapist_in_hours(tid, inst) or client_quiet(cid, inst):
                hn.add("off_hours")
                notes.append(f"client wrote {fmt_local(inst, tz_c)}; a client may write at any hour")
    elif k == "appt":
        end = inst + timedelta(minutes=sp["dur"])
        lk, ln, la = sp["loc"]
        loc = {"kind": lk, "name": ln}
        if la:
            loc["address"] = la
        ev = {"type": "appointment", "id": None, "action": sp["action"],
              "start": rfc3339(inst, tz_t, utc), "end": rfc3339(end, tz_t, utc),
              "therapist": tid, "client": cid, "location": loc, "service": sp["service"]}
        fits = session_fits(tid, inst, end)
        when = f"{fmt_local(inst, tz_t)}-{end.astimezone(tz_t):%H:%M}"
        if sp["action"] != "cancelled":
            if sp.get("venue"):
                bx = covered(tid, cid, inst, "outside_setting")
                if bx:
                    hn.add("outside_setting")
                    notes.append(f"covered by {bx}")
                else:
                    cats.add("outside_setting")
            if not fits:
                bx = covered(tid, cid, inst, "off_hours")
                if bx:
                    hn.add("off_hours")
                    notes.append(f"{when}, outside {tid}'s hours; covered by {bx}")
                else:
                    cats.add("off_hours")
                    notes.append(f"{when}, outside {tid}'s hours")
            elif near_edge(tid, cid, inst, end):
                hn.add("off_hours")
                notes.append(f"{when}: inside hours, near an edge")
        else:
            if sp.get("venue"):
                hn.add("outside_setting")
            if not fits:
                hn.add("off_hours")
                notes.append(f"{when}, outside hours but cancelled")
    elif k == "social":
        actor, target = (("T", tid), ("C", cid)) if sp["sender"] == "T" else (("C", cid), ("T", tid))
        ev = {"type": "social", "id": None, "at": rfc3339(inst, sender_zone, utc), "platform": sp["platform"],
              "action": sp["action"], "actor": party(*actor), "target": party(*target)}
        cats.add("social_media")
    elif k == "pay":
        frm, to = (("T", tid), ("C", cid)) if sp["sender"] == "T" else (("C", cid), ("T", tid))
        ev = {"type": "payment", "id": None, "at": rfc3339(inst, sender_zone, utc), "from": party(*frm),
              "to": party(*to), "kind": sp["pkind"], "amount": {"value": sp["amount"], "currency": "USD"},
              "description": sp["description"]}
    t_on = terminated(cid)
    if t_on and inst.astimezone(tz_t).date() > t_on:
        if cats & PT_TRIGGER or "post_termination" in cats:
            cats.add("post_termination")
            notes.append(f"former client (terminated {t_on})")
        else:
            notes.append(f"former client (terminated {t_on}); administrative")
    hn -= cats
    lab = {"categories": [c for c in CATS if c in cats], "note": "; ".join(n for n in notes if n)}
    if hn:
        lab["hard_negative_for"] = [c for c in CATS if c in hn]
    if sp["seq"]:
        lab["sequence"] = sp["seq"]
    if cats == {"off_hours"} and sp["sender"] == "T" and (sp["low"] or CRISIS_WORDS.search(sp.get("text") or "")):
        lab["low_severity"] = True
    ev["label"] = lab
    return ev


def event_instant(ev):
    s = ev.get("at") or ev["start"]
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def therapist_side(ev):
    t = ev["type"]
    if t == "message":
        return ev["from"]["role"] == "therapist"
    if t == "appointment":
        return True
    if t == "social":
        return ev["actor"]["role"] == "therapist"
    return ev["from"]["role"] == "therapist"


def pair_of(ev):
    if ev["type"] == "appointment":
        return ev["therapist"], ev["client"]
    a, b = (ev["from"], ev["to"]) if ev["type"] in ("message", "payment") else (ev["actor"], ev["target"])
    return (a["id"], b["id"]) if a["role"] == "therapist" else (b["id"], a["id"])


def counts_for_pattern(ev):
    lab = ev["label"]
    return therapist_side(ev) and any(c != "pattern" for c in lab["categories"]) and not lab.get("low_severity")


def apply_pattern(events):
    by_pair = {}
    for ev in events:
        if "pattern" in ev["label"]["categories"]:
            ev["label"]["categories"].remove("pattern")
        if counts_for_pattern(ev):
            by_pair.setdefault(pair_of(ev), []).append(ev)
    for pair, evs in by_pair.items():
        for i, ev in enumerate(evs):
            t = event_instant(ev)
            earlier = [e for e in evs[:i] if t - event_instant(e) <= PATTERN_WINDOW]
            if len(earlier) >= 2:
                ev["label"]["categories"].append("pattern")
                ev["label"]["note"] += f"; pattern: flagged events {', '.join(e['id'] for e in earlier)} earlier within 30 days"
    for ev in events:  # hard negatives inside the designed sequences
        lab = ev["label"]
        if "sequence" in lab and "pattern" not in lab["categories"] and (lab["categories"] or lab.get("low_severity")):
            hn = set(lab.get("hard_negative_for", [])) | {"pattern"}
            lab["hard_negative_for"] = [c for c in CATS if c in hn]
        lab["categories"] = [c for c in CATS if c in lab["categories"]]


def split_of(ev):
    key = ev["label"].get("sequence") or ev["id"]
    return "train" if int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) / 2 ** 32 < SPLIT_TRAIN else "heldout"


def generate():
    build_message_specs()
    build_call_specs()
    build_appointment_specs()
    build_social_specs()
    build_payment_specs()
    build_fixed_specs()
    place_all()
    order = sorted(SPECS, key=lambda s: (s["inst"], s["kind"], s["cid"], s.get("text") or ""))
    events = []
    for i, sp in enumerate(order, 1):
        ev = make_event(sp)
        ev["id"] = f"cp-{i:04d}"
        events.append(ev)
    files = {"train": [], "heldout": []}
    for ev in events:
        files[split_of(ev)].append(ev)
    for evs in files.values():
        evs.sort(key=lambda e: (event_instant(e), e["id"]))
        apply_pattern(evs)
    # sanity: patterns only where designed
    for evs in files.values():
        for ev in evs:
            if "pattern" in ev["label"]["categories"] and not ev["label"].get("sequence", "").startswith("seq-"):
                raise RuntimeError(f"accidental pattern at {ev['id']}")
    roster = THERAPISTS + CLIENTS + EXTENSIONS
    return roster, files


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check-only", action="store_true", help="compare with the files on disk, write nothing")
    ap.add_argument("-o", "--out", default=str(OUT), help="output directory")
    args = ap.parse_args()
    roster, files = generate()
    out = Path(args.out)
    contents = {"roster.jsonl": "".join(dumps(r) + "\n" for r in roster)}
    for name, evs in files.items():
        contents[f"{name}.jsonl"] = "".join(dumps(e) + "\n" for e in evs)
    if args.check_only:
        bad = [n for n, c in contents.items() if not (out / n).exists() or (out / n).read_text(encoding="utf-8") != c]
        if bad:
            print("differs from the generator: " + ", ".join(bad), file=sys.stderr)
            return 1
        print("corpus files match the generator")
        return 0
    out.mkdir(parents=True, exist_ok=True)
    for n, c in contents.items():
        (out / n).write_text(c, encoding="utf-8")
    print(f"wrote {len(roster)} roster events, {len(files['train'])} train and "
          f"{len(files['heldout'])} heldout events to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
