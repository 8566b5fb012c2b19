import pytest

from education.readability import (
    as_sentences,
    fernandez_huerta,
    flesch_kincaid_grade,
    spanish_syllables,
    text_blocks,
)


def test_each_block_counts_as_its_own_sentence():
    blocks = text_blocks("<h2>Signs</h2><ul><li>Fever</li><li>Chills.</li></ul>")
    assert blocks == ["Signs", "Fever", "Chills."]
    assert as_sentences(blocks) == "Signs. Fever. Chills."


def test_marked_navigation_and_citations_are_not_measured():
    html = (
        "<p>Short words here.</p>"
        '<nav data-reading-skip><a href="/">Extraordinarily complicated navigation</a></nav>'
        "<p>More short words.</p>"
    )
    assert text_blocks(html) == ["Short words here.", "More short words."]


def test_scripts_are_not_measured():
    assert text_blocks("<p>Hi.</p><script>var x = 1;</script>") == ["Hi."]


def test_simple_text_scores_a_low_grade_and_dense_text_a_high_one():
    easy = "<p>Get help now. Call for an ambulance. Do not wait.</p>"
    hard = (
        "<p>Vertebral osteomyelitis necessitates prolonged intravenous antimicrobial "
        "administration, frequently complemented by percutaneous diagnostic biopsy.</p>"
    )
    assert flesch_kincaid_grade(easy) < 4
    assert flesch_kincaid_grade(hard) > 12


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("espalda", 3),  # es-pal-da
        ("fiebre", 2),  # fie-bre: i and e share a syllable
        ("pielonefritis", 5),  # pie-lo-ne-fri-tis
        ("emergencias", 4),  # e-mer-gen-cias
        ("infección", 3),  # in-fec-ción
        ("riñón", 2),
        ("ciudad", 2),  # ciu-dad: two weak vowels are a diphthong
        ("aire", 2),  # ai-re
        ("huevo", 2),  # hue-vo
        ("cuidado", 3),  # cui-da-do
        ("quiero", 2),  # quie-ro
        ("pingüino", 3),  # pin-güi-no
        ("estudiáis", 3),  # es-tu-diáis: a triphthong
        ("día", 2),  # dí-a: a stressed í breaks the diphthong
        ("país", 2),  # pa-ís
        ("reír", 2),  # re-ír
        ("guía", 2),  # guí-a
        ("aún", 2),  # a-ún
        ("leer", 2),  # le-er: two strong vowels are a hiatus
        ("osteomielitis", 6),  # os-te-o-mie-li-tis
        ("ahí", 2),  # a-hí: the silent h still ends a syllable
        ("muy", 1),  # y after a vowel sounds like i
        ("y", 1),
        ("ayuda", 3),  # a-yu-da: y before a vowel is a consonant
        ("FIEBRE", 2),
        ("RM", 1),  # an abbreviation with no vowel
        ("38", 2),  # one per digit
    ],
)
def test_spanish_syllables_are_counted_by_vowel_nuclei(word, syllables):
    assert spanish_syllables(word) == syllables


def test_simple_spanish_scores_as_easy_and_dense_spanish_as_hard():
    easy = "<p>Llame ya. Pida ayuda. No espere. Vaya al hospital hoy.</p>"
    hard = (
        "<p>La osteomielitis vertebral necesita una administración intravenosa prolongada "
        "de antimicrobianos, complementada frecuentemente por una biopsia percutánea "
        "diagnóstica guiada mediante tomografía computarizada.</p>"
    )
    assert fernandez_huerta(easy) > 90
    assert fernandez_huerta(hard) < 30


def test_fernandez_huerta_uses_words_per_sentence_and_syllables_per_100_words():
    # 4 words, 7 syllables, 2 sentences: 206.84 - 0.60 * 175 - 1.02 * 2
    assert fernandez_huerta("<p>Tiene fiebre. Llame hoy.</p>") == pytest.approx(99.8)


def test_each_spanish_block_counts_as_a_sentence():
    one_sentence = "<p>Fiebre alta, dolor de espalda, escalofríos.</p>"
    as_list = "<ul><li>Fiebre alta</li><li>Dolor de espalda</li><li>Escalofríos</li></ul>"
    assert fernandez_huerta(as_list) > fernandez_huerta(one_sentence)


def test_a_text_without_words_cannot_be_measured():
    with pytest.raises(ValueError, match="no Spanish words"):
        fernandez_huerta("<p>…</p>")
