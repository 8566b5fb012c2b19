"""The triage rules, written as data.

Each :class:`Rule` says: when all of ``all_of`` are present, at least one of ``any_of``
is present (if given), and the age fits, the result is at least ``level``. The engine
takes the most urgent matching rule. Rules only ever look at findings that are
PRESENT, never at missing ones, so a new "yes" can only add matching rules and can
never lower the result. That is the checker's main safety property; keep it when
adding rules.

Every rule cites its source in the clinical brief (``docs/clinical-brief.md``, a copy
of ``shared/clinical-brief.md``) or the guideline the brief names. Where the brief did
not settle a point, the source says "judgement call" and why; where guidance was
unclear, the rule takes the safer level.

Rules are grouped by level, most urgent first (``validate_rules`` checks it), and
within a level are ordered most specific first: the order decides which condition
pages are listed first.

The safety-net lines (what would make a result more urgent) live here too, because
they must agree with the rules: a line never promises a level the rules do not give.
"""

import functools
import hashlib
import json
from dataclasses import asdict, dataclass
from types import MappingProxyType

from .vocabulary import CARE_SETTINGS, CONDITIONS, FINDINGS, LEVELS, gettext_noop

# Groups of findings the rules share.
URINARY_SYMPTOMS = ("painful_urination", "urinary_frequency", "cloudy_or_bloody_urine")
KIDNEY_SIGNS = ("flank_pain", *URINARY_SYMPTOMS)
# Background risks that make an infection of the spine more likely (clinical brief:
# spinal epidural abscess risk factors; IDSA 2015 for spread through the blood).
SPINE_INFECTION_RISKS = (
    "injects_drugs",
    "recent_spinal_procedure",
    "recent_infection",
    "weakened_immunity",
    "recent_chemotherapy",
    "urinary_catheter",
    "kidney_failure_line_or_endocarditis",
    "history_of_cancer",
)
# Background facts that make a fever more dangerous (NICE NG253 moderate-to-high risk).
FEVER_RISKS = (
    "weakened_immunity",
    "recent_spinal_procedure",
    "recent_infection",
    "injects_drugs",
    "urinary_catheter",
    "recent_injury",
    "recent_trauma_or_surgery",
    "kidney_failure_line_or_endocarditis",
)
# Signs of an infection in the body's temperature: hot, or (NICE NG253) under 36 °C.
TEMPERATURE_SIGNS = ("fever", "low_temperature")
# Nerve signs that mean an abscess may be pressing on the spinal cord or its nerves.
NERVE_SIGNS = (
    "limb_weakness",
    "limb_numbness",
    "both_legs",
    "saddle_numbness",
    "bladder_bowel_change",
)
BACK_PAIN_FINDINGS = (
    "back_pain",
    "severe_or_worsening_pain",
    "night_pain",
    "spine_tenderness",
    "pain_over_six_weeks",
    "recent_injury",
)
SPINE_INFECTIONS = ("spinal-epidural-abscess", "vertebral-osteomyelitis", "discitis")

# NICE NG253 (19 November 2025) replaced NG51 for people aged 16 or over; NG254
# covers under 16s.
SEPSIS_SOURCE = (
    "NICE NG253 high-risk criteria (replaced NG51 in 2025); UK Sepsis Trust and NHS lay lists"
)
SEPSIS_MODERATE_SOURCE = "NICE NG253 moderate-to-high risk criteria (same-day assessment)"
CAUDA_EQUINA_SOURCE = "Clinical brief: back pain red flags and cauda equina syndrome"
# Clinical brief, additions: NHS back pain and cauda equina pages.
BOTH_LEGS_SOURCE = (
    "NHS cauda equina syndrome and back pain pages (clinical brief, additions): pain, tingling, "
    "numbness or weakness in both legs is an emergency, with or without fever"
)
NERVE_SIGNS_SOURCE = (
    "IDSA 2015 native vertebral osteomyelitis guideline (new nerve signs need emergency "
    "assessment, with or without fever); clinical brief: about half of people with a spinal "
    "epidural abscess have no fever"
)
PREGNANCY_SOURCE = (
    "NICE NG111 (consider hospital referral in pregnancy); clinical brief, additions: "
    "maternity triage the same day"
)
ABSCESS_SOURCE = "Clinical brief: spinal epidural abscess (Davis 2004; 2025 series of 457 cases)"
KIDNEY_SOURCE = "Clinical brief: pyelonephritis (same day for suspected kidney infection)"


@dataclass(frozen=True)
class Rule:
    """One triage rule; see the module docstring for how rules combine."""

    id: str
    level: str
    all_of: tuple[str, ...]
    reason: str
    source: str
    any_of: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    min_age: int | None = None
    max_age: int | None = None
    # A key of ``vocabulary.CARE_SETTINGS``: where to go, when this rule sets the level
    # and the place matters (tests only a hospital can do the same day, maternity care).
    go_to: str = ""

    def matches(self, present: frozenset[str], age_years: int) -> bool:
        """True when this rule applies to these findings and this age."""
        if self.min_age is not None and age_years < self.min_age:
            return False
        if self.max_age is not None and age_years > self.max_age:
            return False
        if not present.issuperset(self.all_of):
            return False
        return not self.any_of or not present.isdisjoint(self.any_of)

    def triggers(self, present: frozenset[str]) -> tuple[str, ...]:
        """The present findings this rule looked at, in rule order."""
        return tuple(code for code in (*self.all_of, *self.any_of) if code in present)

    @functools.cached_property
    def looks_at(self) -> frozenset[str]:
        """Every finding this rule looks at, as a set: the engine intersects it with the
        answers on every result. (Kept beside the fields, not among them, so it is not
        part of the rule's data or its fingerprint.)"""
        return frozenset((*self.all_of, *self.any_of))


