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


# A page opening inside a letter: its last lines, its published source and archive line, then two headed letters.
OPENS_INSIDE = """Том 3
Ну, пока все. Пиши чаще.
Твой Петр.
12/III-25
Письма Петрова. Из семейного архива. Москва, 1995. С. 12–13.
ГАРФ. Ф. 12. Оп. 3. Д. 45. Л. 6.
Письмо И.И. Петрову 14 марта 1925 года
Получил Вашу записку. Вопрос решён правильно, но поздно.
Петров.
Письмо С.С. Сидорову 15 марта 1925 года
Прочти записку и верни её с первой почтой.
"""

# An edition's own description above the first heading: no letter's text, no archive line.
DESCRIBED = """Petrov and Sidorov. Letters. 1920–1925. Compiled and annotated by the editors of this volume.
Moscow: Nauka, 1999. The letters are given in full with their archival references.
Petrov to Sidorov March 3, 1921
We have read the proposal of the commission and ask for your opinion.
Sidorov to Petrov March 5, 1921
I agree with the proposal.
"""


def test_the_end_of_a_letter_above_the_first_heading_is_a_document_of_its_own() -> None:
    name, documents = read(OPENS_INSIDE)
    assert name == "edition"
    assert [d.id.rsplit("-", 1)[-1] for d in documents] == ["opening", "01", "02"]
    assert "Твой Петр." in texts(documents[0])
    assert all("collection" not in d.fields for d in documents)


def test_an_editions_description_above_the_first_heading_stays_its_description() -> None:
    name, documents = read(DESCRIBED)
    assert name == "edition"
    assert len(documents) == 2
    assert documents[0].fields["collection"].text.startswith("Petrov and Sidorov.")


# Headings of a page opening inside a letter; one an inscription on another's telegram.
TAGGED = """Петров.
12/III-25
ГАРФ. Ф. 12. Оп. 3. Д. 45. Л. 6.

Надпись на телеграмме И.И. Петрова 14 марта 1925 года

Согласен. Прошу выехать поездом, а не лететь самолетом в такую погоду.

Сидоров.

Телеграмма И.И. Петрову 15 марта 1925 года

Прочти записку и верни её с первой почтой.
"""


def test_an_inscription_on_a_telegram_heads_a_letter() -> None:
    name, documents = read(TAGGED)
    assert name == "edition"
    assert [d.title.text for d in documents[1:]] == ["Надпись на телеграмме И.И. Петрова", "Телеграмма И.И. Петрову"]
    assert documents[1].fields["date"].text == "14 марта 1925 года"
    assert documents[0].title.text == "Петров."
