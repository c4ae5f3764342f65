"""Pages of a correspondence edition as copied from the web: no blank lines, run-on lines, a page title heading."""

from __future__ import annotations

from .pages import read, texts

# Copied without blank lines; the first heading runs on into its archive line.
RUN_ON = """Petrov and Sidorov. Letters. 1920–1925
Petrov, Orlov to Sidorov March 3, 1921Archive: RGASPI F. 12. Op. 3. D. 45. L. 6. Original.
In. No. 12.
We have read the proposal of the commission and ask for your opinion before the meeting on Monday.
Petrov. Orlov.
_______________
1 The proposal has not been found.
Sidorov to Petrov March 5, 1921
Archive: RGASPI F. 12. Op. 3. D. 45. L. 8. Autograph.
I agree with the proposal. Sidorov.
"""

# The page's own title over another letter, then, after that letter's published source, its own text.
TITLED = """Письмо И.И. Петрову 12 марта 1925 года

Письмо С.С. Сидорову 9 марта 1925 года

Получил Вашу записку. Вопрос решён правильно, но поздно.

Известия ЦК. 1991. № 4. С. 18–19.

Иван!

Посылаю тебе записку Сидорова. Прочти и верни.
"""


def test_a_page_without_blank_lines_is_cut_at_its_headings() -> None:
    name, documents = read(RUN_ON)
    assert name == "edition"
    assert [d.title.text for d in documents] == ["Petrov, Orlov to Sidorov", "Sidorov to Petrov"]
    assert documents[0].fields["date"].text == "March 3, 1921"
    assert documents[0].meta.number == "12"
    assert "Archive: RGASPI F. 12. Op. 3. D. 45. L. 6. Original." in texts(documents[0])
    assert "The proposal has not been found." in texts(documents[0])
    assert "I agree" not in texts(documents[0]) and "I agree with the proposal. Sidorov." in texts(documents[1])


def test_a_heading_standing_alone_heads_the_letter_without_one() -> None:
    name, documents = read(TITLED)
    assert name == "edition"
    assert [d.title.text for d in documents] == ["Письмо И.И. Петрову", "Письмо С.С. Сидорову"]
    assert texts(documents[0]).startswith("Иван!") and "Прочти и верни." in texts(documents[0])
    assert texts(documents[1]).startswith("Получил Вашу записку.")
    assert "Известия ЦК. 1991. № 4. С. 18–19." in texts(documents[1]) and "Иван!" not in texts(documents[1])


def test_a_published_source_without_a_salutation_after_it_keeps_the_rest_in_its_letter() -> None:
    _, documents = read(TITLED.replace("Иван!\n\n", ""))
    assert texts(documents[0]) == ""
    assert "Прочти и верни." in texts(documents[1])
