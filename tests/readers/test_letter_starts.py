"""Where a letter starts on a page of several (``readers/starts.py``): headings naming writer and addressee given
again and again, a head of state's "personal and secret" heading, a salutation under the signature of the letter
before, a number under the editors' lines broken as the book's column was; and where none starts."""

from __future__ import annotations

import pytest

from .pages import read, texts

# Letters under the writer and the addressee with no dash, each dated on the line over it, none signed.
PAIRS = """Переписка П.П.Петрова с С.С.Сидоровым в годы войны

Отправлено 4 мая 1942 года

П.П.Петров С.С.Сидорову

Если бы комиссия сочла необходимым отложить поставки, то мы просили бы сообщить об этом заранее.

9 мая 1942 год

П.П.Петров С.С.Сидорову

Ваше решение о поставках получено, и мы благодарим Вас за него от имени всех работников складов.
"""

# The end of a message, then the next under its "personal and secret" heading (the number run on to the text).
MESSAGE = """Поэтому для поездки придётся использовать другой путь, если поездка станет предметом обсуждения.№ 18
СЕКРЕТНО И ЛИЧНО ОТ ПРЕДСЕДАТЕЛЯ П. П. ПЕТРОВА
ПРЕЗИДЕНТУ г-ну С. СИДОРОВУ
Ваше послание получил. Необходимые транспортные средства будут предоставлены в ближайшее время.
"""

# Two letters of one writer reprinted on a page under its title: the second's date and salutation under the signature.
GREETED = """Letter to Two Friends
These two letters were printed together in the journal under one heading.
August 3, 1940
Dear Mr. Smith:
My friends have told me of your help, which has been constant over all these months of work.
Sincerely yours,
P. PETROV
August 4, 1940.
Dear Mr. Jones:
The only thing I know about you is that you are a generous friend of the house and its library.
"""

# A collected-works page opening inside a letter whose editors' lines the copy broke into short lines.
BROKEN_EDITORS = """в печати обеих сторон. Перечень резолюций, сколько есть, и приложение к ним.
Ждем известий.
Написано 17 июня 1913 г.
Впервые напечатано в 1924 г.
в журнале
«Летопись» № 1Печатается по машинописной
копии
161
С. С. СИДОРОВУ
Дорогой товарищ! Получил и прочел Вашу статью, тема взята хорошо и разработана подробно.
"""


def test_headings_naming_writer_and_addressee_given_again_start_a_letter_each_with_its_date() -> None:
    name, documents = read(PAIRS)
    assert name == "letters"
    assert [d.title.text for d in documents] == ["П.П.Петров С.С.Сидорову", "П.П.Петров С.С.Сидорову"]
    assert "Отправлено 4 мая 1942 года" in texts(documents[0]) and "Переписка" in texts(documents[0])
    assert texts(documents[1]).startswith("9 мая 1942 год")


def test_headings_naming_writer_and_addressee_in_capitals_with_a_note_sign_start_letters() -> None:
    page = PAIRS.replace("П.П.Петров С.С.Сидорову", "П. П. ПЕТРОВ С. С. СИДОРОВУ *")
    name, documents = read(page)
    assert name == "letters"
    assert [d.title.text for d in documents] == ["П. П. ПЕТРОВ С. С. СИДОРОВУ *"] * 2


@pytest.mark.parametrize(
    "heading",
    [
        "PERSONAL AND SECRET MESSAGE FROM PREMIER P. PETROV",
        "Personal and most secret for Premier Petrov",
        "PERSONAL AND TOP SECRET FROM THE PRIME MINISTER TO PREMIER PETROV",
    ],
)
def test_an_english_personal_and_secret_heading_under_a_message_starts_the_next(heading: str) -> None:
    page = (
        "Our transport is heavily loaded at present, and the journey will have to be made another way.\n"
        f"{heading}\nYour message received. The transport will be provided in the coming days.\n"
    )
    _, documents = read(page)
    assert [d.title.text for d in documents][1:] == [heading]


