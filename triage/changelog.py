"""The change log of the triage rules: what changed between rules versions, why, and on what source.

Shown on the public "How this checker decides" page and in its JSON, so that a
clinician can see what changed since the version they last reviewed. Every
``RULES_VERSION`` the checker shows must have an entry here (a test fails
otherwise), so nobody can change a rule without saying so.

The version is a fingerprint of the rule data (``triage.rules``), so it changes
with any change to a rule, a safety-net line or the places people are sent.
When the rules change again within the round of work that the newest entry
describes, update :data:`CURRENT_ROUND_VERSION` (the one place that names the
newest version) and add what changed to that entry. A new round of changes adds
a new :class:`Release` at the top of :data:`RELEASES`.

Plain Python with no Django import. The words people read are marked with
``gettext_noop``; the sources are citations and, like the rules' sources, are
not translated.
"""

import datetime
from dataclasses import dataclass

from .vocabulary import gettext_noop

# The rules version that the newest release below produced. Update it here, and only
# here, when the rules change again within the same round of work.
CURRENT_ROUND_VERSION = "1.8d90d60a"


@dataclass(frozen=True)
class Change:
    """One change to the rules: ``what`` changed, ``why``, and the ``source`` behind it."""

    what: str
    why: str
    source: str


@dataclass(frozen=True)
class Release:
    """One rules version: when it was released, a short summary, and what changed."""

    version: str
    date: datetime.date
    title: str
    summary: str
    changes: tuple[Change, ...]


