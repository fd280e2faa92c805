#!/usr/bin/env python3
"""Generate the Boundary Guard demo dataset: one week of a small, fictional therapy practice.

Output: sdk/examples/demo/practice-week.jsonl (JSON Lines, event schema v1, see docs/events.md).

  python3 scripts/make-demo-week.py             # (re)write the demo file
  python3 scripts/make-demo-week.py --expect    # also print the intended findings per event id
  python3 scripts/make-demo-week.py -o FILE     # write elsewhere ("-" for stdout)

Deterministic: a fixed seed, no wall clock, no network, Python 3.9+ standard library only
(zoneinfo needs the system tz database or the `tzdata` package).

Everything here is fictional and was written for this project: practice, therapists, clients,
places, message texts. Phone numbers are in the reserved 555-01xx range.

The week is Monday 2026-03-02 .. Sunday 2026-03-08; US daylight saving time starts on
Sunday 2026-03-08 at 02:00 local, so offsets change (-06:00 -> -05:00 in Chicago, etc.) and
sessions booked for the following week carry the summer offsets. America/Phoenix does not
change.

Extension to the v1 contract used here (compatible: unknown fields are ignored): appointment
events carry `at`, the instant the booking was created/updated/cancelled, so that the file is in
chronological order of when things happened.
"""

import argparse
import json
import random
import sys
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

SEED = 20260302
WEEK_START = date(2026, 3, 2)  # Monday
WEEK_END = date(2026, 3, 8)  # Sunday (DST starts 02:00 local)
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DEFAULT_HOURS = {d: ["08:00-18:00"] for d in DAYS[:5]}  # default pack: Mon-Fri 08:00-18:00
QUIET = (time(21, 0), time(8, 0))  # default client quiet hours 21:00-08:00 in the client's zone

# --------------------------------------------------------------------------------------------
# Roster
# --------------------------------------------------------------------------------------------

THERAPISTS = [
    {
        "type": "therapist", "id": "t-ana", "time_zone": "America/Chicago", "supervisor": "s-lee",
        "hours": {
            "mon": ["09:00-17:00"],
            "tue": ["09:00-12:00", "13:00-17:00"],
            "wed": ["09:00-17:00"],
            "thu": ["11:00-19:00"],
            "fri": ["09:00-13:00"],
        },
    },
    {
        "type": "therapist", "id": "t-ben", "time_zone": "America/New_York",
        "supervisor": "s-okafor",
        "hours": {
            "mon": ["08:00-16:00"],
            "tue": ["08:00-16:00"],
            "wed": ["12:00-20:00"],
            "thu": ["08:00-16:00"],
            "sat": ["09:00-12:00"],
        },
    },
    # no "hours": the policy default (Mon-Fri 08:00-18:00) applies
    {"type": "therapist", "id": "t-cruz", "time_zone": "America/Los_Angeles",
     "supervisor": "s-lee"},
]

OFFICE = {"t-ana": "Main St office", "t-ben": "Lexington Ave office", "t-cruz": "Elm Court office"}
PRACTICE_PHONE = {"t-ana": "312-555-0100", "t-ben": "212-555-0100", "t-cruz": "213-555-0100"}


def C(cid, therapist, tz=None, status="active", terminated_on=None):
    d = {"type": "client", "id": cid, "therapist": therapist}
    if tz:
        d["time_zone"] = tz
    d["status"] = status
    if terminated_on:
        d["terminated_on"] = terminated_on
    return d


CLIENTS = [
    C("c-101", "t-ana"),
    C("c-102", "t-ana", "America/Denver"),
    C("c-103", "t-ana", "America/Chicago"),
    C("c-104", "t-ana", "America/New_York"),
    C("c-105", "t-ana", "America/Los_Angeles"),
    C("c-106", "t-ana"),
    C("c-107", "t-ana", status="terminated", terminated_on="2025-09-12"),
    C("c-108", "t-ana", "America/Phoenix"),
    C("c-201", "t-ben"),
    C("c-202", "t-ben", "America/Chicago"),
    C("c-203", "t-ben", "America/New_York"),
    C("c-204", "t-ben", "America/Phoenix"),
    C("c-205", "t-ben", "America/Denver"),
    C("c-206", "t-ben"),
    C("c-207", "t-ben", "America/Los_Angeles"),
    C("c-208", "t-ben", "America/New_York", status="terminated", terminated_on="2019-06-28"),
    C("c-209", "t-ben", "America/Chicago"),
    C("c-210", "t-ben", "America/New_York"),
    C("c-301", "t-cruz"),
    C("c-302", "t-cruz", "America/Los_Angeles"),
    C("c-303", "t-cruz", "America/Phoenix"),
    C("c-304", "t-cruz", "America/Denver"),
    C("c-305", "t-cruz"),
    C("c-306", "t-cruz", "America/Los_Angeles"),
    C("c-307", "t-cruz", "America/Chicago"),
    C("c-308", "t-cruz", status="terminated", terminated_on="2025-12-19"),
    C("c-309", "t-cruz"),
    C("c-310", "t-cruz", "America/Denver"),
]

EXTENSIONS = [
    {"type": "boundary_extension", "id": "bx-1", "therapist": "t-ana", "client": "c-103",
     "covers": ["off_hours"], "reason": "crisis safety plan: agreed evening check-ins by text",
     "approved_by": "s-lee", "from": "2026-03-01", "until": "2026-03-05"},
    {"type": "boundary_extension", "id": "bx-2", "therapist": "t-cruz", "client": "c-305",
     "covers": ["outside_setting"],
     "reason": "home-based sessions during recovery from hip surgery; precautions and consent documented",
     "approved_by": "s-lee", "from": "2026-02-23", "until": "2026-03-20"},
]

T = {t["id"]: t for t in THERAPISTS}
CL = {c["id"]: c for c in CLIENTS}


def zone_of(pid):
    if pid in T:
        return ZoneInfo(T[pid]["time_zone"])
    c = CL[pid]
    return ZoneInfo(c.get("time_zone") or T[c["therapist"]]["time_zone"])


def role_of(pid):
    return "therapist" if pid in T else "client"


def ref(pid):
    return {"role": role_of(pid), "id": pid}


def therapist_of(pid):
    return pid if pid in T else CL[pid]["therapist"]


# --------------------------------------------------------------------------------------------
# Time helpers
# --------------------------------------------------------------------------------------------


def local(pid_or_zone, day, hm):
    """Aware datetime at wall time `hm` ("HH:MM") on `day` (date, or 0..6 = Mon..Sun of the
    week, or 7.. = the week after) in the zone of a person (or a ZoneInfo). Rejects wall
    times that do not exist (the DST gap) or are ambiguous."""
    z = pid_or_zone if isinstance(pid_or_zone, ZoneInfo) else zone_of(pid_or_zone)
    if isinstance(day, int):
        day = WEEK_START + timedelta(days=day)
    h, m = map(int, hm.split(":"))
    dt = datetime.combine(day, time(h, m), tzinfo=z)
    back = dt.astimezone(timezone.utc).astimezone(z)
    if back.replace(tzinfo=None) != dt.replace(tzinfo=None):
        raise ValueError(f"{dt} does not exist in {z}")
    if dt.replace(fold=1).utcoffset() != dt.utcoffset():
        raise ValueError(f"{dt} is ambiguous in {z}")
    return dt


def rfc3339(dt, pid):
    return dt.astimezone(zone_of(pid)).isoformat(timespec="seconds")


def hm(t):
    return t.hour * 60 + t.minute


def parse_range(r):
    a, b = r.split("-")
    return tuple(int(x[:2]) * 60 + int(x[3:]) for x in (a, b))


def hours_of(tid):
    return T[tid].get("hours") or DEFAULT_HOURS


def in_hours(tid, dt, end=None, margin=0):
    """dt (and end, if given) inside one of the therapist's ranges on that local weekday."""
    lt = dt.astimezone(zone_of(tid))
    ranges = [parse_range(r) for r in hours_of(tid).get(DAYS[lt.weekday()], [])]
    a = hm(lt)
    b = a if end is None else hm(end.astimezone(zone_of(tid)))
    if end is not None and end.astimezone(zone_of(tid)).date() != lt.date():
        return False
    return any(s <= a and b <= e - margin for s, e in ranges)


def in_client_day(cid, dt):
    lt = dt.astimezone(zone_of(cid))
    return QUIET[1] <= lt.time() < QUIET[0]


def session_times(s):
    tid = CL[s["c"]]["therapist"]
    start = local(tid, s["day"], s["at"])
    return start, mins(start, s.get("minutes", 50))


def busy(tid, dt):
    """Is the therapist in (or within 5 minutes of) a session at dt?"""
    for s in SESSIONS + EXTRA_BUSY:
        if CL[s["c"]]["therapist"] != tid or s.get("status", "held") != "held":
            continue
        a, b = session_times(s)
        if mins(a, -5) <= dt <= mins(b, 5):
            return True
    return False


def day_word(cid, dt):
    """How the therapist would name the client's next session when writing at dt."""
    nxt = sorted(session_times(s)[0] for s in SESSIONS
                 if s["c"] == cid and s.get("status", "held") == "held"
                 and session_times(s)[0] > dt)
    z = zone_of(cid)
    if nxt:
        d = nxt[0].astimezone(z).date()
        if d == dt.astimezone(z).date():
            return "today"
        return DAY_NAMES[d.weekday()]
    usual = [s.get("next_day", s["day"]) for s in SESSIONS if s["c"] == cid]
    return DAY_NAMES[usual[0] % 7] if usual else "our next session"


