"""The words of the symptom checker: urgency levels, findings, checker steps and conditions.

Everything here follows the triage contract (``docs/triage-contract.md``, with this
project's extensions): the level keys and finding codes are fixed there and may be
extended, never renamed or dropped. This module is plain Python with no Django
import, so the engine can be tested and reused on its own.

Every user-facing string is wrapped in :func:`gettext_noop`. Django's ``makemessages``
extracts that name, so the strings land in the translation catalogue; the views (or
the engine's ``translate`` hook) translate them when a result is shown.
"""

from dataclasses import dataclass
from types import MappingProxyType


def gettext_noop(message: str) -> str:
    """Mark ``message`` for translation without translating it (Django's keyword)."""
    return message


# --- Urgency levels -------------------------------------------------------------------

# Most urgent first, as in the contract's table.
LEVELS: tuple[str, ...] = ("emergency", "urgent", "soon", "routine", "self_care")

# Higher rank means more urgent, so levels compare with plain ``<`` and ``max``.
_RANK = MappingProxyType({level: len(LEVELS) - 1 - i for i, level in enumerate(LEVELS)})


def rank(level: str) -> int:
    """Return how urgent ``level`` is: 4 for "emergency" down to 0 for "self_care"."""
    try:
        return _RANK[level]
    except KeyError:
        raise ValueError(f"Unknown urgency level: {level!r}") from None


def most_urgent(levels) -> str:
    """Return the most urgent of ``levels``; "self_care" when there are none."""
    return max(levels, key=rank, default="self_care")


LEVEL_TITLES = MappingProxyType(
    {
        "emergency": gettext_noop("Emergency: get help now"),
        "urgent": gettext_noop("Urgent: see a doctor today"),
        "soon": gettext_noop("Soon: see a doctor in the next 1 to 3 days"),
        "routine": gettext_noop("Routine: book a normal appointment"),
        "self_care": gettext_noop("Self-care: look after yourself at home"),
    }
)

# The short label before a result's title ("Urgent: today"), for a reader who skims.
LEVEL_LABELS = MappingProxyType(
    {
        "emergency": gettext_noop("Emergency"),
        "urgent": gettext_noop("Urgent: today"),
        "soon": gettext_noop("Soon: 1 to 3 days"),
        "routine": gettext_noop("Routine"),
        "self_care": gettext_noop("Self-care"),
    }
)

# What the person is told to do, per the contract's table. ``{emergency_number}`` is
# filled in by the engine from the clinic's settings.
LEVEL_ADVICE = MappingProxyType(
    {
        "emergency": gettext_noop(
            "Call {emergency_number} now or go to the nearest emergency department."
        ),
        "urgent": gettext_noop(
            "Get seen by a doctor today: at urgent care, at a same-day appointment, "
            "or at the emergency department if nothing else is open."
        ),
        "soon": gettext_noop("See a doctor in the next 1 to 3 days."),
        "routine": gettext_noop("Book a normal appointment with your doctor."),
        "self_care": gettext_noop(
            "You can look after yourself at home. The advice below says what would change that."
        ),
    }
)

# Where to go, for results where the place matters as much as the time: some people
# need tests that a family doctor or an urgent care clinic cannot do the same day.
# A rule names one of these keys (``Rule.go_to``); when that rule sets the level, its
# text replaces the level's general advice above. Keys are part of the API (``go_to``).
CARE_SETTINGS = MappingProxyType(
    {
        # Clinical brief, additions: suspected spine infection needs ESR/CRP, blood
        # cultures and an MRI the same day, usually in the emergency department.
        "hospital_same_day": gettext_noop(
            "Go to the emergency department today, or to a hospital same-day service. They "
            "can do blood tests and an MRI scan of your spine the same day. A family doctor "
            "or an urgent care clinic usually cannot, so do not wait for one."
        ),
        # NICE NG111 (consider hospital in pregnancy); clinical brief, additions:
        # maternity triage the same day, and the pregnancy warning signs.
        "maternity": gettext_noop(
            "Call your maternity unit (maternity triage) now and get seen in hospital today. "
            "Go straight away, or call {emergency_number}, if you have contractions, your "
            "waters break, you bleed from your vagina, or your baby is moving less than usual."
        ),
    }
)

