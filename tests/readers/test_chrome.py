"""Site chrome told by its shape (``readers/chrome.py``): navigation bars, breadcrumbs, skip links."""

from __future__ import annotations

import pytest

from tei_encode.diagnostics import Reporter
from tei_encode.readers.chrome import chrome_kind, drop_chrome

CHROME = {
    "Home | Archive | Letters | About": "navigation bar",
    "Index  |  Volume 12 | Works  |  Contact": "navigation bar",
    "| | | |": "navigation bar",
    "Home • Letters • About": "navigation bar",
    "Главная · Документы · Письма · Контакты": "navigation bar",
    "Главная » Документы » Том 3 » Письмо (страница 2)": "breadcrumb",
    "Library > Collections > Papers of A. B. Smith": "breadcrumb",
    "Writers > 1930 >": "breadcrumb",
    "Skip to main content": "skip link",
    "Перейти к содержимому": "skip link",
    "You are here:": "breadcrumb",
    "Вы здесь": "breadcrumb",
    "< backward   forward >": "pager",
    "« Previous | Next »": "pager",
    "<<": "pager",
    "»": "pager",
    "←": "pager",
    # links in small letters, two of them names every site gives its pages
    "home | about | documents | news | publications | FOIA | search | mailing list": "navigation bar",
}
TEXT = [
    "Stalin to Kaganovich October 2, 1933",
    "| Name | Place | Year |",  # a table row opens with a bar
    "1932 | 40,000 | 3,000 | 12",  # a row of figures
    "We decided: | first, to wait | second, to write to him. |",
    "Write to me > tomorrow > or the day after, as you wish and as the post allows.",
    "x > y > z",
    "x > y >",
    "Prices rose in the spring and summer of that year, and costs > prices >",
    "The value rose > 5 per cent.",
    "<b> bold </b>",
    "<< >>",  # two arrows are no link
    "<<<",
    "x < y and y > z",
    "Skip to content, he wrote, is what they say on the site.",
    "He came • she went • they left the house in a hurry and never came back.",
    "1 • 2 • 3",
    "home | work | family",  # one name of a site's pages
    "we met | they left | and so on",
]


@pytest.mark.parametrize("line", CHROME, ids=list(CHROME))
def test_chrome_lines(line: str) -> None:
    assert chrome_kind(line) == CHROME[line]


@pytest.mark.parametrize("line", TEXT, ids=TEXT)
def test_lines_of_text(line: str) -> None:
    assert chrome_kind(line) is None


def test_chrome_is_blanked_in_place_and_reported_with_its_line() -> None:
    reporter = Reporter("page.txt")
    text = "Title\nHome | Letters | About\nThe letter.\n"
    assert drop_chrome(text, reporter) == "Title\n\nThe letter.\n"
    [diagnostic] = reporter.diagnostics
    assert (diagnostic.code, diagnostic.line) == ("site-chrome-dropped", 2)