def next_ok(tid, cid, dt, margin=10):
    """Earliest instant >= dt (5-minute grid) inside the therapist's hours and outside the
    client's quiet hours."""
    t = dt.replace(second=0, microsecond=0)
    t += timedelta(minutes=(-t.minute) % 5)
    for _ in range(12 * 24 * 10):
        if in_hours(tid, t, margin=margin) and in_client_day(cid, t) and not busy(tid, t):
            return t
        t += timedelta(minutes=5)
    raise RuntimeError("no working time found")


WEEK_END_UTC = local(ZoneInfo("America/Los_Angeles"), 6, "23:59")
WEEK_START_UTC = local(ZoneInfo("America/New_York"), 0, "00:00")


def clock(dt, pid):
    """Wall-clock time as a US reader writes it ("1:00 pm"), in the person's zone."""
    lt = dt.astimezone(zone_of(pid))
    return f"{lt.hour % 12 or 12}:{lt.minute:02d} {'am' if lt.hour < 12 else 'pm'}"


# --------------------------------------------------------------------------------------------
# Event collection
# --------------------------------------------------------------------------------------------

EVENTS = []


ROUTINE_NEGATIVES = [  # (substring, why) for ordinary therapist texts that a naive matcher might flag
    ("988", "crisis line 988: not personal_channel, not personal_content"),
    ("312-555-0100", "the practice's own number: not personal_channel"),
    ("212-555-0100", "the practice's own number: not personal_channel"),
    ("213-555-0100", "the practice's own number: not personal_channel"),
    ("Café", "a café named in directions to the office: not outside_setting (not a booking)"),
    ("social activity", "homework wording: not social_media / personal_content"),
    ("podcast", "resource recommendation: not personal_content"),
]


def _add(kind, when, obj, exp=None, also=None, neg=None, note=None, routine=False,
         client=False):
    """exp: categories the event is meant to raise; also: ones it may plausibly raise too;
    neg: why it is a hard negative; client: a client-side event (context only, at most low);
    routine: an ordinary therapist event that must not trip the hours/setting rules."""
    if routine and not neg and not exp:
        neg = next((why for sub, why in ROUTINE_NEGATIVES if sub in obj.get("text", "")), None)
    EVENTS.append({"kind": kind, "when": when, "seq": len(EVENTS), "obj": obj,
                   "exp": exp or [], "also": also or [], "neg": neg, "note": note,
                   "routine": routine, "client": client})
    return EVENTS[-1]


def msg(at, frm, to, channel, text=None, platform=None, **kw):
    o = {"type": "message", "at": rfc3339(at, frm), "from": ref(frm), "to": ref(to),
         "channel": channel}
    if platform:
        o["platform"] = platform
    if text is not None:
        o["text"] = text
    return _add("m", at, o, **kw)


def appt(at, action, tid, cid, start, minutes, kind, name=None, address=None,
         service="individual_therapy", **kw):
    loc = {"kind": kind}
    if name:
        loc["name"] = name
    if address:
        loc["address"] = address
    o = {"type": "appointment", "at": rfc3339(at, tid), "action": action,
         "start": rfc3339(start, tid), "end": rfc3339(start + timedelta(minutes=minutes), tid),
         "therapist": tid, "client": cid, "location": loc, "service": service}
    return _add("a", at, o, **kw)


def social(at, platform, action, actor, target, **kw):
    o = {"type": "social", "at": rfc3339(at, actor), "platform": platform, "action": action,
         "actor": ref(actor), "target": ref(target)}
    return _add("s", at, o, **kw)


def pay(at, frm, to, kind, value, description, **kw):
    o = {"type": "payment", "at": rfc3339(at, frm), "from": ref(frm), "to": ref(to),
         "kind": kind, "amount": {"value": value, "currency": "USD"},
         "description": description}
    return _add("p", at, o, **kw)


def mins(dt, n):
    return dt + timedelta(minutes=n)


# --------------------------------------------------------------------------------------------
# Hand-written text pools (written for this project)
# --------------------------------------------------------------------------------------------

REMINDERS = [
    "Reminder: your session is {day} at {time}{yt}, {where}. Reply C to confirm.",
    "Hi! Just a reminder about {day} at {time}{yt} ({where}). Let me know if anything changed.",
    "Appt reminder: {day} {time}{yt}, {where}. If you need to move it, tell me by noon so there's no late-cancel fee.",
    "Hello, confirming {day} at {time}{yt}, {where}. If you can, bring the mood log.",
    "Hi, friendly reminder for {day} {time}{yt}. Reply C to confirm or R to reschedule.",
    "Quick reminder we're meeting {day} at {time}{yt}, {where}. Nothing to prep, just come as you are.",
    "Reminder for {day}: {time}{yt}, {where}. Text the front desk if you're running late.",
    "See you {day} at {time}{yt}! {extra}",
]
WHERE = {
    "office": ["at the {office}", "in person at the {office}", "at the office"],
    "telehealth": ["by video, same link as always", "on telehealth", "by video"],
}
EXTRA = {
    "office": ["Parking behind the building is free after 9.",
               "Suite 210 on the 2nd floor, as usual.",
               "Come on up when you get here, the waiting room is open."],
    "telehealth": ["The link opens 5 minutes early.", "Same video link as always.",
                   "Find a private spot if you can, headphones help."],
}
CONFIRMS = [
    "C", "c", "👍", "Confirmed, thanks!", "yep see you then", "Yes! see you {day}",
    "confirmed 🙂", "I'll be there", "thx for the reminder, confirmed", "Got it 👍", "ok",
    "See u then!", "C - might be a couple min late, coming from work", "Yes. thank you",
    "confirmed. can we start with the thing from last week?", "yes!! 🙌", "C. thank u",
    "Confirmed. Same link right?", "yup", "ty, see you {day}",
]
TELE_CLIENT = [
    "I'm in the waiting room", "hi, in the waiting room, no rush",
    "can you hear me? my audio keeps cutting out", "here!",
    "sorry, my camera isn't working today, is audio ok?",
    "joining from my car on my lunch break, hope that's ok",
    "link says waiting for host", "in the room 👋",
]
TELE_THERAPIST = [
    "Hi! Letting you in now.", "Be right there, finishing a note.",
    "I can hear you now. Try turning the camera off and on again.",
    "Audio only is totally fine today.", "I see you, starting now.",
    "Coming on in one minute.",
]
AFTER_SESSION = [
    "Thanks for today. Homework: a thought record 3 times before next time, even short ones count.",
    "Good work today. The 4-7-8 breathing sheet is in the portal under Resources.",
    "Really proud of the step you took this week. For next time, notice when the 'should' thoughts show up and jot them down.",
    "Here's the values card sort we talked about. No pressure to finish it all.",
    "Today was a heavy session. Be gentle with yourself tonight; the grounding list is in your notes.",
    "Sleep diary template is uploaded. Try to fill it in each morning, bedtime and wake time is enough.",
    "Thank you for trusting me with that today. We'll pick it back up next week, at your pace.",
    "Your exposure step this week: the grocery store at a busy time, 10 minutes. You've got this.",
    "Nice job with the assertiveness script today. Try it once with a low-stakes person before next session.",
    "I uploaded the check-in questions we discussed. Maybe try them Sunday evening, 20 min max.",
    "I know the talk with your mom felt like it went sideways, but you stayed calm and that matters. Let's look at it together next week.",
    "The article on grief I mentioned is in the portal. Read it only if it feels useful.",
    "For homework: 3 pleasant activities this week, anything counts (a walk, a podcast, calling your sister).",
    "Glad the new schedule at work is helping. Keep tracking the anxiety ratings 0-10 and we'll compare.",
    "This week's homework: one social activity. The book club totally counts!",
    "Worry time is 6:00-6:15 pm, same spot each day. Park anything else on the list until then.",
    "Today's summary is in the portal: the two goals we agreed on and the next small step for each.",
    "As discussed, the intake packet for the Tuesday group is attached. Group starts 3/17.",
]
AFTER_REPLY = [
    "thank you 🙏", "will do", "ok I'll try", "thanks, today helped", "🙂",
    "ok. it was a lot today but good",
    "I'll try but no promises lol", "Printed it out!", "thank you, really",
]