# Advice for anyone under 16 at the "urgent" level: the checker is for adults only.
CHILD_ADVICE = gettext_noop(
    "This checker is made for adults. A child or teenager under 16 should be seen by a "
    "doctor today. If they have any of the warning signs, call {emergency_number} now."
)

ADULT_AGE = 16


# --- Findings -------------------------------------------------------------------------

FINDING_KINDS = ("emergency", "symptom", "background")

RED_FLAGS_TOPIC = "red_flags"
ABOUT_YOU_TOPIC = "about_you"
CHILD_SIGNS_TOPIC = "child_signs"


@dataclass(frozen=True)
class Finding:
    """One yes/no answer the checker asks about.

    ``question`` is what the form asks; ``hint`` is optional help text under it.
    ``said`` completes "Because you said ...". ``kind`` is "emergency" (on its own it
    means emergency), "symptom" or "background" (a risk that can only push a result
    up). ``implies`` lists findings that a "yes" here also means (severe back pain is
    back pain), so the rules need not repeat every wording of the same fact.
    """

    code: str
    question: str
    said: str
    kind: str
    topic: str
    hint: str = ""
    implies: tuple[str, ...] = ()


def _finding(code, topic, kind, question, said, hint="", implies=()):
    return Finding(
        code=code,
        question=question,
        said=said,
        kind=kind,
        topic=topic,
        hint=hint,
        implies=tuple(implies),
    )