PAGE_CHROME = {
    "header-over-navigation": (
        "Centre of the Humanities\n\nMirror of a Library,\n\nPrevious\npublication\nIndex of the works\n\n"
        "Petrov P.P.\n\nLetter to S. S. Sidorov\n\nThe letter's first sentence is long enough to be a sentence.\n",
        {1: "site header", 3: "site header", 5: "site header", 6: "site header", 7: "site header"},
    ),
    "home-link": (
        "A forum of strategy and history of the labour movements\nLeft links\n\nForum home\n\nLetters\n\n"
        "Dear friend! I am always very busy now and worried with the same story.\n",
        {1: "site header", 2: "site header", 4: "site header"},
    ),
    "breadcrumb-page-name-pager": (
        "Essays. Reports\n\n» » Papers of P. Petrov\n\nPapers of P. Petrov\n\nPage 3 of 18\n\nChapter 2\n"
        "The letter's first sentence is long enough to be a sentence of the text.\n",
        {1: "site header", 3: "breadcrumb", 5: "page name", 7: "pager"},
    ),
    "fields-between-breadcrumb-and-pager": (
        "1 000 books, 200 authors.\n\nLibrary » Authors » P. Petrov » Volume 3 (page 17)\nVolume 3\n"
        "Added: 7 October 2016\n\nAuthor: P. Petrov\n\nCurrent page: 17 (of 39 pages)\n\nLetter to S. S. Sidorov\n\n"
        "Dear friend! I am always very busy now and worried with the same story.\n",
        {1: "site header", 3: "breadcrumb", 4: "page fields", 5: "page fields", 7: "page fields", 9: "pager"},
    ),
    "title-with-links": (
        "Петров - Сидорову и др. (original) (raw)\n\nСпецсообщение П. П. Петрова\n\n"
        "Текст донесения достаточно длинный, чтобы быть предложением.\n",
        {1: "page title with links"},
    ),
    "viewer-buttons": (
        "網頁圖片\nPDF\nePub 版\n\nCiphered telegram\n\n"
        "From Pyongyang To Moscow. The telegram's text is long enough.\n",
        {1: "viewer buttons", 2: "viewer buttons", 3: "viewer buttons"},
    ),
    "items-over-page-row": (
        "Letters. 1931–1936\n\nMaterial\n290 Petrov — Sidorov [22 August 1933]\n292 Orlov — Sidorov\nSimilar:\n"
        "1   ...   29   30   31   ...   84\n294\n\nThe notes of the document before are long enough to be text.\n",
        {4: "list of other items", 5: "list of other items", 6: "list of other items", 7: "pager"},
    ),
    "wiki-template-tables": (
        "| Category | Template | Form |\n|---|---|---|\n| Text | Text | Text |\n| Template | Form |\n|---|---|\n"
        "| Browse | Browse |\nTemplate:Gallery\nLetter to Karl Marx\n| Author(s) | Friedrich Engels |\n|---|---|\n"
        "| Written | 10 April 1868 |\n",
        {1: "template table", 2: "template table", 3: "template table", 4: "template table", 5: "template table"}
        | {6: "template table", 7: "wiki link"},
    ),
    "open-wiki-template-tables": (
        "Category | Template | Form |\nText | Text | Text |\nAuthor | Author | Author |\nTemplate | Form |\n"
        "Browse | Browse |\nLetter to Karl Marx\nAuthor(s) | Friedrich Engels |\nWritten | 10 April 1868 |\n",
        dict.fromkeys(range(1, 6), "template table"),
    ),
    "fields-over-a-book-pager": (
        "Автор книги: Пётр Петров\nЖанр: История\nсообщить о нарушении\n"
        "Текущая страница: 10 (всего у книги 48 страниц) [доступный отрывок: 16 страниц]\nПисьмо в редакцию\n"
        "Дорогие товарищи! Я считаю, что отношения между нами не вполне нормальны.\n",
        {1: "site header", 2: "site header", 3: "site header", 4: "pager"},
    ),
    "site-button-first": (
        "Выбрать главу\n\nСовершенно секретно\n\n"
        "Выписка из протокола заседания от 12 апреля 1979 года о наших делах.\n",
        {1: "site button"},
    ),
    "bracketed-button": (
        "[ Download the whole text as PDF ]\nTranscript of a conversation\nA: Ask him, perhaps he will tell us more.\n",
        {1: "site button"},
    ),
    "file-fields-down-to-a-button": (
        "Added by:\nUpload Опубликованный материал нарушает ваши права? Сообщите нам.\nFile:\nletters.doc\n"
        "Added:\n07.05.2019\nDownload\n\n4. P. Petrov to S. Sidorov\n\n"
        "Dear Paul! I write to you to introduce a friend.\n",
        dict.fromkeys(range(1, 7), "site header") | {2: "site button", 7: "site button"},
    ),
    "header-of-a-file-site-over-its-pager": (
        "In accordance with a decision of the ninth congress of the r\n\nDownload 6.35 Mb.\nPdf view\nbet13/55\n"
        "#12681\n1   ...   9   10   11   12   ...   55\n\n121\n\nTELEGRAM TO P. PETROV\n\n"
        "I fully appreciate the work and certainly approve it, but I demand more.\n",
        {1: "site header", 3: "site button", 4: "site header", 5: "site header", 6: "site header", 7: "pager"},
    ),
    "title-with-page-counter": (
        "Письма военных лет — страница 5 из 28\n\nП. ПЕТРОВ\n\n"
        "Текст директивы достаточно длинный, чтобы быть предложением документа.\n",
        {1: "page title with counter"},
    ),
    "title-with-page-number": (
        "Указатель имён 12 страница\n\nкоторые его судили\n\nВаш П. Петров\n",
        {1: "page title with counter"},
    ),
    "title-with-author": (
        "Собрание сочинений. Том 7. Январь 1905 — ноябрь 1910 - Пётр Петрович Петров\nКрепко жму руку.\n"
        "Ваш П. Петров\n",
        {1: "page title with author"},
    ),
    "heading-given-twice": (
        "Account\nPeter Petrov, Semyon Sidorov\n\n“YOURS, DEAR COMRADE”\n\nPeter Petrov, Semyon Sidorov\n\n"
        "“YOURS, DEAR COMRADE”\n\nThe correspondence of two writers, published with notes by the editors.\n",
        {1: "site header"},
    ),
    "file-site-survey-down-to-transcript": (
        "Download Letter of P. Petrov\n\nSurvey\nyes no Was this document useful for you?\n   Thank you!\n\n"
        "Document related concepts\nTranscript\nLetter of P. Petrov\nHe writes that he is well and sends regards.\n",
        {1: "site button", 3: "site header", 4: "site header", 5: "site header", 7: "site header", 8: "site label"},
    ),
    "search-box-over-loading": (
        "Search the documents of the century\n\nLoading\n\n03. P. Petrov to S. Sidorov.\n\n"
        "Thank you for the letter, dear friend, and for the news it brought.\n",
        {1: "site header", 3: "site widget"},
    ),
    "header-over-reading-time": (
        "Письма П. Петрова, Сидоров Семён, Год: 1883\n\nВремя на прочтение: 37 минут(ы)\n\nПИСЬМА П. ПЕТРОВА\n\n"
        "Пётр Петров участвовал в движении с конца семидесятых годов прошлого века.\n",
        {1: "site header", 3: "site widget"},
    ),
    "category-bars": (
        "Архитектура Аудит Военная наука Иностранные языки Медицина\n"
        "Разделы: Автомобили Дом и сад Другие языки История Культура Литература Логика Медицина Механика Право\n\n"
        "Телеграмма посольства из Будапешта\n\nДемонстрация студентов прошла мирно на площади у памятника.\n",
        {1: "category bar", 2: "category bar"},
    ),
    "header-repeated-as-footer": (
        "Centre of the Humanities\n\nPrevious\npublication\nIndex of the works\n\nLetter to S. S. Sidorov\n\n"
        "The letter's first sentence is long enough to be a sentence.\n\nArchive F. 1. Op. 2. D. 3.\n\n"
        "Previous\npublication\nIndex of the works\n\nNext\n",
        dict.fromkeys((1, 3, 4, 5), "site header") | dict.fromkeys((13, 14, 15, 17), "site footer"),
    ),
    "partners-box": (
        "• Наши партнеры\n    Виды спа example.ru.\n  • Петров П. - Сидорову (23 марта 1928)\n\n"
        "Сердечно тронут Вашим поздравлением, дорогой друг, и благодарю за него.\n",
        {1: "site widget", 2: "site widget"},
    ),
    "reader-controls": (
        "Шрифт:\nИнтервал:\nЗакладка:\nНе знаю, должен ли я сказать Вам, что Ваше сообщение застало меня.\n",
        {1: "site widget", 2: "site widget", 3: "site widget"},
    ),
    "page-identifier": (
        "Library ID: RU-15510\n\nN11 Letter to the Central Committee\n\n"
        "Your answer and the report of the plenum's decision have been received by us.\n",
        {1: "page identifier"},
    ),
}
NOT_PAGE_CHROME = [
    "0\r\nA",  # short lines with no text under them are no viewer's buttons
    "Skip to content\n",  # a page of nothing but chrome keeps its lines
    "Протокол (копия)\n\nТекст протокола достаточно длинный, чтобы быть предложением.\n",
    "Next day\n\nWe left Moscow in the morning and reached the border by the evening of the second day.\n",
    "1932 1933 1934 1935 1936\n\nThe figures of the harvest are given for each year of the plan in turn.\n",
    "| Name | Place |\n|---|---|\n| Petrov | Moscow |\n| Orlov | Kiev |\n",
    "Dear friend,\n\nI am always very busy now & worried.\n\nHome\n",
    # a site's words of action below the first sentence, or opening one, are the document's
    "Dear friend,\n\nI am always very busy now and worried with the same story.\nDownload the files tomorrow.\n",
    "Download the file, he wrote, and read it to the committee before the meeting opens.\n\nYours\n",
    "Письмо Горькому\n\nЧитать Ваше письмо было для меня большой радостью, спасибо.\n\nВаш\n",
    "Record ID: 110296 of the archive\n\nThe first sentence of the document is long enough.\n",
    "Name | Place |\nPetrov | Moscow |\nOrlov | Orlov |\n",  # a table of names, one row repeating a value
    # a title of capitalised words, with prepositions or in capitals, is no bar of a site's sections
    "Memorandum of Conversation Between President Reagan and General Secretary Gorbachev\n\nThe talk began.\n",
    "МАТЕРИАЛЫ ПО ИСТОРИИ РУССКОГО РЕВОЛЮЦИОННОГО ДВИЖЕНИЯ\n\nТекст достаточно длинный, чтобы быть предложением.\n",
    "Soviet Foreign Ministry Memorandum Concerning Korean Reunification Talks\n\nThe talks began in June.\n",
    "Телеграмма посольства США из Будапешта в департамент\n\nДемонстрация прошла мирно.\n",
    # a page's last lines repeating its title are the document's when the page has no site header
    "Letter to Sidorov\n\nThe letter's first sentence is long enough to be a sentence.\n\nLetter to Sidorov\n",
    # a transcript's label with no site button above it is the document's heading
    "Transcript\nA: Ask him, perhaps he will tell us more about the meeting.\n",
    # a heading given twice with nothing above it
    "Peter Petrov\n“YOURS”\nPeter Petrov\n“YOURS”\n\nThe correspondence of two writers, published with notes.\n",
    # a heading of a letter names its writer with initials
    "03. П. Петров - С. С. Сидорову.\n\nСпасибо за письмо, дорогой товарищ, и за все новости в нём.\n",
    "Письмо С. Сидорову - П. Петров\n\nСпасибо за письмо, дорогой товарищ, и за все новости в нём.\n",
    # a sentence closing on a domain is the document's
    "Адрес\n\nПисьма присылайте на адрес редакции, указанный на сайте example.ru.\n",
    # a book's page numbers in a sentence are the document's
    "The report is on страница 5 из 28 of the file, as he said.\n\nThe letter's first sentence is long enough.\n",
]


@pytest.mark.parametrize("case", PAGE_CHROME, ids=list(PAGE_CHROME))
def test_chrome_told_by_its_place_on_the_page(case: str) -> None:
    text, wanted = PAGE_CHROME[case]
    reporter = Reporter("page.txt")
    kept = drop_chrome(text, reporter)
    assert {d.line: d.message.split(" dropped")[0] for d in reporter.diagnostics} == wanted
    assert [n for n, line in enumerate(kept.split("\n"), start=1) if not line.strip() and text.split("\n")[n - 1]] == (
        sorted(wanted)
    )


@pytest.mark.parametrize("text", NOT_PAGE_CHROME, ids=range(len(NOT_PAGE_CHROME)))
def test_text_in_the_places_of_chrome_is_kept(text: str) -> None:
    reporter = Reporter("page.txt")
    assert drop_chrome(text, reporter) == text and not reporter.diagnostics