# Hand-written conversation threads. ("c" = client, "t" = therapist). {day} = how the
# therapist names the client's next session at that moment ("today", "Thursday"),
# {phone} = the practice's front-desk line.
THREADS = [
    {"ch": "portal", "m": [("c", "Hi, could you send my February superbill? My FSA needs it by Friday"),
                           ("t", "Sure, it's uploaded to the portal under Documents now."),
                           ("c", "got it, thank you!!")]},
    {"ch": "practice_sms", "m": [("c", "quick q is the copay still $30 or did it change with the new year"),
                                 ("t", "Still $30 for your plan. We'll let you know if your insurer changes it.")]},
    {"ch": "portal", "m": [("c", "my insurance switched on the 1st 😩 uploaded the new card, hope that's ok"),
                           ("t", "Thanks for the heads up. Billing will verify the new plan before your next session, nothing you need to do right now.")]},
    {"ch": "portal", "m": [("c", "Can you write a letter for my work accommodation? HR says it just needs to confirm I'm in treatment"),
                           ("t", "Yes, I can do a brief letter that confirms treatment without details. I'll have it in the portal before our next session."),
                           ("c", "perfect thank you")]},
    {"ch": "portal", "m": [("t", "Hi! Your annual consent update is ready to sign in the portal, it takes about 2 minutes."),
                           ("c", "done ✅")]},
    {"ch": "practice_sms", "m": [("c", "just wanted to say I went to costco on a saturday and didn't leave early 😂 exposure ladder ftw"),
                                 ("t", "That's a big step! If you remember, write down your anxiety rating before and after and we'll look at it together.")]},
    {"eve": True, "ch": "portal", "m": [("c", "had a panic attack at work today but used the breathing thing and it passed in like 10 min"),
                           ("t", "I'm really glad the breathing helped. Let's talk about what led up to it {day}. If it gets worse before then, call the office at {phone}.")]},
    {"eve": True, "ch": "practice_sms", "m": [("c", "ugh rough day. not an emergency, just needed to tell someone"),
                                 ("t", "Thanks for letting me know, and I'm sorry today was hard. If things ever feel unsafe, call or text 988. Otherwise we'll dig in {day}."),
                                 ("c", "ok. thank you")]},
    {"ch": "portal", "m": [("c", "Can I bring my partner next time? We talked about it and they're open to it"),
                           ("t", "Yes, they're welcome. We'll spend the first few minutes on ground rules so it stays your session.")]},
    {"ch": "practice_sms", "m": [("c", "do you take HSA cards"),
                                 ("t", "We do, HSA and FSA both work. You can update the card in the portal under Billing.")]},
    {"need": "office", "ch": "practice_sms", "m": [
        ("c", "is there parking at the office?"),
        ("t", "Yes, a small lot behind the building, and street parking is free after 6. The entrance is next to Rosie's Café, suite 210 on the 2nd floor.")]},
    {"ch": "portal", "m": [("c", "did the worksheet! kind of hated it lol but I did it"),
                           ("t", "Hating it and doing it anyway counts double 😊 Bring it {day}.")]},
    {"ch": "portal", "m": [("c", "ok the sleep diary says I'm def not getting 8 hrs. more like 5"),
                           ("t", "That's useful data. Keep going through the weekend and we'll look for patterns.")]},
    {"ch": "portal", "m": [("c", "should I tell my psychiatrist about the dizziness or is that a you question"),
                           ("t", "Definitely mention it to your psychiatrist, they manage the medication. I'm happy to coordinate if you sign a release."),
                           ("c", "ok will do")]},
    {"ch": "portal", "m": [("t", "The release of information for your PCP is in the portal whenever you're ready. It lets me send a short update, nothing more."),
                           ("c", "signed")]},
    {"ch": "practice_email", "m": [("t", "The Tuesday evening anxiety group has two spots left starting 3/17. No pressure, just letting you know since you asked."),
                                   ("c", "ooh maybe. can I think about it?"),
                                   ("t", "Of course, take your time.")]},
    {"ch": "portal", "m": [("c", "Thank you for yesterday. I slept better than I have in weeks"),
                           ("t", "I'm so glad to hear that. Let's keep building on it.")]},
    {"ch": "portal", "m": [("c", "is it ok if I send you what I wrote in my journal or should I bring it?"),
                           ("t", "Bring it to session if you can, the portal isn't great for long stuff. A short note here is fine though.")]},
    {"ch": "practice_email", "m": [("c", "Sorry, one more thing: the disability form needs your license number?"),
                                   ("t", "It's on the form I sent back this morning, box 14. If they need a separate letter, let me know.")]},
    {"ch": "portal", "m": [("c", "for the values thing do I pick 5 or 10"),
                           ("t", "Start with 10, then narrow it to your top 5.")]},
    {"ch": "portal", "m": [("t", "Hi, there's a small balance from 2/23 (the card payment didn't go through). You can pay it in the portal whenever it's convenient."),
                           ("c", "oops sorry!! paid now")]},
    {"need": "telehealth", "ch": "portal", "m": [
        ("c", "is it ok if I do video from my office this week? the door closes"),
        ("t", "That's fine as long as it feels private to you. Headphones help.")]},
    {"ch": "practice_sms", "m": [("c", "what's the cancel policy again"),
                                 ("t", "24 hours' notice, otherwise a $75 fee. Illness and emergencies are always waived.")]},
    {"ch": "practice_email", "m": [("t", "Our front desk has a new direct line: {phone}. Same hours as before.")]},
    {"ch": "portal", "m": [("c", "what was that podcast you mentioned?"),
                           ("t", "It's 'The Anxious Mind', episode 12 on worry time. Totally optional.")]},
    {"ch": "portal", "m": [("c", "can you do an emotional support animal letter?"),
                           ("t", "That's something we'd need to talk through in session first. Let's put it on the agenda for {day}.")]},
    {"ch": "practice_email", "m": [("c", "got the reminder but I don't see the session in my calendar?"),
                                   ("t", "The calendar invite sometimes lands in spam. I just resent it."),
                                   ("c", "found it, thanks")]},
    {"ch": "portal", "m": [("c", "I have a job interview thursday, wish me luck!!"),
                           ("t", "Good luck! Remember the grounding you practised. Tell me how it went next session.")]},
    {"ch": "portal", "m": [("c", "Sorry for being so quiet last session, I was exhausted"),
                           ("t", "No apology needed. Quiet sessions are part of the work too.")]},
    {"ch": "portal", "m": [("c", "I think I might be ready to go every other week?"),
                           ("t", "That sounds like a good sign. Let's talk about it {day} and decide together.")]},
    {"ch": "practice_sms", "m": [("c", "my mom is visiting this week so I might be a little distracted lol"),
                                 ("t", "Noted! We can make some room for that if you want.")]},
    {"ch": "portal", "m": [("c", "Can you send the wise mind handout again? I lost it"),
                           ("t", "Here it is: portal > Resources > DBT skills > Wise Mind.")]},
    {"ch": "portal", "m": [("t", "Your insurance pre-authorization came through, we're set for 12 more sessions."),
                           ("c", "yay thank you")]},
    {"ch": "portal", "m": [("c", "do I need to do anything for the new year deductible thing?"),
                           ("t", "Nothing on your end. Your plan resets in January, so the first few sessions go toward the deductible; the statements will show it.")]},
    {"ch": "practice_sms", "m": [("t", None, "practice_phone"),
                                 ("c", "hey sorry I missed your call, was in a meeting"),
                                 ("t", "No worries! Just wanted to confirm you got the updated consent form. No rush.")]},
    {"ch": "portal", "m": [("c", "ok real talk I skipped the homework this week. bad week"),
                           ("t", "Thanks for being honest. That's information too; we'll look at what got in the way.")]},
    {"only": "t-cruz", "ch": "portal", "m": [
        ("c", "¿Podemos hacer la próxima sesión en español? Me es más fácil hablar de mi familia así"),
        ("t", "¡Claro que sí! La próxima la hacemos en español."),
        ("c", "gracias 🙏")]},
    {"ch": "portal", "m": [("c", "my dog ate the worksheet. literally. I have a photo"),
                           ("t", "Ha, that's a first. There's a fresh copy in the portal under Resources.")]},
    {"ch": "practice_email", "m": [("c", "Hello, can you send a receipt for January? My husband does our taxes"),
                                   ("t", "Of course. The January statement is in the portal under Documents, it shows each date and amount paid.")]},
    {"ch": "portal", "m": [("c", "quick update: I called the clinic and got on the waitlist for the sleep study"),
                           ("t", "Great follow-through. Let me know the date when you have it.")]},
]