_FINDING_LIST = (
    # About you ---------------------------------------------------------------------
    _finding(
        "pregnant",
        ABOUT_YOU_TOPIC,
        "background",
        gettext_noop("Are you pregnant, or did you have a baby in the last 6 weeks?"),
        gettext_noop("you are pregnant or had a baby in the last 6 weeks"),
    ),
    # Red flags: any one of these on its own means "emergency" ----------------------
    _finding(
        "confusion",
        RED_FLAGS_TOPIC,
        "emergency",
        gettext_noop(
            "Are you newly confused or very sleepy, hard to wake, or is your speech slurred?"
        ),
        gettext_noop("you are newly confused, very sleepy or hard to wake"),
        gettext_noop("Someone with you may notice this before you do."),
    ),
    _finding(
        "seizure",
        RED_FLAGS_TOPIC,
        "emergency",
        gettext_noop("Have you had a fit (a seizure)?"),
        gettext_noop("you had a fit"),
        gettext_noop("A fit is when the body goes stiff or shakes and the person cannot respond."),
    ),
    _finding(
        "breathless",
        RED_FLAGS_TOPIC,
        "emergency",
        gettext_noop(
            "Are you breathing very fast, or so out of breath that you cannot finish a sentence?"
        ),
        gettext_noop("you are breathing very fast or are very out of breath"),
    ),
    _finding(
        "racing_heart",
        RED_FLAGS_TOPIC,
        "emergency",
        gettext_noop("Is your heart beating very fast while you are resting?"),
        gettext_noop("your heart is racing while you rest"),
    ),
    _finding(
        "fainting",
        RED_FLAGS_TOPIC,
        "emergency",
        gettext_noop("Have you fainted or collapsed, or do you feel very dizzy when you stand up?"),
        gettext_noop("you fainted, collapsed, or feel very dizzy when you stand up"),
    ),
    _finding(
        "mottled_skin",
        RED_FLAGS_TOPIC,
        "emergency",
        gettext_noop("Is your skin, lips or tongue blue, grey, blotchy or very pale?"),
        gettext_noop("your skin or lips are blue, grey, blotchy or very pale"),
        gettext_noop(
            "On brown or black skin this can be easier to see on the lips, tongue, gums, "
            "palms or soles of the feet."
        ),
    ),
    _finding(
        "non_blanching_rash",
        RED_FLAGS_TOPIC,
        "emergency",
        gettext_noop("Do you have a rash that does not fade when you press a glass on it?"),
        gettext_noop("you have a rash that does not fade under a glass"),
        gettext_noop(
            "Press the side of a clear glass on the rash. If you can still see the spots "
            "through the glass, answer yes. Do not wait for a rash before getting help."
        ),
    ),
    _finding(
        "no_urine",
        RED_FLAGS_TOPIC,
        "emergency",
        gettext_noop("Have you gone all day without peeing (about 12 hours or more)?"),
        gettext_noop("you have not peed all day"),
    ),
    _finding(
        "feels_very_unwell",
        RED_FLAGS_TOPIC,
        "emergency",
        gettext_noop("Do you feel extremely ill, as if something is badly wrong?"),
        gettext_noop("you feel extremely ill"),
        gettext_noop('Some people say "I feel like I might die".'),
    ),
    _finding(
        "shivering_or_chills",
        RED_FLAGS_TOPIC,
        "emergency",
        gettext_noop("Do you have shivering or shaking that will not stop?"),
        gettext_noop("you have shivering or shaking that will not stop"),
    ),
    # The UK Sepsis Trust's "E": extreme shivering or muscle pain. All over the body,
    # so that a sore back on its own is not mistaken for it.
    _finding(
        "extreme_muscle_pain",
        RED_FLAGS_TOPIC,
        "emergency",
        gettext_noop("Do you have extreme pain in your muscles, all over your body?"),
        gettext_noop("you have extreme pain in your muscles all over your body"),
        gettext_noop("Not only in your back: in your arms, legs and body too."),
    ),
    _finding(
        "limb_weakness",
        RED_FLAGS_TOPIC,
        "emergency",
        gettext_noop("Do you have new weakness in one or both of your legs or arms?"),
        gettext_noop("you have new weakness in your legs or arms"),
        gettext_noop("For example, a leg gives way, or you cannot lift your foot or grip well."),
    ),
    _finding(
        "both_legs",
        RED_FLAGS_TOPIC,
        "emergency",
        gettext_noop(
            "Do you have new numbness, tingling, weakness or shooting pain in both of your legs?"
        ),
        gettext_noop("you have new numbness, tingling, weakness or shooting pain in both legs"),
        gettext_noop(
            "Shooting pain from your back or bottom down a leg is called sciatica. Answer yes "
            "if you have it in both legs."
        ),
    ),
    _finding(
        "saddle_numbness",
        RED_FLAGS_TOPIC,
        "emergency",
        gettext_noop(
            "Is there numbness around your bottom, your genitals, or the inside of your thighs?"
        ),
        gettext_noop("you have numbness around your bottom, genitals or inner thighs"),
        gettext_noop("For example, it feels different when you wipe after using the toilet."),
    ),
    _finding(
        "new_sexual_problem",
        RED_FLAGS_TOPIC,
        "emergency",
        gettext_noop("Have you lost feeling in your genitals, or do they not work as usual?"),
        gettext_noop("you have lost feeling in your genitals, or they do not work as usual"),
        gettext_noop(
            "For example, you cannot feel anything during sex, or you cannot get an erection. "
            "Answer yes only if this is new."
        ),
    ),
    _finding(
        "bladder_bowel_change",
        RED_FLAGS_TOPIC,
        "emergency",
        gettext_noop(
            "Do you have new trouble peeing, or have you lost control of your bladder or bowels?"
        ),
        gettext_noop("you have new trouble peeing, or cannot control your bladder or bowels"),
        gettext_noop(
            "This includes not being able to start or stop peeing, or leaking pee or poo."
        ),
    ),
    # Signs in children, asked only when the age is under 16: any one means "emergency"
    # (clinical brief, additions: NHS sepsis and meningitis pages; NICE NG143). The
    # others it lists (a fit, bluish or blotchy skin, no wee, a rash) are on the
    # warning-signs screen that everyone sees.
    _finding(
        "floppy_or_bulging_soft_spot",
        CHILD_SIGNS_TOPIC,
        "emergency",
        gettext_noop(
            "Is your child floppy, or is the soft spot on the top of your baby's head bulging?"
        ),
        gettext_noop("your child is floppy, or your baby's soft spot is bulging"),
        gettext_noop(
            "Floppy means limp, like a rag doll. The soft spot is the soft part on top of a "
            "baby's head."
        ),
    ),
    # Fever and sweats --------------------------------------------------------------
    _finding(
        "fever",
        "fever",
        "symptom",
        gettext_noop("Do you have a fever, or do you feel hot and shivery?"),
        gettext_noop("you have a fever"),
        gettext_noop("A fever is a temperature of 38 °C (100.4 °F) or higher."),
    ),
    _finding(
        "low_temperature",
        "fever",
        "symptom",
        gettext_noop(
            "Is your temperature under 36 °C (96.8 °F), or do you feel very cold while you are ill?"
        ),
        gettext_noop("your temperature is low or you feel very cold"),
        gettext_noop("Some people with a serious infection get cold instead of hot."),
    ),
    _finding(
        "night_sweats",
        "fever",
        "symptom",
        gettext_noop("Do you wake up soaked in sweat at night?"),
        gettext_noop("you have soaking sweats at night"),
        gettext_noop("So wet that you need to change your clothes or sheets."),
    ),
    _finding(
        "struggling_day_to_day",
        "fever",
        "symptom",
        gettext_noop(
            "Have you suddenly become much less able to look after yourself, like getting up, "
            "washing or dressing?"
        ),
        gettext_noop("you have suddenly become much less able to look after yourself"),
        gettext_noop("Someone who knows you may notice this before you do."),
    ),
    # Your back ---------------------------------------------------------------------
    _finding(
        "back_pain",
        "back",
        "symptom",
        gettext_noop("Do you have pain anywhere in your back?"),
        gettext_noop("you have back pain"),
    ),
    # Asked with back pain, not behind it: a spine infection in the neck, or a squeezed
    # nerve, can come without any pain in the back (clinical brief: back or neck pain).
    _finding(
        "neck_pain",
        "back",
        "symptom",
        gettext_noop("Do you have pain in your neck?"),
        gettext_noop("you have neck pain"),
        gettext_noop("Any pain in your neck, not only a stiff neck."),
    ),
    _finding(
        "limb_numbness",
        "back",
        "symptom",
        gettext_noop(
            "Do you have new numbness, tingling, or pins and needles in your legs or arms?"
        ),
        gettext_noop("you have new numbness or tingling in your legs or arms"),
    ),
    _finding(
        "severe_or_worsening_pain",
        "back",
        "symptom",
        gettext_noop(
            "Is your back pain very bad or getting worse, and it does not ease when you rest "
            "or change position?"
        ),
        gettext_noop("your back pain is very bad or getting worse"),
        implies=("back_pain",),
    ),
    _finding(
        "night_pain",
        "back",
        "symptom",
        gettext_noop("Does your back pain wake you up, or is it there all night?"),
        gettext_noop("your back pain wakes you up or lasts all night"),
        implies=("back_pain",),
    ),
    _finding(
        "spine_tenderness",
        "back",
        "symptom",
        gettext_noop(
            "Does your spine hurt a lot when it is touched, or is the skin over it red, "
            "warm or swollen?"
        ),
        gettext_noop("your spine is very sore to touch, or the skin over it is red or warm"),
        implies=("back_pain",),
    ),
    _finding(
        "pain_over_six_weeks",
        "back",
        "symptom",
        gettext_noop("Have you had this back pain for more than 6 weeks?"),
        gettext_noop("your back pain has lasted more than 6 weeks"),
        implies=("back_pain",),
    ),
    _finding(
        "recent_injury",
        "back",
        "symptom",
        gettext_noop("Have you had a fall or an injury to your back?"),
        gettext_noop("you had a fall or an injury to your back"),
    ),
    # Your head and neck ------------------------------------------------------------
    _finding(
        "neck_stiffness",
        "head_neck",
        "symptom",
        gettext_noop("Is your neck stiff, so that you cannot bend your chin down to your chest?"),
        gettext_noop("your neck is stiff"),
    ),
    _finding(
        "light_sensitivity",
        "head_neck",
        "symptom",
        gettext_noop("Does bright light hurt your eyes?"),
        gettext_noop("bright light hurts your eyes"),
    ),
    _finding(
        "severe_headache",
        "head_neck",
        "symptom",
        gettext_noop("Do you have a very bad headache that is not like your usual headaches?"),
        gettext_noop("you have a very bad headache that is not like your usual ones"),
    ),
    # Peeing and your tummy ---------------------------------------------------------
    _finding(
        "flank_pain",
        "urine",
        "symptom",
        gettext_noop("Do you have pain in your side, just below your ribs at the back?"),
        gettext_noop("you have pain in your side below your ribs"),
        gettext_noop("It is usually on one side."),
    ),
    _finding(
        "painful_urination",
        "urine",
        "symptom",
        gettext_noop("Does it hurt or burn when you pee?"),
        gettext_noop("it hurts or burns when you pee"),
    ),
    _finding(
        "urinary_frequency",
        "urine",
        "symptom",
        gettext_noop("Do you need to pee much more often, or more suddenly, than usual?"),
        gettext_noop("you need to pee much more often than usual"),
    ),
    _finding(
        "cloudy_or_bloody_urine",
        "urine",
        "symptom",
        gettext_noop("Is your pee cloudy, smelly, or bloody?"),
        gettext_noop("your pee is cloudy, smelly or bloody"),
    ),
    _finding(
        "vomiting",
        "urine",
        "symptom",
        gettext_noop("Do you feel sick, or have you been sick (thrown up)?"),
        gettext_noop("you feel sick or have been sick"),
    ),
    _finding(
        "cannot_keep_fluids",
        "urine",
        "symptom",
        gettext_noop("Are you being sick so often that you cannot keep drinks down?"),
        gettext_noop("you cannot keep drinks down"),
        implies=("vomiting",),
    ),
    # Your health: background risks that can only push a result up ------------------
    _finding(
        "injects_drugs",
        "health",
        "background",
        gettext_noop("Do you inject drugs?"),
        gettext_noop("you inject drugs"),
        gettext_noop("We ask only because it changes the chance of some infections."),
    ),
    _finding(
        "recent_spinal_procedure",
        "health",
        "background",
        gettext_noop(
            "In the last 3 months, have you had back surgery, an epidural, or an injection "
            "in your back?"
        ),
        gettext_noop("you had back surgery, an epidural or a back injection recently"),
    ),
    _finding(
        "recent_trauma_or_surgery",
        "health",
        "background",
        gettext_noop(
            "In the last 6 weeks, have you had a bad injury, an operation, or a medical procedure?"
        ),
        gettext_noop(
            "you had a bad injury, an operation or a medical procedure in the last 6 weeks"
        ),
        gettext_noop(
            "For example a broken bone, a deep cut or burn, surgery, or a test where a tube "
            "or needle went inside your body."
        ),
    ),
    _finding(
        "recent_infection",
        "health",
        "background",
        gettext_noop("Have you had another infection in the last few weeks?"),
        gettext_noop("you had another infection in the last few weeks"),
        gettext_noop("For example in your skin, a wound, your pee, chest, teeth or blood."),
    ),
    _finding(
        "weakened_immunity",
        "health",
        "background",
        gettext_noop("Do you have diabetes or a weak immune system?"),
        gettext_noop("you have diabetes or a weak immune system"),
        gettext_noop(
            "For example, you take steroid tablets every day, had an organ transplant, "
            "have HIV, or have no spleen."
        ),
    ),
    _finding(
        "kidney_failure_line_or_endocarditis",
        "health",
        "background",
        gettext_noop(
            "Do you have kidney failure, a tube left in a vein, or a past heart valve infection?"
        ),
        gettext_noop(
            "you have kidney failure, a tube left in a vein, or a past heart valve infection"
        ),
        gettext_noop("For example, you have dialysis, or a line or port for medicines."),
    ),
    _finding(
        "recent_chemotherapy",
        "health",
        "background",
        gettext_noop("Have you had chemotherapy in the last 6 weeks?"),
        gettext_noop("you had chemotherapy in the last 6 weeks"),
    ),
    _finding(
        "urinary_catheter",
        "health",
        "background",
        gettext_noop("Do you have a urinary catheter (a tube that drains your pee)?"),
        gettext_noop("you have a urinary catheter"),
    ),
    _finding(
        "history_of_cancer",
        "health",
        "background",
        gettext_noop("Have you ever had cancer?"),
        gettext_noop("you have had cancer"),
    ),
    _finding(
        "unexplained_weight_loss",
        "health",
        "background",
        gettext_noop("Are you losing weight without trying?"),
        gettext_noop("you are losing weight without trying"),
    ),
)

