from education.readability import as_sentences, flesch_kincaid_grade, text_blocks


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