THREADS += [
    {"ch": "portal", "m": [("c", "Hi! Is it possible to get an earlier slot next week? Daycare pickup changed"),
                           ("t", "Let me look at next week and get back to you by tomorrow."),
                           ("t", "I could do first thing in the morning next week if that helps; otherwise we keep the usual time."),
                           ("c", "usual time is fine actually, my partner can do pickup")]},
    {"ch": "portal", "m": [("c", "the portal keeps logging me out when I try to send a message, is it just me?"),
                           ("t", "Not just you, there was an update last night. Clearing the browser cache usually fixes it.")]},
    {"ch": "practice_email", "m": [("t", "A heads-up that the practice is closed Monday 3/16 for staff training. If that's your usual day, I'll reach out about another time."),
                                   ("c", "ok, thanks for letting me know")]},
    {"ch": "portal", "m": [("c", "Thank you for recommending the book. I'm halfway through and it's making a lot of sense"),
                           ("t", "I'm glad it's landing. Mark the parts that stand out and bring them in.")]},
    {"eve": True, "ch": "practice_sms", "m": [("c", "told my sister about therapy today. she was actually really supportive 🥲"),
                                 ("t", "That took courage. I'm really glad it went well. Let's talk about how it felt {day}.")]},
    {"ch": "portal", "late": True, "m": [
        ("c", "sorry to write so late. I know you won't see this till tomorrow. today was a lot"),
        ("t", "No need to apologise, I'm glad you wrote it down. If nights get hard, 988 is there any time, call or text. We'll talk {day}.")]},
    {"ch": "practice_email", "m": [("c", "My employer switched EAP providers, does that change anything for us?"),
                                   ("t", "It shouldn't, since we bill your regular insurance and not the EAP. I'll double-check with billing."),
                                   ("t", "Confirmed with billing: no change for you.")]},
    {"ch": "portal", "m": [("c", "Can I get a copy of my treatment plan?"),
                           ("t", "Yes, it's under Documents in the portal now. Happy to go over it together.")]},
    {"ch": "portal", "m": [("c", "I forgot to do the check-in questions with my wife. we'll do them tonight"),
                           ("t", "Sounds good. Even 10 minutes is enough.")]},
    {"ch": "practice_email", "m": [("t", "I'm out of the office next Thursday afternoon. If anything urgent comes up, the covering clinician can be reached through the front desk at {phone}."),
                                   ("c", "got it, thanks")]},
    {"ch": "practice_sms", "m": [("c", "what's the best way to pay the balance, portal or card over the phone?"),
                                 ("t", "Either works. The portal is fastest: Billing > Pay balance.")]},
    {"ch": "portal", "m": [("c", "I tried the worry time thing. my worry list was 2 pages 😅"),
                           ("t", "That's a start! Next step: notice which ones are still there the next day.")]},
    {"need": "telehealth", "ch": "practice_sms", "m": [
        ("c", "can you resend the video link, I deleted the email like an idiot"),
        ("t", "Not an idiot at all, it happens. Resent just now.")]},
    {"ch": "portal", "m": [("c", "Quick one: do you do evening appointments at all?"),
                           ("t", "I don't have evening openings right now, but I can put you on the waitlist for one.")]},
    {"ch": "portal", "m": [("c", "the breathing app you suggested costs money now?? is there a free one"),
                           ("t", "There's a free paced-breathing timer linked on the Resources page, it does the same thing.")]},
    {"eve": True, "ch": "practice_sms", "m": [("c", "I GOT THE JOB!!!!"),
                                 ("t", "Congratulations! You worked hard for this. Let's talk about the transition {day}.")]},
    {"ch": "portal", "m": [("c", "Can we spend time on the custody stuff next session? The court date got moved up"),
                           ("t", "Yes, we'll make that the focus. If you need a letter for court, we should talk about what it can and can't include.")]},
    {"ch": "practice_email", "m": [("t", "Your February superbill is ready in the portal under Documents."),
                                   ("c", "Thank you!")]},
    {"ch": "portal", "m": [("c", "forgot to say, the new meds are helping with sleep. still groggy in the mornings tho"),
                           ("t", "Good to hear. Mention the grogginess to your prescriber, they may adjust the timing.")]},
    {"ch": "portal", "late": True, "m": [
        ("c", "can't sleep again. not in danger, just anxious about work tomorrow"),
        ("t", "Thanks for letting me know. Try the body scan recording tonight if you're up again, and we can start there {day}.")]},
]

PHONE_CALLS_T = 7  # short practice_phone calls by a therapist (no text)
PHONE_CALLS_C = 5  # client calls to the practice line

# --------------------------------------------------------------------------------------------
# Weekly schedule. day: 0..6 within the week; time in the therapist's zone.
#   usual = (kind, name) for the standing booking (what "next week" is created as)
#   now   = (kind, name) of this week's session when it differs (set by a scenario update)
#   status "held" | "cancelled"; "scn" = this session's booking changes are scripted below.
# --------------------------------------------------------------------------------------------

TELE = ("telehealth", "Telehealth (practice video)")


def office(tid):
    return ("office", OFFICE[tid])


SESSIONS = [
    # t-ana, America/Chicago
    dict(c="c-101", day=0, at="10:00", usual=office("t-ana"), now=TELE, no_reminder=True),
    dict(c="c-102", day=1, at="13:00", usual=TELE),
    dict(c="c-102", day=4, at="09:30", usual=TELE),
    dict(c="c-103", day=0, at="15:00", usual=office("t-ana"), no_reminder=True),
    dict(c="c-103", day=3, at="17:00", usual=office("t-ana")),
    dict(c="c-104", day=2, at="10:00", usual=TELE),
    dict(c="c-105", day=3, at="15:00", usual=TELE, no_reminder=True),  # scripted confirm
    dict(c="c-106", day=4, at="15:00", usual=office("t-ana"), next_day=1, next_at="09:00",
         no_followup=True),  # moved from Tue 09:00 to Fri 15:00 (scenario)
    dict(c="c-108", day=0, at="13:30", usual=TELE, no_reminder=True),
    # t-ben, America/New_York
    dict(c="c-201", day=0, at="10:30", usual=office("t-ben"), no_reminder=True),
    dict(c="c-202", day=1, at="11:00", usual=TELE),
    dict(c="c-203", day=2, at="18:00", usual=office("t-ben")),
    dict(c="c-204", day=3, at="13:00", usual=TELE),
    dict(c="c-205", day=2, at="15:00", usual=TELE, status="cancelled"),
    dict(c="c-206", day=5, at="09:30", usual=office("t-ben")),
    dict(c="c-207", day=2, at="19:00", usual=TELE, status="cancelled"),
    dict(c="c-209", day=1, at="14:00", usual=TELE, minutes=80, service="couples_therapy"),
    # t-cruz, America/Los_Angeles (policy default hours)
    dict(c="c-301", day=5, at="10:00", usual=office("t-cruz"), next_day=1, next_at="10:00",
         no_followup=True),  # moved from Tue to Sat (scenario)
    dict(c="c-302", day=2, at="11:00", usual=office("t-cruz"),
         now=("client_home", "client's apartment"), no_reminder=True),
    dict(c="c-303", day=3, at="14:00", usual=TELE),
    dict(c="c-304", day=0, at="12:00", usual=TELE, no_reminder=True),
    dict(c="c-305", day=0, at="09:00", usual=("client_home", "home visit"), no_reminder=True),
    dict(c="c-305", day=3, at="09:00", usual=("client_home", "home visit"), no_reminder=True),
    dict(c="c-306", day=2, at="12:00", usual=office("t-cruz")),
    dict(c="c-307", day=2, at="15:00", usual=TELE),
    dict(c="c-309", day=4, at="10:00", usual=office("t-cruz"),
         now=("community", "Lakeside Park, north pavilion"), no_reminder=True),
]

# Other times a therapist is away from the desk (scenario bookings that do take place).
EXTRA_BUSY = [dict(c="c-101", day=3, at="12:00")]  # t-ana at the café, Thu 12:00

# Next Monday's sessions get their reminder on the therapist's last working day of this week.
NEXT_MONDAY = [s for s in SESSIONS if s["day"] == 0]

PAYS = {  # (kind, amount) paid by the client after a session
    "c-101": ("copay", 25), "c-102": ("fee", 140), "c-103": ("copay", 20), "c-104": ("copay", 30),
    "c-105": ("fee", 150), "c-106": ("copay", 25), "c-201": ("copay", 30),
    "c-202": ("copay", 40), "c-203": ("fee", 160), "c-204": ("copay", 30), "c-206": ("copay", 20),
    "c-209": ("fee", 180), "c-301": ("copay", 25), "c-302": ("copay", 30), "c-304": ("copay", 25),
    "c-305": ("copay", 20), "c-306": ("fee", 140), "c-307": ("copay", 35), "c-309": ("copay", 30),
}


# --------------------------------------------------------------------------------------------
# Scripted scenarios: the events a supervisor would want to see, the hard negatives around
# them, and the ordinary exchanges that give them context.
# --------------------------------------------------------------------------------------------