def test_a_numbered_message_after_the_date_of_the_message_a_page_opens_inside_starts_with_its_number() -> None:
    page = (
        "the supply of aluminium, which I am still studying, and I shall let you know of it soon after.\n\n"
        "October 19, 1942\n\nNo. 47\n\nPERSONAL AND SECRET FROM THE PRESIDENT TO PREMIER PETROV\n\n"
        "I have just received your personal letter, a copy of which you sent me by the admiral.\n"
    )
    name, documents = read(page)
    assert name == "letters"
    assert [(d.meta.number, d.title.text) for d in documents][1:] == [
        ("47", "PERSONAL AND SECRET FROM THE PRESIDENT TO PREMIER PETROV")
    ]
    assert "October 19, 1942" in texts(documents[0])


@pytest.mark.parametrize(
    "heading",
    [
        "СЕКРЕТНО И ЛИЧНО ОТ ПРЕДСЕДАТЕЛЯ П. П. ПЕТРОВА",
        "ЛИЧНО И СТРОГО СЕКРЕТНО ОТ ПРЕДСЕДАТЕЛЯ П. П. ПЕТРОВА",
        "Совершенно секретно и лично от председателя П. П. Петрова",
    ],
)
def test_a_personal_and_secret_heading_under_the_text_of_a_message_starts_the_next(heading: str) -> None:
    name, documents = read(MESSAGE.replace("СЕКРЕТНО И ЛИЧНО ОТ ПРЕДСЕДАТЕЛЯ П. П. ПЕТРОВА", heading))
    assert name == "letters"
    assert [d.title.text for d in documents][1:] == [heading]
    assert documents[0].title.text.startswith("Поэтому") and "ПРЕЗИДЕНТУ" in texts(documents[1])


def test_a_salutation_under_a_signature_and_a_date_starts_a_letter() -> None:
    name, documents = read(GREETED)
    assert name == "letters"
    assert [d.title.text for d in documents] == ["Letter to Two Friends", "Dear Mr. Jones:"]
    assert "P. PETROV" in texts(documents[0]) and "August 4, 1940." in texts(documents[1])


def test_a_salutation_under_the_postscript_of_the_letter_before_starts_a_letter() -> None:
    page = GREETED.replace("P. PETROV\n", "P. PETROV\nP.S. The books came today, and I thank you again.\n")
    name, documents = read(page)
    assert name == "letters"
    assert [d.title.text for d in documents] == ["Letter to Two Friends", "Dear Mr. Jones:"]
    assert "The books came today" in texts(documents[0]) and "August 4, 1940." in texts(documents[1])


def test_a_number_under_editors_lines_broken_into_short_lines_starts_a_letter() -> None:
    name, documents = read(BROKEN_EDITORS)
    assert name == "letters"
    assert [(d.meta.number, d.title.text) for d in documents][1:] == [("161", "С. С. СИДОРОВУ")]
    assert "копии" in texts(documents[0])


def test_a_letter_closed_with_your_and_the_name_is_signed() -> None:
    page = (
        "и надо это сделать сегодня же, не откладывая до заседания комиссии в понедельник.\nВаш П. Петров\n"
        "Письмо С. С. Сидорову\nТов. Сидоров! Посылаю Вам записку о складах и прошу ответить сегодня же.\n"
    )
    _, documents = read(page)
    assert [d.title.text for d in documents][1:] == ["Письмо С. С. Сидорову"]


# Documents in translation, each closed by its archive's citation; the next under an extract's heading in sentence
# case, one under its stamps.
EXTRACTS = """The gang of Ivan Petrov has been operating since 1920 and keeps in touch with other gangs of the district.
People's Commissar of Internal Affairs SIDOROV.
GARF. F.R-1234. Op.1. D 2. L.3-4.
From reports on the general situation of the district on the eve of the harvest of the year
The average daily output of the refinery in July increased by three thousand tons over the first half of the year.
NARCH. F.1. Op.1. D.748. L.15.
Strictly confidential
Special folder
Extract from minutes # 124 of the meeting of the Bureau of the District Committee on July 15, 1941
Listened to: the report of the People's Commissar on the fight against banditry in the district.
"""