def _sepsis_sign(finding: str, reason: str, conditions=("sepsis",)) -> Rule:
    return Rule(
        id=f"sepsis-{finding.replace('_', '-')}",
        level="emergency",
        all_of=(finding,),
        conditions=conditions,
        reason=reason,
        source=SEPSIS_SOURCE,
    )


RULES: tuple[Rule, ...] = (
    # === EMERGENCY ====================================================================
    Rule(
        id="abscess-nerve-signs",
        level="emergency",
        all_of=("back_pain", "fever"),
        any_of=NERVE_SIGNS,
        conditions=SPINE_INFECTIONS,
        reason=gettext_noop(
            "Back pain with a fever and new weakness, numbness, or a change in your bladder "
            "or bowels can mean an abscess is pressing on your spinal cord. This can cause "
            "lasting harm within hours."
        ),
        source=ABSCESS_SOURCE + ": emergency with any new nerve sign",
    ),
    Rule(
        id="abscess-neck-nerve-signs",
        level="emergency",
        all_of=("neck_pain", "fever"),
        any_of=NERVE_SIGNS,
        conditions=SPINE_INFECTIONS,
        reason=gettext_noop(
            "Neck pain with a fever and new weakness, numbness, or a change in your bladder "
            "or bowels can mean an abscess is pressing on your spinal cord. This can cause "
            "lasting harm within hours."
        ),
        source=ABSCESS_SOURCE
        + ": emergency for back or neck pain with fever and any new nerve sign",
    ),
    Rule(
        id="neutropenic-sepsis",
        level="emergency",
        all_of=("recent_chemotherapy",),
        any_of=TEMPERATURE_SIGNS,
        conditions=("sepsis",),
        reason=gettext_noop(
            "A fever after chemotherapy can mean a very serious infection, because "
            "chemotherapy weakens your defences against germs."
        ),
        source=(
            "NICE NG253: fever after chemotherapy in the last 6 weeks (neutropenic sepsis); "
            "judgement call: a low temperature after chemotherapy is treated like a fever, "
            "since NG253 counts under 36 °C as a sign of infection too"
        ),
    ),
    Rule(
        id="meningitis-fever",
        level="emergency",
        all_of=("fever",),
        any_of=("neck_stiffness", "light_sensitivity", "severe_headache"),
        conditions=("meningitis", "sepsis"),
        reason=gettext_noop(
            "A fever with a stiff neck, a very bad headache, or eyes that hurt in bright light "
            "can be signs of meningitis. Do not wait for a rash."
        ),
        source="Clinical brief: meningitis (fever with stiff neck, light dislike or headache)",
    ),
    Rule(
        id="meningitis-signs-together",
        level="emergency",
        all_of=("neck_stiffness",),
        any_of=("light_sensitivity", "severe_headache"),
        conditions=("meningitis",),
        reason=gettext_noop(
            "A stiff neck with a very bad headache or eyes that hurt in bright light needs "
            "checking now, even without a fever."
        ),
        source=(
            "Clinical brief: meningitis; judgement call: two meningitis signs together are "
            "an emergency even when no fever was noticed"
        ),
    ),
    Rule(
        id="abscess-numbness-risk",
        level="emergency",
        all_of=("back_pain", "limb_numbness"),
        any_of=SPINE_INFECTION_RISKS,
        conditions=SPINE_INFECTIONS,
        reason=gettext_noop(
            "Back pain with new numbness or tingling, when you also have a health problem that "
            "makes spine infections more likely, can mean an abscess is pressing on a nerve. "
            "Many people with a spine abscess have no fever."
        ),
        source=(ABSCESS_SOURCE + "; " + NERVE_SIGNS_SOURCE + "; risk factors are present in 98 %"),
    ),
    Rule(
        id="infant-fever",
        level="emergency",
        all_of=(),
        any_of=TEMPERATURE_SIGNS,
        max_age=0,
        conditions=("sepsis", "meningitis"),
        reason=gettext_noop(
            "A baby with a fever, or a baby who is very cold, needs to be checked now. Babies "
            "can become very ill quickly."
        ),
        source=(
            "NICE NG143 (fever in under 5s): under 3 months with 38 °C or more is high risk; "
            "judgement call: age in whole years cannot tell 2 months from 11, so the whole "
            "first year is treated as under 3 months, and a low temperature like a fever"
        ),
    ),
    Rule(
        id="child-floppy-or-soft-spot",
        level="emergency",
        all_of=("floppy_or_bulging_soft_spot",),
        conditions=("sepsis", "meningitis"),
        reason=gettext_noop(
            "A child who is floppy, or a baby whose soft spot is bulging, needs help now. "
            "These can be signs of sepsis or meningitis."
        ),
        source=(
            "Clinical brief, additions: NHS sepsis and meningitis pages; NICE NG143 (floppy, "
            "a bulging soft spot: emergency signs in children)"
        ),
    ),
    Rule(
        id="meningitis-seizure",
        level="emergency",
        all_of=("seizure",),
        conditions=("meningitis", "sepsis"),
        reason=gettext_noop(
            "A fit needs help now. With an infection, it can be a sign of meningitis or sepsis."
        ),
        source="Clinical brief: meningitis (seizures: emergency now); NHS sepsis signs in children",
    ),
    Rule(
        id="kidney-cannot-keep-fluids",
        level="emergency",
        all_of=("cannot_keep_fluids",),
        any_of=("fever", "flank_pain"),
        conditions=("pyelonephritis", "sepsis"),
        reason=gettext_noop(
            "A possible kidney infection when you cannot keep drinks down needs hospital care, "
            "because you cannot take tablets or stay hydrated."
        ),
        source="NICE NG111 (cannot keep fluids or tablets down); clinical brief: pyelonephritis",
    ),
    _sepsis_sign(
        "confusion",
        gettext_noop(
            "New confusion, sleepiness or slurred speech is a sign that your brain is not "
            "getting what it needs. It can be caused by sepsis."
        ),
    ),
    _sepsis_sign(
        "breathless",
        gettext_noop(
            "Breathing very fast, or being too out of breath to finish a sentence, is a "
            "warning sign of sepsis and other serious illness."
        ),
    ),
    _sepsis_sign(
        "racing_heart",
        gettext_noop(
            "A heart that races while you rest can be a sign of sepsis or another serious problem."
        ),
    ),
    _sepsis_sign(
        "fainting",
        gettext_noop(
            "Fainting, collapsing or feeling very dizzy when you stand can mean your blood "
            "pressure is very low. This can happen in sepsis."
        ),
    ),
    _sepsis_sign(
        "mottled_skin",
        gettext_noop(
            "Blue, grey, blotchy or very pale skin or lips can mean your blood is not "
            "flowing well. This is a warning sign of sepsis."
        ),
    ),
    _sepsis_sign(
        "non_blanching_rash",
        gettext_noop(
            "A rash that does not fade under a glass can be a sign of sepsis or meningitis."
        ),
        conditions=("sepsis", "meningitis"),
    ),
    _sepsis_sign(
        "no_urine",
        gettext_noop(
            "Not peeing all day can mean your kidneys are struggling. This is a warning sign "
            "of sepsis."
        ),
    ),
    _sepsis_sign(
        "feels_very_unwell",
        gettext_noop(
            "Feeling extremely ill, as if something is badly wrong, is a warning sign of "
            "sepsis. Trust that feeling."
        ),
    ),
    _sepsis_sign(
        "shivering_or_chills",
        gettext_noop("Shivering or shaking that will not stop is a warning sign of sepsis."),
    ),
    _sepsis_sign(
        "extreme_muscle_pain",
        gettext_noop("Extreme pain in the muscles all over your body is a warning sign of sepsis."),
    ),
    Rule(
        id="cauda-equina-saddle-numbness",
        level="emergency",
        all_of=("saddle_numbness",),
        conditions=("cauda-equina-syndrome",),
        reason=gettext_noop(
            "Numbness around your bottom, genitals or inner thighs can mean the nerves at "
            "the bottom of your spine are being squeezed."
        ),
        source=CAUDA_EQUINA_SOURCE + " (any one sign: emergency department now)",
    ),
    Rule(
        id="cauda-equina-sexual-problem",
        level="emergency",
        all_of=("new_sexual_problem",),
        conditions=("cauda-equina-syndrome",),
        reason=gettext_noop(
            "Newly losing feeling in your genitals, or finding they do not work as usual, can be "
            "a sign of squeezed nerves. These are the nerves at the bottom of your spine."
        ),
        source=CAUDA_EQUINA_SOURCE
        + " (new loss of sexual sensation or function; any one sign: emergency department now)",
    ),
    Rule(
        id="cauda-equina-bladder-bowel",
        level="emergency",
        all_of=("bladder_bowel_change",),
        conditions=("cauda-equina-syndrome",),
        reason=gettext_noop(
            "New trouble peeing, or losing control of your bladder or bowels, can mean the "
            "nerves at the bottom of your spine are being squeezed."
        ),
        source=CAUDA_EQUINA_SOURCE + " (any one sign: emergency department now)",
    ),
    Rule(
        id="cauda-equina-leg-weakness",
        level="emergency",
        all_of=("limb_weakness", "back_pain"),
        conditions=("cauda-equina-syndrome",),
        reason=gettext_noop(
            "New weakness in your legs with back pain can mean the nerves in your spine are "
            "being squeezed."
        ),
        source=CAUDA_EQUINA_SOURCE + " (weakness in the legs)",
    ),
    Rule(
        id="cauda-equina-both-legs",
        level="emergency",
        all_of=("both_legs",),
        conditions=("cauda-equina-syndrome",),
        reason=gettext_noop(
            "New numbness, tingling, weakness or shooting pain in both legs can mean the "
            "nerves at the bottom of your spine are being squeezed."
        ),
        source=BOTH_LEGS_SOURCE,
    ),
    Rule(
        id="new-limb-weakness",
        level="emergency",
        all_of=("limb_weakness",),
        reason=gettext_noop(
            "New weakness in an arm or a leg can come from a serious problem in the nerves, "
            "the spinal cord or the brain. It needs checking now."
        ),
        source=(
            CAUDA_EQUINA_SOURCE + "; judgement call: weakness without back pain is still an "
            "emergency, but no spine page is linked"
        ),
    ),
    # === URGENT (today) ===============================================================
    Rule(
        id="spine-infection-suspected",
        level="urgent",
        all_of=("back_pain", "fever"),
        any_of=SPINE_INFECTION_RISKS,
        conditions=(*SPINE_INFECTIONS, "back-pain-and-fever", "sepsis"),
        go_to="hospital_same_day",
        reason=gettext_noop(
            "Back pain with a fever, when you also have a health problem that makes spine "
            "infections more likely, needs blood tests and often an MRI scan today. A hospital "
            "can do these the same day."
        ),
        source=(
            "Clinical brief, additions: suspected spine infection needs ESR/CRP, blood cultures "
            "and an MRI the same day, usually in the emergency department; IDSA 2015"
        ),
    ),
    Rule(
        id="spine-infection-suspected-neck",
        level="urgent",
        all_of=("neck_pain", "fever"),
        any_of=SPINE_INFECTION_RISKS,
        conditions=(*SPINE_INFECTIONS, "sepsis"),
        go_to="hospital_same_day",
        reason=gettext_noop(
            "Neck pain with a fever, when you also have a health problem that makes spine "
            "infections more likely, needs blood tests and often an MRI scan today. A hospital "
            "can do these the same day."
        ),
        source=(
            "Clinical brief, additions: suspected spine infection needs ESR/CRP, blood cultures "
            "and an MRI the same day; vertebral osteomyelitis (new or worse back or neck pain "
            "plus fever, IDSA 2015)"
        ),
    ),
    # Kidney rules come before the broad back-pain-with-fever rule: side pain or pee
    # problems with a fever point to the kidney more than to the spine.
    Rule(
        id="kidney-fever-flank",
        level="urgent",
        all_of=("fever", "flank_pain"),
        conditions=("pyelonephritis", "sepsis"),
        reason=gettext_noop(
            "A fever with pain in your side below the ribs can mean a kidney infection."
        ),
        source=KIDNEY_SOURCE,
    ),
    Rule(
        id="kidney-flank-urinary",
        level="urgent",
        all_of=("flank_pain",),
        any_of=URINARY_SYMPTOMS,
        conditions=("pyelonephritis",),
        reason=gettext_noop(
            "Pain in your side below the ribs with pee problems can mean a pee infection has "
            "reached your kidneys."
        ),
        source=KIDNEY_SOURCE,
    ),
    Rule(
        id="kidney-fever-urinary",
        level="urgent",
        all_of=("fever",),
        any_of=URINARY_SYMPTOMS,
        conditions=("pyelonephritis",),
        reason=gettext_noop(
            "A fever with pee problems can mean a pee infection has reached your kidneys."
        ),
        source=KIDNEY_SOURCE + " (kidney infection signs mean today)",
    ),
    Rule(
        id="kidney-flank-vomiting",
        level="urgent",
        all_of=("flank_pain", "vomiting"),
        conditions=("pyelonephritis",),
        reason=gettext_noop(
            "Pain in your side below the ribs while feeling or being sick can mean a kidney "
            "infection, even without pee problems."
        ),
        source=(
            KIDNEY_SOURCE + "; judgement call: bladder symptoms can be absent, so side pain "
            "with sickness is treated as a kidney infection sign"
        ),
    ),
    Rule(
        id="kidney-pregnancy",
        level="urgent",
        all_of=("pregnant",),
        any_of=KIDNEY_SIGNS,
        conditions=("pyelonephritis",),
        reason=gettext_noop(
            "Pee infections in pregnancy, or soon after giving birth, can spread to the "
            "kidneys quickly. Your maternity team should check you today."
        ),
        go_to="maternity",
        source=KIDNEY_SOURCE + ", especially in pregnancy; " + PREGNANCY_SOURCE,
    ),
    Rule(
        id="kidney-catheter",
        level="urgent",
        all_of=("urinary_catheter",),
        any_of=KIDNEY_SIGNS,
        conditions=("pyelonephritis",),
        reason=gettext_noop(
            "Pee infections with a catheter can spread quickly, so a doctor should check you today."
        ),
        source=KIDNEY_SOURCE + ", especially with a catheter",
    ),
    Rule(
        id="kidney-weak-immunity",
        level="urgent",
        all_of=("weakened_immunity",),
        any_of=KIDNEY_SIGNS,
        conditions=("pyelonephritis",),
        reason=gettext_noop(
            "Pee infections are more serious with diabetes or a weak immune system, so a "
            "doctor should check you today."
        ),
        source=KIDNEY_SOURCE + ", especially with diabetes or weakened immunity",
    ),
    Rule(
        id="abscess-back-pain-fever",
        level="urgent",
        all_of=("back_pain", "fever"),
        conditions=(*SPINE_INFECTIONS, "sepsis", "back-pain-and-fever"),
        reason=gettext_noop(
            "Back pain with a fever can mean an infection in or near your spine. Most people "
            "with a spine abscess do not have all the signs at first, so a doctor should "
            "check you today."
        ),
        source=ABSCESS_SOURCE + ": same day for back pain with fever; IDSA 2015",
    ),
    Rule(
        id="neck-pain-fever",
        level="urgent",
        all_of=("neck_pain", "fever"),
        conditions=(*SPINE_INFECTIONS, "meningitis", "sepsis"),
        reason=gettext_noop(
            "Neck pain with a fever can mean an infection in or near your spine, so a doctor "
            "should check you today."
        ),
        source=(
            "Clinical brief: vertebral osteomyelitis and discitis (suspect with new or worse "
            "back or neck pain plus fever, IDSA 2015); spinal epidural abscess (back or neck "
            "pain in over 90 %)"
        ),
    ),
    Rule(
        id="spine-tender-fever",
        level="urgent",
        all_of=("spine_tenderness", "fever"),
        conditions=SPINE_INFECTIONS,
        reason=gettext_noop(
            "A spine that is very sore to touch, or red and warm, with a fever can mean an "
            "infection in your spine."
        ),
        source="Clinical brief: vertebral osteomyelitis and discitis (IDSA 2015)",
    ),
    Rule(
        id="abscess-severe-pain-risk",
        level="urgent",
        all_of=("severe_or_worsening_pain",),
        any_of=SPINE_INFECTION_RISKS,
        conditions=SPINE_INFECTIONS,
        reason=gettext_noop(
            "Very bad or worsening back pain is more worrying when you also have a health "
            "problem that makes spine infections more likely."
        ),
        source=ABSCESS_SOURCE + ": same day for new severe back pain with a risk factor",
    ),
    Rule(
        id="abscess-tender-spine-risk",
        level="urgent",
        all_of=("spine_tenderness",),
        any_of=SPINE_INFECTION_RISKS,
        conditions=SPINE_INFECTIONS,
        reason=gettext_noop(
            "A very sore, red or warm spine is more worrying when you also have a health "
            "problem that makes spine infections more likely."
        ),
        source=ABSCESS_SOURCE + "; vertebral osteomyelitis and discitis (IDSA 2015)",
    ),
    Rule(
        id="sepsis-fever-pregnancy",
        level="urgent",
        all_of=("pregnant",),
        any_of=TEMPERATURE_SIGNS,
        conditions=("sepsis", "pyelonephritis"),
        go_to="maternity",
        reason=gettext_noop(
            "A fever, or feeling very cold, while you are pregnant or soon after giving birth "
            "can be a sign of a serious infection. Your maternity team should check you today."
        ),
        source=SEPSIS_MODERATE_SOURCE
        + " (pregnant or gave birth in the last 6 weeks); "
        + PREGNANCY_SOURCE,
    ),
    Rule(
        id="sepsis-low-temperature",
        level="urgent",
        all_of=("low_temperature",),
        conditions=("sepsis",),
        reason=gettext_noop(
            "A low temperature, or feeling very cold, while you are ill can be a sign of "
            "sepsis. A doctor should check you today."
        ),
        source=SEPSIS_MODERATE_SOURCE + ": tympanic temperature under 36 °C",
    ),
    Rule(
        id="sepsis-fever-struggling",
        level="urgent",
        all_of=("struggling_day_to_day",),
        any_of=TEMPERATURE_SIGNS,
        conditions=("sepsis",),
        reason=gettext_noop(
            "A fever, when you have suddenly become much less able to look after yourself, "
            "can be a sign of sepsis. A doctor should check you today."
        ),
        source=SEPSIS_MODERATE_SOURCE + " (a sudden drop in the ability to manage day-to-day)",
    ),
    Rule(
        id="sepsis-fever-risk",
        level="urgent",
        all_of=("fever",),
        any_of=FEVER_RISKS,
        conditions=("sepsis",),
        reason=gettext_noop(
            "A fever is more serious with some health problems. Diabetes, a weak immune system "
            "and kidney failure are some of them. So are a tube in a vein, a catheter, and "
            "injecting drugs. A recent injury, operation, procedure or other infection counts too."
        ),
        source=(
            SEPSIS_MODERATE_SOURCE + " (trauma, surgery or a procedure in the last 6 weeks); "
            "judgement calls: a fall or back injury counts as the trauma NICE lists, and kidney "
            "failure, long-term lines and a past heart valve infection (spinal epidural abscess "
            "risk factors in the brief) count as risks for a fever too"
        ),
    ),
    Rule(
        id="meningitis-stiff-neck",
        level="urgent",
        all_of=("neck_stiffness",),
        conditions=("meningitis",),
        reason=gettext_noop(
            "A stiff neck that stops you bending your chin to your chest should be checked "
            "by a doctor today."
        ),
        source="Clinical brief: meningitis (stiff neck)",
    ),
    Rule(
        id="severe-new-headache",
        level="urgent",
        all_of=("severe_headache",),
        reason=gettext_noop(
            "A very bad headache that is not like your usual ones should be checked by a "
            "doctor today."
        ),
        source=(
            "Clinical brief: meningitis (severe headache); judgement call: without a fever "
            "it is same day, not an emergency"
        ),
    ),
    Rule(
        id="cannot-keep-fluids",
        level="urgent",
        all_of=("cannot_keep_fluids",),
        reason=gettext_noop(
            "If you cannot keep drinks down, your body can dry out quickly. A doctor should "
            "see you today."
        ),
        source="NICE NG111 (cannot keep fluids or tablets down); clinical brief: pyelonephritis",
    ),
    Rule(
        id="back-pain-numbness",
        level="urgent",
        all_of=("back_pain", "limb_numbness"),
        conditions=("cauda-equina-syndrome",),
        reason=gettext_noop(
            "Back pain with new numbness or tingling in a leg can mean a nerve is being "
            "squeezed. A doctor should check you today, not in a few days."
        ),
        source=(
            "NHS back pain and cauda equina pages (clinical brief, additions): new numbness or "
            "tingling in one leg with back pain is same day, not self-care"
        ),
    ),
    Rule(
        id="new-numbness",
        level="urgent",
        all_of=("limb_numbness",),
        reason=gettext_noop(
            "New numbness or tingling in your legs or arms should be checked by a doctor today, "
            "to make sure a nerve is not being squeezed."
        ),
        source=(
            "Clinical brief, additions (new numbness in a leg is same day); judgement call: "
            "numbness without back pain could also come from the brain or a nerve, so it is "
            "same day too"
        ),
    ),
    Rule(
        id="back-pain-past-cancer",
        level="urgent",
        all_of=("back_pain", "history_of_cancer"),
        reason=gettext_noop(
            "Back pain in someone who has had cancer should be checked by a doctor or your "
            "cancer team today, to make sure it is not coming from the spine bones."
        ),
        source=(
            "Clinical brief: back pain red flags (cancer flags: past cancer); NICE NG234 "
            "(spinal metastases: people with cancer and new spinal pain are discussed with "
            "the MSCC team within 24 hours)"
        ),
    ),
    Rule(
        id="child-under-16",
        level="urgent",
        all_of=(),
        max_age=15,
        reason=gettext_noop(
            "This checker is made for adults. Anyone under 16 should be checked by a doctor today."
        ),
        source="Clinical brief: safety stance (the checker is for adults, 16 and over)",
    ),
    # === SOON (1 to 3 days) ===========================================================
    Rule(
        id="back-pain-infection-risk",
        level="soon",
        all_of=("back_pain",),
        any_of=SPINE_INFECTION_RISKS,
        conditions=("vertebral-osteomyelitis", "discitis", "spinal-epidural-abscess"),
        reason=gettext_noop(
            "Back pain needs a doctor's check when you also have a health problem that makes "
            "spine infections more likely."
        ),
        source=(
            "Clinical brief: back pain red flags (infection flags); spinal epidural abscess "
            "risk factors (present in 98 %, diagnosis often delayed)"
        ),
    ),
    Rule(
        id="severe-back-pain",
        level="soon",
        all_of=("severe_or_worsening_pain",),
        reason=gettext_noop(
            "Back pain that is very bad or getting worse, and does not ease with rest, "
            "should be checked by a doctor."
        ),
        source=(
            "Clinical brief: vertebral osteomyelitis (new or worse back pain; often mistaken "
            "for ordinary back pain)"
        ),
    ),
    Rule(
        id="tender-spine",
        level="soon",
        all_of=("spine_tenderness",),
        conditions=("vertebral-osteomyelitis", "discitis"),
        reason=gettext_noop(
            "A spine that is very sore to touch, or red, warm or swollen, should be checked "
            "by a doctor."
        ),
        source="Clinical brief: vertebral osteomyelitis and discitis; back pain red flags",
    ),
    Rule(
        id="back-pain-weight-loss",
        level="soon",
        all_of=("back_pain", "unexplained_weight_loss"),
        reason=gettext_noop(
            "Back pain while you are losing weight without trying should be checked by a doctor."
        ),
        source="Clinical brief: back pain red flags (cancer flags: unexplained weight loss)",
    ),
    Rule(
        id="night-back-pain",
        level="soon",
        all_of=("night_pain",),
        reason=gettext_noop(
            "Back pain that wakes you up or lasts all night is not typical of an ordinary "
            "strain, so a doctor should check it."
        ),
        source="Clinical brief: back pain red flags (cancer flags: night pain)",
    ),
    Rule(
        id="back-pain-injury",
        level="soon",
        all_of=("back_pain", "recent_injury"),
        reason=gettext_noop(
            "Back pain after a fall or an injury should be checked by a doctor, in case a "
            "bone is broken."
        ),
        source="Clinical brief: back pain red flags (fracture flags: a fall or injury)",
    ),
    Rule(
        id="back-pain-night-sweats",
        level="soon",
        all_of=("back_pain", "night_sweats"),
        conditions=("vertebral-osteomyelitis", "discitis"),
        reason=gettext_noop(
            "Back pain with soaking sweats at night can be a sign of a slow infection in the "
            "spine, so a doctor should check it."
        ),
        source="Clinical brief: back pain red flags (infection flags); vertebral osteomyelitis",
    ),
    Rule(
        id="fever-night-sweats",
        level="soon",
        all_of=("fever", "night_sweats"),
        reason=gettext_noop(
            "A fever with soaking sweats at night can be a sign of an infection that needs "
            "treatment, so a doctor should check it."
        ),
        source="Clinical brief: back pain red flags (infection flags: fever, chills)",
    ),
    Rule(
        id="bladder-infection",
        level="soon",
        all_of=(),
        any_of=URINARY_SYMPTOMS,
        conditions=("pyelonephritis",),
        reason=gettext_noop(
            "Pain or burning when you pee, needing to go often, or cloudy pee can mean a "
            "bladder infection. A doctor or pharmacist should check you within a day or two. "
            "Men should see a doctor, who may send a sample of pee to a lab."
        ),
        source=(
            "Clinical brief: pyelonephritis (bladder infection alone: within a day or two); "
            "NICE NG109 (men, pregnant people and people with a catheter need a urine culture; "
            "pregnancy and catheters have their own same-day rules)"
        ),
    ),
    Rule(
        id="flank-pain",
        level="soon",
        all_of=("flank_pain",),
        conditions=("pyelonephritis",),
        reason=gettext_noop(
            "Pain in your side below the ribs can come from your kidney, so a doctor should "
            "check it."
        ),
        source=(
            KIDNEY_SOURCE + "; judgement call: side pain alone (bladder symptoms can be "
            "absent) is 1 to 3 days"
        ),
    ),
    # === ROUTINE ======================================================================
    Rule(
        id="long-lasting-back-pain",
        level="routine",
        all_of=("pain_over_six_weeks",),
        reason=gettext_noop(
            "Back pain that has lasted more than 6 weeks is worth a normal appointment, to "
            "find the cause and plan treatment."
        ),
        source="Clinical brief: vertebral osteomyelitis (diagnosis can take weeks to months)",
    ),
    Rule(
        id="night-sweats",
        level="routine",
        all_of=("night_sweats",),
        reason=gettext_noop(
            "Soaking sweats at night without a clear cause are worth a normal appointment."
        ),
        source="Clinical brief: back pain red flags; judgement call: on its own, routine",
    ),
    Rule(
        id="weight-loss",
        level="routine",
        all_of=("unexplained_weight_loss",),
        reason=gettext_noop("Losing weight without trying is worth a normal appointment."),
        source="Clinical brief: back pain red flags (cancer flags); judgement call: routine",
    ),
    # === SELF-CARE ====================================================================
    Rule(
        id="plain-back-pain",
        level="self_care",
        all_of=("back_pain",),
        reason=gettext_noop(
            "Back pain with none of the warning signs is very common. It usually gets better "
            "in a few weeks with gentle movement and simple pain relief."
        ),
        source="Clinical brief: safety stance (plain back pain with no red flags is self-care)",
    ),
    Rule(
        id="fever-alone",
        level="self_care",
        all_of=("fever",),
        reason=gettext_noop(
            "A fever with none of the warning signs can usually be looked after at home with "
            "rest and plenty of drinks."
        ),
        source="Clinical brief: safety stance (self-care when no warning signs; Semigran 2015)",
    ),
    Rule(
        id="vomiting-alone",
        level="self_care",
        all_of=("vomiting",),
        reason=gettext_noop(
            "Feeling or being sick with none of the warning signs can usually be looked after "
            "at home. Take small sips of water often."
        ),
        source="Clinical brief: safety stance; NICE NG111 (only not keeping fluids down refers)",
    ),
)