def scenarios():
    L = local
    # ---------------- t-ana (America/Chicago) ----------------
    t = L("c-101", 0, "08:40")
    msg(t, "c-101", "t-ana", "practice_sms",
        "roads are awful this morning, can we switch to video today?")
    msg(L("t-ana", 0, "09:02"), "t-ana", "c-101", "practice_sms",
        "Yes, no problem. Switching you to telehealth, same time. The link is in your email.")
    appt(L("t-ana", 0, "09:04"), "updated", "t-ana", "c-101", L("t-ana", 0, "10:00"), 50, *TELE)

    msg(L("c-106", 0, "11:20"), "c-106", "t-ana", "portal",
        "Any chance I can move tomorrow to Friday afternoon? I picked up a double shift 😩")
    msg(L("t-ana", 0, "11:48"), "t-ana", "c-106", "portal",
        "I can do Friday at 3:00 at the office. See you then.")
    appt(L("t-ana", 0, "11:50"), "updated", "t-ana", "c-106", L("t-ana", 4, "15:00"), 50,
         *office("t-ana"), exp=["off_hours"],
         note="session Fri 15:00-15:50, t-ana works Fri 09:00-13:00")

    msg(L("t-ana", 0, "14:30"), "t-ana", "c-108", "portal",
        "Our front desk line is 312-555-0100 if the portal gives you trouble. They can book or move sessions.",
        neg="shares the practice's own number (not personal_channel)")
    msg(L("t-ana", 0, "16:20"), "t-ana", "c-106", "portal",
        "If our work has been helpful, would you mind leaving me a review on Google? It really helps a small practice like mine 🙏",
        exp=["non_therapeutic_request"], note="solicits a testimonial (APA 5.05)")
    msg(L("t-ana", 0, "16:05"), "t-ana", "c-103", "portal",
        "Your safety plan is in the portal. Plan for tonight: text check-in at 10 like we agreed. "
        "If you feel unsafe, call or text 988 or go to the nearest ER.",
        neg="crisis instructions inside hours; 988 is a crisis line, not a personal channel")
    msg(L("t-ana", 0, "22:00"), "t-ana", "c-103", "practice_sms",
        "Checking in like we planned. How's the urge level, 0-10? If you feel unsafe tonight call or text 988.",
        exp=["off_hours"], note="crisis check-in off hours, SUPPRESSED by bx-1 (allow)")
    msg(L("c-103", 0, "22:09"), "c-103", "t-ana", "practice_sms",
        "4. better than last night. used the ice thing")
    msg(L("t-ana", 0, "22:12"), "t-ana", "c-103", "practice_sms",
        "That's real progress. Keep the card by your bed. Talk Thursday.",
        exp=["off_hours"], note="SUPPRESSED by bx-1 (allow)")

    msg(L("c-102", 1, "09:15"), "c-102", "t-ana", "portal",
        "I made you a little something to say thanks for getting me through the winter, a basket with my jam and some candles. can I drop it off?",
        exp=["gift_money"], note="client offers a gift: context only (low, allow)", client=True)
    msg(L("t-ana", 1, "10:40"), "t-ana", "c-102", "portal",
        "That is so kind of you, and I can tell you put thought into it. I can't accept gifts, but thank you. "
        "Let's talk on Friday about other ways to mark how far you've come.",
        neg="declines a gift (principle 5)")
    appt(L("t-ana", 1, "09:20"), "created", "t-ana", "c-101", L("t-ana", 3, "12:00"), 50,
         "community", "Bean There Café", "Clark St & Elm", exp=["outside_setting"],
         note="session at a café")
    msg(L("t-ana", 1, "11:00"), "t-ana", "c-103", "portal",
        "I'm glad you went to the dinner, let's unpack it Thursday.",
        neg="clinical warmth, not personal_content")
    msg(L("t-ana", 1, "14:20"), "t-ana", "c-104", "portal",
        "Random question, you work at Hartwell Realty, right? My sister is applying there. Any chance you could put in a good word for her?",
        exp=["non_therapeutic_request"], note="asks for help from the client's job")
    msg(L("c-103", 1, "22:20"), "c-103", "t-ana", "practice_sms",
        "rough night. used the card. can you text back", client=True)
    msg(L("t-ana", 1, "22:31"), "t-ana", "c-103", "practice_sms",
        "I'm here. You did the right thing reaching out. If you feel unsafe right now call or text 988, they can stay on longer than I can tonight. Check in with me in the morning?",
        exp=["off_hours"], neg="988 is not a personal channel",
        note="crisis reply off hours, SUPPRESSED by bx-1 (allow)")
    msg(L("c-103", 1, "22:40"), "c-103", "t-ana", "practice_sms",
        "ok. I'm safe. just needed to hear it", client=True)
    msg(L("c-103", 2, "08:15"), "c-103", "t-ana", "practice_sms", "morning. slept ok. checking in like you said")
    msg(L("t-ana", 2, "09:10"), "t-ana", "c-103", "practice_sms",
        "Thank you for checking in. Proud of you for last night. See you Thursday at 5.")

    msg(L("t-ana", 2, "09:05"), "t-ana", "c-105", "portal",
        "Good morning! Confirming Thursday at 1:00 pm your time on telehealth. The link is in the portal.",
        exp=["off_hours"], note="inside t-ana's hours but 07:05 for the client (quiet hours); administrative -> low")
    msg(L("c-105", 2, "07:40"), "c-105", "t-ana", "portal", "confirmed! sorry just woke up lol")
    msg(L("c-105", 2, "17:50"), "c-105", "t-ana", "social_dm",
        "hiii is this you?? 👀 found you through the practice page", platform="instagram",
        exp=["social_media"], note="client DMs therapist: context only (low, allow)", client=True)
    msg(L("c-105", 2, "17:55"), "c-105", "t-ana", "portal",
        "sorry if that was weird. is it ok if I follow you on insta? 😅",
        exp=["social_media"], note="client asks to follow: context only", client=True)
    msg(L("t-ana", 2, "23:15"), "t-ana", "c-102", "practice_sms",
        "can't sleep, thinking about our talk yesterday. what you said about your dad really stuck with me. hope you're doing ok tonight",
        exp=["off_hours", "personal_content"],
        note="personal text at 23:15 CT (22:15 for the client, quiet hours) -> high")
    msg(L("t-ana", 3, "11:10"), "t-ana", "c-105", "portal",
        "Not weird to ask at all! I'm not able to connect on social media with clients. It protects your privacy and our work together. Happy to talk about it in session today.",
        neg="declines social media (principle 5)")
    msg(L("t-ana", 3, "23:40"), "t-ana", "c-102", "personal_sms",
        "sorry about the late text last night lol. this is my personal cell btw, easier to reach me here than the portal 😊",
        exp=["personal_channel", "off_hours", "personal_content"],
        note="moves the client to the therapist's cell, late at night")
    msg(L("c-102", 3, "22:52"), "c-102", "t-ana", "personal_sms", "haha no worries! saved it",
        exp=["personal_channel"], note="client on personal channel: context only", client=True)
    msg(L("t-ana", 4, "20:10"), "t-ana", "c-102", "personal_sms",
        "you looked really nice today btw. I meant to say it on the call 🙈",
        exp=["romantic_sexual", "personal_channel", "off_hours", "pattern"],
        note="3rd+ flagged event for t-ana/c-102 this week -> pattern")
    msg(L("t-ana", 4, "21:45"), "t-ana", "c-103", "practice_sms",
        "Evening check-in like we planned. If you feel unsafe tonight call or text 988. See you Monday.",
        exp=["off_hours"], neg="988 is not a personal channel",
        note="crisis text off hours, bx-1 ended 03-05 -> NOT suppressed, low")
    msg(L("c-103", 4, "21:58"), "c-103", "t-ana", "practice_sms", "doing ok tonight. thank you for checking", client=True)
    msg(L("t-ana", 5, "11:05"), "t-ana", "c-107", "personal_sms",
        "Was that you at the farmers market this morning?! You look great. We should grab a coffee sometime, now that I'm not your therapist anymore 😄",
        exp=["post_termination", "personal_channel", "personal_content", "off_hours"],
        also=["romantic_sexual"], note="former client, terminated 2025-09-12 (<1 year)")
    social(L("t-ana", 5, "14:10"), "instagram", "follow", "t-ana", "c-104",
           exp=["social_media"], also=["off_hours"], note="therapist follows a client (Sat)")
    msg(L("c-103", 6, "01:40"), "c-103", "t-ana", "practice_sms",
        "can't sleep. clocks change tonight right? ugh", client=True)
    msg(L("c-103", 6, "03:15"), "c-103", "t-ana", "practice_sms",
        "phone says 3:15 now?? lost an hour of sleep I wasn't getting anyway lol. I'm ok, just awake",
        client=True, note="first event after the DST jump (CDT, -05:00)")
    msg(L("t-ana", 6, "19:00"), "t-ana", "c-101", "practice_sms",
        "Quick heads-up since the clocks sprang forward last night: tomorrow's session is still 10:00 am at the office. See you then!",
        exp=["off_hours"], note="administrative text on a Sunday -> low")
    msg(L("c-101", 6, "19:12"), "c-101", "t-ana", "practice_sms",
        "omg thank you I completely forgot 😅", client=True)
    social(L("t-ana", 6, "21:22"), "instagram", "profile_view", "t-ana", "c-105",
           exp=["social_media"], also=["off_hours"],
           note="views the client's profile (ACA H.6.c) after declining to connect")

    # ---------------- t-ben (America/New_York) ----------------
    msg(L("t-ben", 0, "08:10"), "t-ben", "c-204", "portal",
        "Morning! Your insurance pre-auth came through, we're set for 8 more sessions.",
        exp=["off_hours"], note="inside t-ben's hours but 06:10 in Phoenix (quiet hours); administrative -> low")
    msg(L("c-204", 0, "08:30"), "c-204", "t-ben", "portal", "yay thank you 🙏")
    msg(L("c-208", 0, "09:15"), "c-208", "t-ben", "practice_email",
        "Hello, I was a client of yours several years ago. I need a copy of my records for a new provider. What do I need to do?")
    msg(L("t-ben", 0, "10:00"), "t-ben", "c-201", "personal_sms",
        "running 10 min late, sorry! be there by 10:40",
        exp=["personal_channel"], note="administrative text, but from the therapist's personal phone")
    msg(L("t-ben", 0, "11:30"), "t-ben", "c-208", "practice_email",
        "Thanks for reaching out. I've emailed the records release form to the address on file. Once it's signed, we'll send your records to the new provider within 30 days.",
        neg="former client (terminated 2019), administrative records request: not post_termination")
    pay(L("t-ben", 1, "10:30"), "t-ben", "c-204", "refund", 30, "duplicate copay charged 2/26",
        neg="refund, not gift_money")
    social(L("c-209", 1, "09:05"), "linkedin", "friend_request", "c-209", "t-ben",
           exp=["social_media"], note="client invites therapist: context only (low)", client=True)
    msg(L("t-ben", 1, "10:15"), "t-ben", "c-203", "portal",
        "Heads up for Wednesday: after 6 the front door locks, so buzz 4417 at the side door and come up to suite 3B.",
        neg="door code / logistics: no personal content, no channel move")
    msg(L("t-ben", 1, "15:30"), "t-ben", "c-207", "practice_sms",
        "This is awkward to ask, but any chance you could spot me $300 till the 15th? Car stuff. Totally fine if not.",
        exp=["non_therapeutic_request", "gift_money"], note="therapist asks a client for a loan")
    social(L("t-ben", 1, "15:40"), "linkedin", "connection_accept", "t-ben", "c-209",
           exp=["social_media"], note="therapist accepts a client's connection request")
    msg(L("c-207", 1, "19:10"), "c-207", "t-ben", "practice_sms",
        "hey I have the flu 🤒 can we skip tomorrow? so sorry")
    msg(L("c-205", 2, "08:05"), "c-205", "t-ben", "portal",
        "I'm so sorry, I can't do today. Something came up at work and I can't get out of it")
    msg(L("t-ben", 2, "12:05"), "t-ben", "c-207", "practice_sms",
        "Feel better! No fee for illness. I've cancelled tonight's session; same time next week?")
    appt(L("t-ben", 2, "12:06"), "cancelled", "t-ben", "c-207", L("t-ben", 2, "19:00"), 50, *TELE)
    msg(L("c-207", 2, "12:30"), "c-207", "t-ben", "practice_sms", "yes please. thanks")
    msg(L("t-ben", 2, "12:10"), "t-ben", "c-205", "portal",
        "Thanks for letting me know. Since it's under 24 hours the late-cancel fee applies; if that's a hardship, tell me and we'll sort it out. Same time next week?")
    appt(L("t-ben", 2, "12:12"), "cancelled", "t-ben", "c-205", L("t-ben", 2, "15:00"), 50, *TELE)
    social(L("c-206", 2, "12:30"), "facebook", "friend_request", "c-206", "t-ben",
           exp=["social_media"], note="client friend request: context only (low)", client=True)
    msg(L("t-ben", 2, "13:10"), "t-ben", "c-206", "portal",
        "Hi! I saw your friend request come through. I'm not able to connect on social media with clients; it protects your privacy and keeps our work focused. Glad to talk about it Saturday.",
        neg="declines social media (principle 5)")
    msg(L("c-206", 2, "13:45"), "c-206", "t-ben", "portal", "oh totally, sorry! makes sense")
    pay(L("c-205", 2, "18:30"), "c-205", "t-ben", "fee", 75, "late cancellation (under 24 hours)",
        neg="fee, not gift_money")
    msg(L("t-ben", 2, "19:30"), "t-ben", "c-205", "personal_email",
        "Sending from my personal gmail, the portal was being slow. Loved your playlist rec btw, we have the exact same taste lol. "
        "Have you been to the Blue Door on 5th? We should catch a show there sometime",
        exp=["personal_channel", "personal_content"], note="personal e-mail + invitation to meet socially")
    msg(L("c-203", 2, "20:40"), "c-203", "t-ben", "practice_sms",
        "ok don't say no right away 😂 I got you two tickets to the symphony on the 14th as a thank you. it's already paid for!!",
        exp=["gift_money"], note="client announces a gift: context only", client=True)
    pay(L("c-203", 3, "09:00"), "c-203", "t-ben", "gift", 120, "concert tickets (symphony, 3/14)",
        exp=["gift_money"], note="gift over USD 25")
    msg(L("t-ben", 3, "09:20"), "t-ben", "c-203", "practice_sms",
        "Wow, thank you!! I haven't been to the symphony in years, my wife is going to love this 😊",
        exp=["gift_money", "personal_content"], note="accepts the gift + self-disclosure")
    msg(L("t-ben", 3, "11:15"), "t-ben", "c-201", "practice_sms",
        "Booked us at the Anchor for next Thursday after work, way more relaxed than the office 🍺",
        exp=["personal_content"], also=["outside_setting"], note="invites the client to a bar")
    appt(L("t-ben", 3, "11:16"), "created", "t-ben", "c-201", L("t-ben", 10, "17:30"), 50,
         "other", "The Anchor Tap Room", "Atlantic Ave", exp=["outside_setting", "off_hours"],
         also=["pattern"], note="session at a bar, Thu 17:30 EDT (hours end 16:00); after DST")
    msg(L("t-ben", 3, "14:40"), "t-ben", "c-202", "portal",
        "Hey, about what I said on Tuesday about my divorce, could you keep that between us? Probably shouldn't have brought it up 😬",
        exp=["non_therapeutic_request", "personal_content"], note="secrecy request + self-disclosure")
    appt(L("t-ben", 3, "14:00"), "created", "t-ben", "c-210", L("t-ben", 8, "09:00"), 60,
         *office("t-ben"), service="intake")
    msg(L("t-ben", 3, "14:05"), "t-ben", "c-210", "practice_email",
        "Welcome! Your intake is booked for Tuesday 3/10 at 9:00 am at our Lexington Ave office. The intake forms are in the portal and take about 20 minutes.")
    msg(L("c-210", 3, "18:20"), "c-210", "t-ben", "practice_email",
        "Thank you, forms are done. Is there anything else I should bring?")
    social(L("c-203", 3, "21:00"), "instagram", "follow", "c-203", "t-ben",
           exp=["social_media"], note="client follows therapist: context only", client=True)
    msg(L("c-204", 4, "16:20"), "c-204", "t-ben", "portal",
        "does the time change this weekend mess up our thursday time? Arizona doesn't do it lol")
    msg(L("t-ben", 5, "10:40"), "t-ben", "c-204", "portal",
        "Good catch! From next week your Thursday session is at 10:00 am your time (still 1:00 pm here).",
        note="DST: Phoenix stays -07:00, New York moves to -04:00")
    msg(L("t-ben", 5, "10:45"), "t-ben", "c-210", "practice_email",
        "Just your insurance card and a photo ID. See you Tuesday!")
    msg(L("t-ben", 5, "18:40"), "t-ben", "c-201", "personal_phone",
        exp=["personal_channel", "off_hours", "pattern"],
        note="call from the personal phone on Saturday evening; 3rd+ flag for t-ben/c-201")

    # ---------------- t-cruz (America/Los_Angeles, default hours) ----------------
    msg(L("c-301", 0, "08:30"), "c-301", "t-cruz", "portal",
        "Can we move Tuesday to Saturday morning? I can't get off work this week at all")
    msg(L("t-cruz", 0, "10:05"), "t-cruz", "c-301", "portal",
        "I can do Saturday at 10 at the office this once. I'll send the update.")
    appt(L("t-cruz", 0, "10:06"), "updated", "t-cruz", "c-301", L("t-cruz", 5, "10:00"), 50,
         *office("t-cruz"), exp=["off_hours"], note="Saturday session; t-cruz has default hours Mon-Fri")
    msg(L("t-cruz", 0, "10:00"), "t-cruz", "c-308", "practice_email",
        "Hi, your final statement is in the portal. The balance is $0, so nothing is due; it's just for your records. Let me know if you'd like a referral list.",
        neg="former client (terminated 2025-12-19), billing/referral: not post_termination")
    msg(L("c-302", 0, "10:40"), "c-302", "t-cruz", "practice_sms",
        "my car's in the shop all week 😩 any chance you could come to me wednesday?")
    msg(L("t-cruz", 0, "11:30"), "t-cruz", "c-302", "practice_sms",
        "Sure, I'll come by your place Wednesday at 11.")
    appt(L("t-cruz", 0, "11:32"), "updated", "t-cruz", "c-302", L("t-cruz", 2, "11:00"), 50,
         "client_home", "client's apartment", exp=["outside_setting"],
         note="home visit without an extension")
    appt(L("t-cruz", 0, "14:10"), "created", "t-cruz", "c-306", L("t-cruz", 2, "12:00"), 50,
         "community", "Sunny Side Café", "Lincoln Blvd", exp=["outside_setting"],
         note="session booked at a café (cancelled later)")
    appt(L("t-cruz", 0, "16:30"), "cancelled", "t-cruz", "c-306", L("t-cruz", 2, "12:00"), 50,
         "community", "Sunny Side Café", "Lincoln Blvd", neg="cancelled café booking: no outside_setting")
    appt(L("t-cruz", 0, "16:32"), "created", "t-cruz", "c-306", L("t-cruz", 2, "12:00"), 50,
         *office("t-cruz"))
    msg(L("t-cruz", 0, "16:35"), "t-cruz", "c-306", "portal",
        "On second thought, let's keep Wednesday at the Elm Court office like usual. Same time.")
    msg(L("c-306", 0, "17:02"), "c-306", "t-cruz", "portal", "sounds good!")
    msg(L("t-cruz", 1, "09:40"), "t-cruz", "c-302", "practice_sms",
        "If you're still up for it, the yard cleanup for two sessions deal works for me. This weekend?",
        exp=["non_therapeutic_request", "gift_money"], note="barter for therapist's personal benefit")
    msg(L("c-302", 1, "10:05"), "c-302", "t-cruz", "practice_sms", "yes! saturday morning works")
    msg(L("c-304", 1, "13:20"), "c-304", "t-cruz", "portal",
        "this week has been really dark. not going to do anything but wanted you to know")
    msg(L("t-cruz", 1, "14:00"), "t-cruz", "c-304", "portal",
        "Thank you for telling me. If you feel unsafe tonight call or text 988, or go to the nearest ER. "
        "During the day you can also reach the office at 213-555-0100. I'll see you Monday.",
        neg="crisis line + practice number: not personal_channel; crisis text not personal_content")
    social(L("t-cruz", 1, "21:10"), "instagram", "like", "t-cruz", "c-304",
           exp=["social_media"], also=["off_hours"], note="therapist likes a client's post")
    msg(L("t-cruz", 2, "09:30"), "t-cruz", "c-304", "social_dm",
        "hey!! saw your hiking pics from Moab, so jealous 😍 that arch shot 🔥", platform="instagram",
        exp=["social_media", "personal_content"], also=["pattern"], note="DM on Instagram, shows viewing the client's posts")
    appt(L("t-cruz", 2, "13:10"), "created", "t-cruz", "c-310", L("t-cruz", 7, "13:00"), 60,
         *TELE, service="intake")
    msg(L("t-cruz", 2, "13:12"), "t-cruz", "c-310", "practice_email",
        "Welcome to the practice! Your intake is Monday 3/9 at 2:00 pm your time by video. The link and forms are in the portal.")
    msg(L("c-309", 2, "13:30"), "c-309", "t-cruz", "portal",
        "would it be weird to do friday's session as a walk? I think better when I'm moving")
    appt(L("t-cruz", 2, "14:30"), "updated", "t-cruz", "c-309", L("t-cruz", 4, "10:00"), 50,
         "community", "Lakeside Park, north pavilion", exp=["outside_setting"],
         note="walk-and-talk in a park, no extension")
    msg(L("t-cruz", 2, "14:32"), "t-cruz", "c-309", "portal",
        "Not weird! Let's meet at the north pavilion at Lakeside Park, Friday at 10.")
    msg(L("t-cruz", 3, "15:05"), "t-cruz", "c-303", "practice_sms",
        "You can also text me on my cell, 323-555-0147. I check it way more than the portal",
        exp=["personal_channel"], note="moves the conversation to the therapist's cell")
    pay(L("t-cruz", 3, "16:00"), "t-cruz", "c-307", "gift", 50, "birthday gift card",
        exp=["gift_money"], note="therapist gives a client a gift over USD 25")
    msg(L("t-cruz", 3, "16:02"), "t-cruz", "c-307", "portal",
        "Happy birthday!! 🎂 Sent you a little something, treat yourself",
        exp=["gift_money", "personal_content"])
    pay(L("c-302", 3, "17:00"), "c-302", "t-cruz", "barter", 200,
        "yard cleanup in exchange for two sessions", exp=["gift_money"], note="barter")
    msg(L("t-cruz", 4, "15:00"), "t-cruz", "c-306", "portal",
        "You do graphic design, right? My sister's bakery really needs a new logo. I'd pay you of course, just wanted to ask you first",
        exp=["non_therapeutic_request"], note="asks the client for business")
    msg(L("t-cruz", 4, "17:40"), "t-cruz", "c-301", "practice_email",
        "Thanks for the card you left at the front desk. Honestly, I always look forward to our sessions. You make my week 💕",
        exp=["romantic_sexual", "personal_content"], note="romantic hint")
    pay(L("c-301", 5, "10:55"), "c-301", "t-cruz", "gift", 10, "coffee card, thanks for doing Saturday",
        neg="small gift under the USD 25 threshold")
    social(L("c-301", 5, "13:00"), "instagram", "tag", "c-301", "t-cruz",
           exp=["social_media"], note="client tags therapist in a post: context only", client=True)
    msg(L("t-cruz", 6, "22:05"), "t-cruz", "c-308", "personal_sms",
        "I know it's only been a few months, and I shouldn't. But I still think about you. Now that we're not working together, maybe dinner sometime?",
        exp=["post_termination", "romantic_sexual", "personal_channel", "off_hours"],
        note="former client, terminated 2025-12-19; Sunday after DST (-07:00)")