def test_an_extracts_heading_under_an_archive_citation_starts_a_document() -> None:
    _, documents = read(EXTRACTS)
    assert [d.title.text.split()[:2] for d in documents[1:]] == [["From", "reports"], ["Extract", "from"]]
    assert texts(documents[2]).startswith("Strictly confidential")


ONE_LETTER = {
    # a heading naming writer and addressee once: one letter, whatever follows
    "one-pair": "П.П.Петров С.С.Сидорову\n\nЕсли бы комиссия сочла необходимым отложить поставки, то мы "
    "просили бы сообщить.\n\nС уважением П.Петров\n",
    # a "personal and secret" heading over the message, nothing above it
    "message-at-the-top": "ЛИЧНОЕ И СЕКРЕТНОЕ ПОСЛАНИЕ ПРЕДСЕДАТЕЛЯ П. П. ПЕТРОВА\nПРЕЗИДЕНТУ г-ну С. СИДОРОВУ\n"
    "Ваше послание получил. Необходимые транспортные средства будут предоставлены в ближайшее время.\n",
    # a message quoted under a colon
    "message-quoted": "I have had from the President the following message, which I send on to you at once:\n"
    "PERSONAL AND SECRET FROM THE PRESIDENT TO PREMIER PETROV\nYour message received, and the supplies go on.\n",
    # a line of a text broken at its width that opens with the word for a letter, under a name line
    "broken-line": "Dear Mr. Smith:\nThe copies should be sent on to our friends, as\nWalter Held\n"
    "letter could be made in Berlin. I would, of course, cover the\nexpenses of it and of the post.\n",
    # a postscript under the signature opens no letter
    "postscript": "Dear Mr. Smith:\nMy friends have told me of your help, which has been constant over the months.\n"
    "Sincerely yours,\nP. PETROV\nP.S. Dear friend, the books have come and I thank you for them again.\n",
    # a postscript ending in a colon quotes the letter under it; a postscript running on is no line of its own
    "postscript-quoting": GREETED.replace("P. PETROV\n", "P. PETROV\nP.S. He answered the same day, as follows:\n"),
    "postscript-running-on": GREETED.replace(
        "P. PETROV\n", "P. PETROV\nP.S. The books came today.\nI read them and send them on with this letter:\n"
    ),
    # under an addressee's heading in capitals the salutation is the letter's own
    "salutation-under-addressee": "и прошу ответить на это письмо сегодня же, не откладывая до заседания комиссии.\n"
    "С. С. СИДОРОВУ\nДорогой товарищ!\nПолучил и прочел Вашу статью, тема взята хорошо и разработана.\n",
    # a line opening with "from" and a document's kind, in the text or under a signature, is no heading
    "from-in-the-text": "Dear Mr. Smith:\nMy friends have told me of your help, which has been constant.\n"
    "From reports of the commission we learn that the books have come\nto Moscow at last.\nP. PETROV\n",
    # an extract's heading quoted in the text after the archive's citation of a source it names
    "extract-quoted": "The commission wrote at length about the harvest of the year and its losses in the district.\n"
    "GARF. F.R-1234. Op.1. D 2. L.3-4.\nand the minutes of the meeting, which the commission had before it, say:\n"
    "Extract from minutes of the meeting of the Bureau on July 15, 1941:\nThe harvest is to be brought in by August.\n",
    # a salutation further down, under the letter's text, is a letter quoted
    "salutation-in-the-text": "Dear Mr. Smith:\nMy friends have told me of your help, which has been constant.\n"
    "Sincerely yours,\nP. PETROV\nHe wrote back at once, and his letter ran as follows.\nDear Mr. Petrov:\n"
    "I thank you for the letter and the books, which came this morning with the post.\n",
}


@pytest.mark.parametrize("case", ONE_LETTER, ids=list(ONE_LETTER))
def test_no_letter_starts_inside_one(case: str) -> None:
    _, documents = read(ONE_LETTER[case])
    assert len(documents) == 1