# Newest first.
RELEASES: tuple[Release, ...] = (
    Release(
        version=CURRENT_ROUND_VERSION,
        date=datetime.date(2026, 11, 23),
        title=gettext_noop("Clinical safety check, round 3"),
        summary=gettext_noop(
            "Seven new questions, the numbness question asked of everyone, and more people sent "
            "for help sooner or to the right place. No rule now gives a less urgent result than "
            "before."
        ),
        changes=(
            Change(
                what=gettext_noop(
                    "The question about new numbness or tingling is now asked of everyone, "
                    "not only of people with back pain."
                ),
                why=gettext_noop(
                    "New numbness needs a doctor the same day, with or without back pain. "
                    "Before, answering no to back pain skipped the question."
                ),
                source=(
                    "Clinical brief, additions (new numbness is same day); spinal epidural "
                    "abscess (back or neck pain with fever and any new numbness: emergency)"
                ),
            ),
            Change(
                what=gettext_noop(
                    "New question: pain in the neck. With a fever, it means a doctor today. With "
                    "a fever and new numbness, weakness, or bladder or bowel trouble, it is an "
                    "emergency."
                ),
                why=gettext_noop(
                    "A spine infection can be in the neck. More than 9 in 10 people with a "
                    "spine abscess have back or neck pain."
                ),
                source=(
                    "Clinical brief: spinal epidural abscess (back or neck pain); vertebral "
                    "osteomyelitis and discitis (IDSA 2015)"
                ),
            ),
            Change(
                what=gettext_noop(
                    "New warning sign: newly losing feeling in the genitals, or finding they do "
                    "not work as usual. On its own, it is an emergency."
                ),
                why=gettext_noop(
                    "It can mean the nerves at the bottom of the spine are being squeezed "
                    "(cauda equina syndrome)."
                ),
                source="Clinical brief: back pain red flags and cauda equina syndrome",
            ),
            Change(
                what=gettext_noop(
                    "New warning sign: extreme pain in the muscles all over the body. On its "
                    "own, it is an emergency."
                ),
                why=gettext_noop(
                    "It is one of the signs of sepsis that people are taught to look for. It "
                    "asks about the whole body, so that a sore back alone does not count."
                ),
                source="Clinical brief: sepsis (extreme shivering or muscle pain; UK Sepsis Trust)",
            ),
            Change(
                what=gettext_noop(
                    "New screen for children under 16: a floppy child, or a bulging soft spot on "
                    "a baby's head. Either one is an emergency."
                ),
                why=gettext_noop(
                    "These are signs of sepsis or meningitis in children. The other signs in "
                    "children (a fit, blue or blotchy skin, no pee, a rash) were already asked."
                ),
                source="NHS sepsis and meningitis pages; NICE NG143 (clinical brief, additions)",
            ),
            Change(
                what=gettext_noop(
                    "New question: suddenly being much less able to look after yourself. With "
                    "a fever or a low temperature, it means a doctor today."
                ),
                why=gettext_noop(
                    "A sudden drop in how well someone copes can be an early sign of sepsis."
                ),
                source="NICE NG253 moderate-to-high risk criteria (clinical brief: sepsis)",
            ),
            Change(
                what=gettext_noop(
                    "New question: a bad injury, an operation or a medical procedure in the "
                    "last 6 weeks. With a fever, it means a doctor today."
                ),
                why=gettext_noop(
                    "Germs can get in through a wound or during a procedure. Before, only a "
                    "back injury or back surgery counted."
                ),
                source="NICE NG253 moderate-to-high risk criteria (clinical brief: sepsis)",
            ),
            Change(
                what=gettext_noop(
                    "New question: kidney failure, a tube that stays in a vein, or a past heart "
                    "valve infection. Having had cancer now counts too. Each makes back or neck "
                    "pain with a fever a reason to go to hospital the same day."
                ),
                why=gettext_noop(
                    "These make a spine infection more likely. Nearly everyone with a spine "
                    "abscess has at least one such risk."
                ),
                source="Clinical brief: spinal epidural abscess risk factors",
            ),
        ),
    ),
    Release(
        version="1.9242c9a3",
        date=datetime.date(2026, 11, 23),
        title=gettext_noop("Clinical safety check, round 2"),
        summary=gettext_noop(
            "Three new questions, and more people sent for help sooner or to the right place. "
            "No rule now gives a less urgent result than before."
        ),
        changes=(
            Change(
                what=gettext_noop(
                    "New question: numbness, tingling, weakness or shooting pain in both legs. "
                    "On its own, it is an emergency."
                ),
                why=gettext_noop(
                    "Signs in both legs can mean the nerves at the bottom of the spine are being "
                    "squeezed (cauda equina syndrome). This needs help within hours, with or "
                    "without a fever."
                ),
                source="NHS cauda equina syndrome and back pain pages (clinical brief, additions)",
            ),
            Change(
                what=gettext_noop(
                    "New question: a fit (a seizure). On its own, it is an emergency."
                ),
                why=gettext_noop(
                    "A fit needs help now. With an infection, it can be a sign of meningitis or "
                    "sepsis."
                ),
                source="Clinical brief: meningitis (seizures); NHS sepsis signs",
            ),
            Change(
                what=gettext_noop(
                    "New question: a temperature under 36 °C, or feeling very cold. On its own, "
                    "it means a doctor today. After chemotherapy, or in a baby under 1 year old, "
                    "it is an emergency."
                ),
                why=gettext_noop(
                    "Some people with a serious infection get cold instead of hot. Chemotherapy "
                    "and a young age make an infection more dangerous."
                ),
                source=(
                    "NICE NG253 moderate-to-high risk criteria (under 36 °C); NICE NG253 "
                    "neutropenic sepsis; NICE NG143"
                ),
            ),
            Change(
                what=gettext_noop(
                    "Back pain with new numbness or tingling in one leg went up from soon "
                    "(1 to 3 days) to urgent (today)."
                ),
                why=gettext_noop(
                    "A nerve that is being squeezed should be checked the same day, not in a "
                    "few days."
                ),
                source="NHS back pain and cauda equina pages (clinical brief, additions)",
            ),
            Change(
                what=gettext_noop(
                    "Back pain with new numbness or tingling, when a health problem makes a "
                    "spine infection more likely, went up from urgent to emergency."
                ),
                why=gettext_noop(
                    "About half of people with an abscess in the spine have no fever. Numbness "
                    "can be the first sign that it presses on a nerve."
                ),
                source=(
                    "IDSA 2015 native vertebral osteomyelitis guideline; clinical brief: spinal "
                    "epidural abscess"
                ),
            ),
            Change(
                what=gettext_noop(
                    "A fever with back pain, when a health problem makes a spine infection more "
                    "likely, now sends people to the emergency department or a hospital "
                    "same-day service."
                ),
                why=gettext_noop(
                    "They need blood tests and an MRI scan the same day. A family doctor or an "
                    "urgent care clinic usually cannot do these tests that day."
                ),
                source=(
                    "Clinical brief, additions: ESR/CRP, blood cultures and MRI the same day; "
                    "IDSA 2015"
                ),
            ),
            Change(
                what=gettext_noop(
                    "Kidney signs, a fever or a low temperature in pregnancy, or in the 6 weeks "
                    "after giving birth, now send people to maternity triage the same day."
                ),
                why=gettext_noop(
                    "Infections in pregnancy can get worse quickly. The maternity team is the "
                    "right place to be checked."
                ),
                source="NICE NG111; clinical brief, additions: maternity triage the same day",
            ),
            Change(
                what=gettext_noop(
                    "A baby under 1 year old with a fever or a low temperature is an emergency."
                ),
                why=gettext_noop("Babies can become very ill quickly."),
                source="NICE NG143 (fever in under 5s: under 3 months is high risk)",
            ),
            Change(
                what=gettext_noop(
                    "New numbness or tingling without back pain went up from soon (1 to 3 days) "
                    "to urgent (today)."
                ),
                why=gettext_noop(
                    "Numbness can come from a squeezed nerve, the spinal cord or the brain. It "
                    "should be checked the same day."
                ),
                source=(
                    "Clinical brief, additions (new numbness in a leg is same day); judgement call"
                ),
            ),
            Change(
                what=gettext_noop(
                    "Back pain in someone who has had cancer went up from soon (1 to 3 days) to "
                    "urgent (today)."
                ),
                why=gettext_noop(
                    "New back pain after cancer can mean the cancer has reached the spine. The "
                    "cancer team should hear about it within a day."
                ),
                source=(
                    "NICE NG234 (spinal metastases: discuss new spinal pain in people with "
                    "cancer within 24 hours)"
                ),
            ),
            Change(
                what=gettext_noop("The sepsis rules now name the newer NICE guideline."),
                why=gettext_noop(
                    "NICE NG253 replaced NG51 in 2025. The levels the rules give did not change."
                ),
                source="NICE NG253 (replaced NG51 in November 2025)",
            ),
            Change(
                what=gettext_noop(
                    "Pages to read are now listed by how many of the deciding rules point to "
                    "them. With kidney signs, the kidney page comes first."
                ),
                why=gettext_noop("The page that fits best should be the first one people see."),
                source="Clinical safety check, round 2 (issue 9)",
            ),
        ),
    ),
    Release(
        version="1.326c8861",
        date=datetime.date(2026, 11, 21),
        title=gettext_noop("First release"),
        summary=gettext_noop("The checker's first public rules: 53 rules, each with its source."),
        changes=(
            Change(
                what=gettext_noop("The first 53 rules, each with its source."),
                why=gettext_noop("The first public version of the checker."),
                source="Clinical brief (docs/clinical-brief.md) and the guidelines it names",
            ),
        ),
    ),
)


def release_for(version: str) -> Release | None:
    """The release that produced ``version``, or None if the change log does not know it."""
    return next((release for release in RELEASES if release.version == version), None)