# --------------------------------------------------------------------------------------------
# Routine week: bookings, reminders, confirmations, telehealth chat, homework, payments,
# conversation threads, phone calls.
# --------------------------------------------------------------------------------------------


class Deck:
    """Draws from a pool without repeats until it is used up, then reshuffles."""

    def __init__(self, rng, items):
        self.rng, self.items, self.left = rng, list(items), []

    def draw(self):
        if not self.left:
            self.left = list(self.items)
            self.rng.shuffle(self.left)
        return self.left.pop()


def where_text(rng, kind, tid):
    return rng.choice(WHERE[kind]).format(office=OFFICE[tid])


def reminder(rng, tid, cid, start, kind):
    tmpl = DECKS["rem"].draw()
    same_zone = zone_of(tid).key == zone_of(cid).key
    return tmpl.format(
        day=DAY_NAMES[start.astimezone(zone_of(cid)).weekday()],
        time=clock(start, cid), yt="" if same_zone else " your time",
        where=where_text(rng, kind, tid), extra=rng.choice(EXTRA[kind]))


def prev_workday_time(rng, tid, cid, start):
    """A random time on the therapist's last working day before `start`, inside hours and
    outside the client's quiet hours; None if that falls before the week."""
    d = start.astimezone(zone_of(tid)).date() - timedelta(days=1)
    while d >= WEEK_START:
        ranges = [parse_range(r) for r in hours_of(tid).get(DAYS[d.weekday()], [])]
        if ranges:
            s, e = rng.choice(ranges)
            for _ in range(50):
                m = rng.randrange(s, e - 15, 5)
                t = local(tid, d, f"{m // 60:02d}:{m % 60:02d}")
                if in_client_day(cid, t) and in_hours(tid, t, margin=10) and not busy(tid, t):
                    return t
        d -= timedelta(days=1)
    return None