# Ordered as the checker asks them; every contract finding except ``age_years``.
FINDINGS: MappingProxyType = MappingProxyType({f.code: f for f in _FINDING_LIST})

EMERGENCY_FINDINGS: tuple[str, ...] = tuple(c for c, f in FINDINGS.items() if f.kind == "emergency")
BACKGROUND_FINDINGS: tuple[str, ...] = tuple(
    c for c, f in FINDINGS.items() if f.kind == "background"
)


# --- Checker steps --------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    """One step of the checker: a screen of related yes/no questions."""

    key: str
    title: str
    intro: str

    @property
    def findings(self) -> tuple[str, ...]:
        """The finding codes asked on this step, in order."""
        return tuple(code for code, f in FINDINGS.items() if f.topic == self.key)


# The first two screens are special: age and pregnancy, then the emergency signs.
ABOUT_YOU_SCREEN = Topic(
    ABOUT_YOU_TOPIC,
    gettext_noop("About you"),
    gettext_noop("Your age and whether you are pregnant change the advice we give."),
)
RED_FLAGS_SCREEN = Topic(
    RED_FLAGS_TOPIC,
    gettext_noop("Warning signs"),
    gettext_noop("If you have any of these, you need help now. If you are not sure, say so."),
)
# Asked after the warning signs, only when the age is under 16.
CHILD_SIGNS_SCREEN = Topic(
    CHILD_SIGNS_TOPIC,
    gettext_noop("Signs in children"),
    gettext_noop(
        "Babies and children can show a serious illness in other ways. If so, get help now."
    ),
)