RULES_BY_ID = MappingProxyType({rule.id: rule for rule in RULES})


# --- Safety netting -------------------------------------------------------------------


@dataclass(frozen=True)
class SafetyLine:
    """A "what would make this more urgent" line, tailored to the result.

    It is shown when the result's level is one of ``levels`` and the result lists one
    of ``conditions`` or the person said one of ``findings``. A line marked
    ``fallback`` is also shown, whatever was said, when no other tailored line is, so
    that even an empty answer sheet says which new signs mean "call now".

    ``promises`` states what the line tells the person, as data: each entry is
    ``(level, findings)``, meaning "if you also get all of these, it is at least this
    level". The tests check every promise against the rules, so the safety net can
    never tell someone to call now for a sign the rules would rate lower.
    """

    id: str
    text: str
    levels: tuple[str, ...]
    promises: tuple[tuple[str, tuple[str, ...]], ...]
    conditions: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()
    fallback: bool = False


BELOW_EMERGENCY = ("urgent", "soon", "routine", "self_care")
BELOW_URGENT = ("soon", "routine", "self_care")


def _each(level: str, *findings: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Promise ``level`` for each of ``findings`` on its own."""
    return tuple((level, (finding,)) for finding in findings)


SAFETY_LINES: tuple[SafetyLine, ...] = (
    SafetyLine(
        id="chemotherapy-fever",
        text=gettext_noop(
            "If you get a fever, or feel very cold or shivery, call {emergency_number} or your "
            "chemotherapy team's 24-hour line straight away."
        ),
        levels=BELOW_EMERGENCY,
        findings=("recent_chemotherapy",),
        promises=_each("emergency", "fever", "low_temperature"),
    ),
    SafetyLine(
        id="nerve-signs",
        text=gettext_noop(
            "Call {emergency_number} now if you get new weakness in your legs, numbness, "
            "tingling or shooting pain in both legs, numbness around your bottom or genitals, "
            "or new trouble peeing or pooing. Do not drive yourself."
        ),
        levels=BELOW_EMERGENCY,
        conditions=(*SPINE_INFECTIONS, "cauda-equina-syndrome", "back-pain-and-fever"),
        findings=(*BACK_PAIN_FINDINGS, "neck_pain", "limb_numbness"),
        promises=_each(
            "emergency", "limb_weakness", "both_legs", "saddle_numbness", "bladder_bowel_change"
        ),
    ),
    SafetyLine(
        id="back-pain-fever",
        text=gettext_noop(
            "Get seen by a doctor today if, with your back pain, you get a fever, feel hot and "
            "shivery or very cold, or get new numbness or tingling in a leg."
        ),
        levels=BELOW_URGENT,
        findings=BACK_PAIN_FINDINGS,
        promises=_each("urgent", "fever", "low_temperature", "limb_numbness"),
    ),
    SafetyLine(
        id="neck-pain-fever",
        text=gettext_noop(
            "Get seen by a doctor today if you get a fever with your neck pain. Do the same if "
            "you feel hot and shivery or very cold, or get new numbness or tingling."
        ),
        levels=BELOW_URGENT,
        findings=("neck_pain",),
        promises=_each("urgent", "fever", "low_temperature", "limb_numbness"),
    ),
    SafetyLine(
        id="meningitis-signs",
        text=gettext_noop(
            "Call {emergency_number} now if you have a fever with a stiff neck, a very bad "
            "headache, or eyes that hurt in bright light."
        ),
        levels=BELOW_EMERGENCY,
        conditions=("meningitis",),
        findings=("fever", "neck_stiffness", "light_sensitivity", "severe_headache"),
        promises=tuple(
            ("emergency", ("fever", sign))
            for sign in ("neck_stiffness", "severe_headache", "light_sensitivity")
        ),
    ),
    SafetyLine(
        id="kidney-spread",
        text=gettext_noop(
            "Get seen by a doctor today if you get a fever, or pain in your side below your "
            "ribs. These can mean the infection has reached your kidneys."
        ),
        levels=BELOW_URGENT,
        findings=URINARY_SYMPTOMS,
        promises=_each("urgent", "fever", "flank_pain"),
    ),
    SafetyLine(
        id="kidney-signs",
        text=gettext_noop(
            "Get seen by a doctor today if you get a fever, you are being sick, or it hurts to pee."
        ),
        levels=BELOW_URGENT,
        findings=("flank_pain",),
        promises=_each("urgent", "fever", "vomiting", "painful_urination"),
    ),
    SafetyLine(
        id="fever-fluids",
        text=gettext_noop("Call {emergency_number} now if you cannot keep drinks or tablets down."),
        levels=("urgent",),
        findings=("fever", "flank_pain"),
        promises=_each("emergency", "cannot_keep_fluids"),
    ),
    SafetyLine(
        id="fluids-fever",
        text=gettext_noop(
            "Call {emergency_number} now if you also get a fever, or pain in your side below "
            "your ribs."
        ),
        levels=("urgent",),
        findings=("cannot_keep_fluids",),
        promises=_each("emergency", "fever", "flank_pain"),
    ),
    SafetyLine(
        id="fluids",
        text=gettext_noop(
            "Get seen by a doctor today if you are being sick so often that you cannot keep "
            "drinks down. If you also have a fever or pain in your side, call "
            "{emergency_number} now."
        ),
        levels=BELOW_URGENT,
        findings=("vomiting", "fever", "flank_pain", *URINARY_SYMPTOMS),
        promises=(
            ("urgent", ("cannot_keep_fluids",)),
            ("emergency", ("cannot_keep_fluids", "fever")),
            ("emergency", ("cannot_keep_fluids", "flank_pain")),
        ),
    ),
    SafetyLine(
        id="risk-fever",
        text=gettext_noop(
            "Because of what you told us about your health, get seen by a doctor today if "
            "you get a fever, or if it hurts or burns when you pee."
        ),
        levels=BELOW_URGENT,
        findings=("pregnant", "weakened_immunity", "urinary_catheter"),
        promises=_each("urgent", "fever", "painful_urination"),
    ),
    SafetyLine(
        id="sepsis-signs",
        text=gettext_noop(
            "Call {emergency_number} now if you become confused or very sleepy, get very "
            "out of breath, your skin or lips turn blue, grey or blotchy, you have not peed "
            "all day, you have a fit, or you get a rash that does not fade under a glass."
        ),
        levels=BELOW_EMERGENCY,
        conditions=("sepsis", "pyelonephritis", "meningitis", *SPINE_INFECTIONS),
        findings=("fever", "night_sweats", *SPINE_INFECTION_RISKS, "pregnant"),
        fallback=True,
        promises=_each(
            "emergency",
            "confusion",
            "breathless",
            "mottled_skin",
            "no_urine",
            "seizure",
            "non_blanching_rash",
        ),
    ),
    SafetyLine(
        id="back-pain-not-better",
        text=gettext_noop(
            "Book an appointment if your back pain is not getting better after 6 weeks."
        ),
        levels=("self_care",),
        findings=("back_pain",),
        promises=_each("routine", "pain_over_six_weeks"),
    ),
)

# The last line of every safety net: what to do if things change, per level.
GENERAL_SAFETY_LINE = MappingProxyType(
    {
        "emergency": gettext_noop(
            "Do not drive yourself. If you get worse while you wait for help, call "
            "{emergency_number} again."
        ),
        "urgent": gettext_noop(
            "If you cannot be seen today, or you get worse while you wait, go to the emergency "
            "department or call {emergency_number}."
        ),
        "soon": gettext_noop(
            "If you get worse, or you cannot see a doctor within 3 days, get seen today."
        ),
        "routine": gettext_noop(
            "If new symptoms start or things get much worse, see a doctor sooner."
        ),
        "self_care": gettext_noop(
            "If you are not getting better after a few days, or you are worried, see a doctor "
            "or pharmacist."
        ),
    }
)

# Shown for self-care when nothing at all was reported, so the reason is never empty.
NO_WARNING_SIGNS_REASON = gettext_noop("You did not mention any warning signs.")
UNDER_16_REASON = RULES_BY_ID["child-under-16"].reason
UNSURE_REASON = gettext_noop("You were not sure if {finding}, so we counted it to be safe.")
BECAUSE_YOU_SAID = gettext_noop("Because you said {answers}.")
# Answers are joined with semicolons because many answers contain commas themselves.
PAIR_SEPARATOR = gettext_noop(" and ")
LIST_SEPARATOR = gettext_noop("; ")
LIST_LAST_SEPARATOR = gettext_noop("; and ")


# --- Checks and version ---------------------------------------------------------------


def validate_rules() -> None:
    """Raise ValueError if any rule or safety line refers to an unknown name.

    Called at import, so a typo in a finding code or a slug fails loudly at start-up
    instead of silently never matching.
    """
    seen = set()
    previous_level = LEVELS[0]
    for rule in RULES:
        problems = []
        if rule.id in seen:
            problems.append("duplicate id")
        seen.add(rule.id)
        if rule.level not in LEVELS:
            problems.append(f"unknown level {rule.level!r}")
        elif LEVELS.index(rule.level) < LEVELS.index(previous_level):
            # The engine relies on it: the first rule that matches sets the level.
            problems.append(f"{rule.level!r} after a {previous_level!r} rule (most urgent first)")
        else:
            previous_level = rule.level
        codes = (*rule.all_of, *rule.any_of)
        problems += [f"unknown finding {c!r}" for c in codes if c not in FINDINGS]
        problems += [f"unknown condition {s!r}" for s in rule.conditions if s not in CONDITIONS]
        if rule.go_to and rule.go_to not in CARE_SETTINGS:
            problems.append(f"unknown care setting {rule.go_to!r}")
        if not rule.reason.strip() or not rule.source.strip():
            problems.append("missing reason or source")
        if problems:
            raise ValueError(f"Triage rule {rule.id!r}: {'; '.join(problems)}")
    for line in SAFETY_LINES:
        promised_codes = [code for _, codes in line.promises for code in codes]
        promised_levels = [level for level, _ in line.promises]
        unknown = [c for c in (*line.findings, *promised_codes) if c not in FINDINGS]
        unknown += [s for s in line.conditions if s not in CONDITIONS]
        unknown += [lv for lv in (*line.levels, *promised_levels) if lv not in LEVELS]
        if unknown:
            raise ValueError(f"Safety line {line.id!r} names unknown {unknown}")


def _rules_fingerprint() -> str:
    """A short hash of everything that decides a result, so any change shows in results."""
    data = {
        "levels": LEVELS,
        "rules": [asdict(rule) for rule in RULES],
        "implies": {code: f.implies for code, f in FINDINGS.items() if f.implies},
        "safety": [asdict(line) for line in SAFETY_LINES],
        "general": dict(GENERAL_SAFETY_LINE),
        "care_settings": dict(CARE_SETTINGS),
    }
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()[:8]


validate_rules()

RULES_VERSION = f"1.{_rules_fingerprint()}"