DECKS = {}


def routine(rng):
    DECKS.update(rem=Deck(rng, REMINDERS), conf=Deck(rng, CONFIRMS), tc=Deck(rng, TELE_CLIENT),
                 tt=Deck(rng, TELE_THERAPIST), after=Deck(rng, AFTER_SESSION),
                 reply=Deck(rng, AFTER_REPLY))
    for s in SESSIONS:
        cid = s["c"]
        tid = CL[cid]["therapist"]
        minutes = s.get("minutes", 50)
        service = s.get("service", "individual_therapy")
        start = local(tid, s["day"], s["at"])
        end = mins(start, minutes)
        kind, _name = s.get("now", s["usual"])
        held = s.get("status", "held") == "held"

        if not s.get("no_reminder") and held and kind in ("office", "telehealth"):
            rt = prev_workday_time(rng, tid, cid, start)
            if rt:
                msg(rt, tid, cid, "practice_sms", reminder(rng, tid, cid, start, kind),
                    routine=True)
                if rng.random() < 0.72:
                    ct = mins(rt, rng.randint(2, 140))
                    msg(ct, cid, tid, "practice_sms", DECKS["conf"].draw().format(
                        day=DAY_NAMES[start.astimezone(zone_of(cid)).weekday()]))
        if not held:
            continue

        if kind == "telehealth" and rng.random() < 0.7:
            ct = mins(start, -rng.randint(1, 4))
            msg(ct, cid, tid, "telehealth_chat", DECKS["tc"].draw())
            if rng.random() < 0.6:
                msg(mins(start, rng.randint(0, 1)), tid, cid, "telehealth_chat",
                    DECKS["tt"].draw(), routine=True)

        # the standing booking for next week, made at the end of the session
        nday = s.get("next_day", s["day"]) + 7
        nat = s.get("next_at", s["at"])
        uk, un = s["usual"]
        covered = uk == "client_home"
        appt(mins(end, rng.randint(2, 9)), "created", tid, cid, local(tid, nday, nat), minutes,
             uk, un, service=service,
             exp=["outside_setting"] if covered else None,
             note="home visit covered by bx-2 -> SUPPRESSED (allow)" if covered else None,
             routine=not covered)

        if cid in PAYS:
            k, v = PAYS[cid]
            pt = mins(end, rng.randint(3, 45))
            label = "copay" if k == "copay" else "session fee"
            pay(pt, cid, tid, k, v,
                f"{label} {start.astimezone(zone_of(tid)).month}/{start.astimezone(zone_of(tid)).day}"
                + (" couples session" if service == "couples_therapy" else ""))
            if cid == "c-304":
                pay(mins(pt, 1), cid, tid, "tip", 40, "tip, thank you!",
                    exp=["gift_money"], note="tip from a client")

        if not s.get("no_followup") and rng.random() < 0.68:
            ft = mins(end, rng.randint(8, 90))
            if in_hours(tid, ft, margin=10) and in_client_day(cid, ft) and not busy(tid, ft):
                text = DECKS["after"].draw()
                ch = rng.choice(["portal", "portal", "practice_email", "practice_sms"])
                msg(ft, tid, cid, ch, text, routine=True)
                if rng.random() < 0.4:
                    msg(mins(ft, rng.randint(5, 200)), cid, tid, ch, DECKS["reply"].draw())

    # reminders for next Monday's sessions (sent on the therapist's last working day)
    for s in NEXT_MONDAY:
        cid = s["c"]
        tid = CL[cid]["therapist"]
        uk, _ = s["usual"]
        if uk not in ("office", "telehealth"):
            continue
        start = local(tid, 7, s["at"])
        rt = prev_workday_time(rng, tid, cid, start)
        msg(rt, tid, cid, "practice_sms", reminder(rng, tid, cid, start, uk), routine=True)
        if rng.random() < 0.6:
            msg(mins(rt, rng.randint(4, 180)), cid, tid, "practice_sms",
                DECKS["conf"].draw().format(day="Monday"))