# The remaining checker steps, in the order they are asked.
TOPICS: tuple[Topic, ...] = (
    Topic(
        "fever",
        gettext_noop("Fever and sweats"),
        gettext_noop("These questions are about fever, sweating and how you are coping."),
    ),
    Topic(
        "back",
        gettext_noop("Your back and neck"),
        gettext_noop("These questions are about pain in your back or neck, and numbness."),
    ),
    Topic(
        "head_neck",
        gettext_noop("Your head and neck"),
        gettext_noop("These questions are about headache and your neck."),
    ),
    Topic(
        "urine",
        gettext_noop("Peeing and your tummy"),
        gettext_noop("These questions are about peeing and feeling sick."),
    ),
    Topic(
        "health",
        gettext_noop("Your health"),
        gettext_noop("Some health problems make infections more likely, so we ask about them."),
    ),
)

ALL_SCREENS: tuple[Topic, ...] = (ABOUT_YOU_SCREEN, RED_FLAGS_SCREEN, CHILD_SIGNS_SCREEN, *TOPICS)


# --- Conditions -----------------------------------------------------------------------

# Slug -> page title. Every slug has a page at /conditions/<slug>/.
CONDITIONS = MappingProxyType(
    {
        "sepsis": gettext_noop("Sepsis"),
        "spinal-epidural-abscess": gettext_noop("Spinal epidural abscess"),
        "vertebral-osteomyelitis": gettext_noop("Vertebral osteomyelitis"),
        "discitis": gettext_noop("Discitis"),
        "pyelonephritis": gettext_noop("Kidney infection (pyelonephritis)"),
        "cauda-equina-syndrome": gettext_noop("Cauda equina syndrome"),
        "meningitis": gettext_noop("Meningitis"),
        "back-pain-and-fever": gettext_noop("Back pain with fever"),
    }
)


def condition_url(slug: str) -> str:
    """Return the site path of a condition page."""
    return f"/conditions/{slug}/"