def threads(rng):
    active = [c["id"] for c in CLIENTS if c["status"] == "active" and c["id"] not in ("c-210", "c-310")]
    pool = list(range(len(THREADS)))
    kinds = {}
    for s in SESSIONS:
        kinds.setdefault(s["c"], s["usual"][0])
    assigned = []
    for cid in active:
        n = rng.choice([2, 2, 2, 3, 3])
        for _ in range(n):
            assigned.append(cid)
    rng.shuffle(assigned)
    taken, uses = {}, {}
    for cid in assigned:
        tid = CL[cid]["therapist"]
        cands = [i for i in pool
                 if i not in taken.get(cid, set())
                 and THREADS[i].get("only", tid) == tid
                 and THREADS[i].get("need", kinds.get(cid)) == kinds.get(cid)]
        if not cands:
            continue
        least = min(uses.get(i, 0) for i in cands)
        i = rng.choice([i for i in cands if uses.get(i, 0) == least])
        uses[i] = uses.get(i, 0) + 1
        taken.setdefault(cid, set()).add(i)
        th = THREADS[i]
        for _attempt in range(40):
            day = rng.randrange(0, 5)
            h = rng.randint(8, 19)
            base = local(cid, day, f"{h:02d}:{rng.choice([0, 5, 10, 20, 25, 35, 40, 50, 55])}")
            if th.get("late"):
                base = local(cid, day, f"{rng.choice([22, 23])}:{rng.choice([5, 20, 40])}")
            elif th.get("eve"):
                base = local(cid, day, f"{rng.randint(17, 20)}:{rng.choice([2, 15, 33, 48])}")
            elif th["m"][0][0] == "t" or rng.random() < 0.8:
                base = next_ok(tid, cid, base)
            if not (th.get("late") or th.get("eve")) and not in_client_day(cid, base):
                continue
            times, t, ok = [], base, True
            for k, (who, *_rest) in enumerate(th["m"]):
                if k:
                    t = mins(t, rng.randint(3, 140) if who == "c" else rng.randint(6, 180))
                    if who == "t":
                        t = next_ok(tid, cid, mins(next_ok(tid, cid, t), rng.randint(0, 25)))
                times.append(t)
            if times[-1] > WEEK_END_UTC:
                ok = False
            if ok:
                break
        else:
            continue  # no slot inside the week: drop this thread
        for (who, text, *ch), t in zip(th["m"], times):
            pid, other = (cid, tid) if who == "c" else (tid, cid)
            if text is not None:
                text = text.format(day=day_word(cid, t), phone=PRACTICE_PHONE[tid])
            msg(t, pid, other, ch[0] if ch else th["ch"], text, routine=(who == "t"))

    # short phone calls (no text)
    for _ in range(PHONE_CALLS_T):
        cid = rng.choice(active)
        tid = CL[cid]["therapist"]
        t = next_ok(tid, cid, local(tid, rng.randrange(0, 5), f"{rng.randint(9, 15):02d}:{rng.choice([0, 15, 30, 45])}"))
        if t <= WEEK_END_UTC:
            msg(t, tid, cid, "practice_phone", routine=True)
    for _ in range(PHONE_CALLS_C):
        cid = rng.choice(active)
        tid = CL[cid]["therapist"]
        t = next_ok(tid, cid, local(cid, rng.randrange(0, 5), f"{rng.randint(9, 16):02d}:{rng.choice([5, 20, 35, 50])}"))
        if t <= WEEK_END_UTC:
            msg(t, cid, tid, "practice_phone")


# --------------------------------------------------------------------------------------------
# Build, check, write
# --------------------------------------------------------------------------------------------

CHANNELS = {"portal", "practice_sms", "practice_email", "practice_phone", "telehealth_chat",
            "personal_sms", "personal_email", "personal_phone", "social_dm", "other"}
APPT_ACTIONS = {"created", "updated", "cancelled"}
LOC_KINDS = {"office", "telehealth", "client_home", "community", "other"}
SOCIAL_ACTIONS = {"follow", "friend_request", "connection_accept", "message", "like", "comment",
                  "tag", "profile_view"}
PAY_KINDS = {"fee", "copay", "refund", "gift", "loan", "barter", "tip", "other"}


def is_off(ev):
    """Facts the generator knows: for a therapist message, is it outside the therapist's hours
    or inside the client's quiet hours; for a live appointment, is the session outside hours."""
    o = ev["obj"]
    if o["type"] == "message" and o["from"]["role"] == "therapist":
        return not in_hours(o["from"]["id"], ev["when"]) or not in_client_day(o["to"]["id"], ev["when"])
    if o["type"] == "appointment" and o["action"] != "cancelled":
        s = datetime.fromisoformat(o["start"])
        e = datetime.fromisoformat(o["end"])
        return not in_hours(o["therapist"], s, e)
    return None


def check(events, roster):
    known = {r["id"] for r in roster}
    ids = set()
    for r in roster:
        assert r["id"] not in ids, r["id"]
        ids.add(r["id"])
    last = None
    for ev in events:
        o = ev["obj"]
        assert o["id"] not in ids, o["id"]
        ids.add(o["id"])
        assert last is None or ev["when"] >= last, o["id"]
        last = ev["when"]
        assert WEEK_START_UTC <= ev["when"] <= WEEK_END_UTC, o["id"]
        if o["type"] == "message":
            assert o["channel"] in CHANNELS
            assert ("platform" in o) == (o["channel"] == "social_dm")
            parties = (o["from"]["id"], o["to"]["id"])
            assert {o["from"]["role"], o["to"]["role"]} == {"therapist", "client"}
            assert (o["channel"] == "practice_phone" or o["channel"] == "personal_phone") or o.get("text")
        elif o["type"] == "appointment":
            assert o["action"] in APPT_ACTIONS and o["location"]["kind"] in LOC_KINDS
            assert datetime.fromisoformat(o["end"]) > datetime.fromisoformat(o["start"])
            parties = (o["therapist"], o["client"])
        elif o["type"] == "social":
            assert o["action"] in SOCIAL_ACTIONS
            parties = (o["actor"]["id"], o["target"]["id"])
        elif o["type"] == "payment":
            assert o["kind"] in PAY_KINDS and isinstance(o["amount"]["value"], (int, float))
            parties = (o["from"]["id"], o["to"]["id"])
        for p in parties:
            assert p in known, (o["id"], p)
        a, b = parties
        assert therapist_of(a) == therapist_of(b), o["id"]
        # the sender's local offset is used for every timestamp
        for k in ("at", "start", "end"):
            if k in o:
                dt = datetime.fromisoformat(o[k])
                assert dt.utcoffset() is not None
        # routine events must not trip hours/setting rules by accident
        off = is_off(ev)
        if ev["routine"]:
            assert off is False or off is None, ("routine event is off hours", o)
            if o["type"] == "message" and o["channel"] != "telehealth_chat":
                assert not busy(o["from"]["id"], ev["when"]), ("message during a session", o)
            if o["type"] == "appointment":
                assert o["location"]["kind"] in ("office", "telehealth"), o
        if off is not None:
            if "off_hours" in ev["exp"]:
                assert off, ("expected off_hours but in hours", o)
            else:
                assert not off, ("unintended off-hours therapist message/appointment", o)


def build():
    rng = random.Random(SEED)
    EVENTS.clear()
    scenarios()
    routine(rng)
    threads(rng)
    EVENTS.sort(key=lambda e: (e["when"].astimezone(timezone.utc), e["seq"]))
    counters = {}
    for ev in EVENTS:
        k = ev["kind"]
        counters[k] = counters.get(k, 0) + 1
        obj = {"type": ev["obj"]["type"], "id": f"{k}-{counters[k]:04d}"}
        obj.update({k2: v for k2, v in ev["obj"].items() if k2 != "type"})
        ev["obj"] = obj
    roster = THERAPISTS + CLIENTS + EXTENSIONS
    check(EVENTS, roster)
    return roster, EVENTS


def expectations(events):
    rows = []
    for ev in events:
        o = ev["obj"]
        if ev["client"]:
            kind = "client-context"
        elif ev["exp"]:
            kind = "flag"
        else:
            kind = "hard-negative"
        also = list(ev["also"])
        if (o["type"] == "message" and o["from"]["role"] == "client"
                and not in_hours(o["to"]["id"], ev["when"])):
            also.append("off_hours")
            ev["client"] = True
            if not ev["note"]:
                ev["note"] = "client writes outside the therapist's hours: context only"
        if ev["exp"] or ev["neg"] or ev["note"]:
            who = o.get("from", o.get("actor", {})).get("id", o.get("therapist"))
            if not ev["exp"] and not ev["neg"]:
                kind = "client-context" if ev["client"] else "note"
            rows.append((o["id"], kind, who,
                         ",".join(ev["exp"]), ",".join(also),
                         ev["neg"] or "", ev["note"] or ""))
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = Path(__file__).resolve().parent.parent
    ap.add_argument("-o", "--output", default=str(here / "sdk/examples/demo/practice-week.jsonl"))
    ap.add_argument("--expect", action="store_true",
                    help="print the intended findings (flags, client context, hard negatives)")
    args = ap.parse_args(argv)
    roster, events = build()
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in roster]
    lines += [json.dumps(e["obj"], ensure_ascii=False, separators=(",", ":")) for e in events]
    data = "\n".join(lines) + "\n"
    if args.output == "-":
        sys.stdout.write(data)
    else:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(data, encoding="utf-8")
        print(f"wrote {args.output}: {len(lines)} lines", file=sys.stderr)
    if args.expect:
        print("id\tkind\tactor\texpected\tpossibly_also\thard_negative\tnote")
        for r in expectations(events):
            print("\t".join(r))


if __name__ == "__main__":
    main()
