"""Generate a synthetic corpus for benchmarks and scale tests, in both source formats.

Every ``--letters N`` run writes ``N`` documents into ``DIR``: pages of a
made-up published collection (ten numbered letters a page, ``No. N`` items
with title, date line, place-date line, body, signature, archival citation and
notes) and, for every tenth letter, a Wilson Center style export (date, bold
title, ``Citation:``, ``Summary:``, ``Original Language:``, ``Contents:`` and a
Russian transcription). People, places, dates and archival references are
drawn from the lists below (invented, not taken from the corpus); ``DIR/register``
holds them as TEI ``listPerson`` and ``listPlace`` so the enrichers link the names.
The same arguments always give the same files.

    python bench/generate.py --letters 1000 -o /tmp/corpus-1k
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

LETTERS_PER_PAGE = 10
WILSON_EVERY = 10

# (key, given-name initials en, surname en, initials ru, surname ru)
PEOPLE = [
    ("Arbenin", "P. S.", "Arbenin", "П. С.", "Арбенин"),
    ("Belokurov", "N. A.", "Belokurov", "Н. А.", "Белокуров"),
    ("Vyazemtsev", "G. I.", "Vyazemtsev", "Г. И.", "Вяземцев"),
    ("Gorlanov", "D. F.", "Gorlanov", "Д. Ф.", "Горланов"),
    ("Dubravin", "E. K.", "Dubravin", "Е. К.", "Дубравин"),
    ("Zheltukhin", "I. M.", "Zheltukhin", "И. М.", "Желтухин"),
    ("Zarechny", "K. P.", "Zarechny", "К. П.", "Заречный"),
    ("Kamyshev", "L. V.", "Kamyshev", "Л. В.", "Камышев"),
    ("Lopukhov", "M. T.", "Lopukhov", "М. Т.", "Лопухов"),
    ("Mezentsev", "O. R.", "Mezentsev", "О. Р.", "Мезенцев"),
    ("Nelidov", "R. G.", "Nelidov", "Р. Г.", "Нелидов"),
    ("Ostrozhsky", "S. D.", "Ostrozhsky", "С. Д.", "Острожский"),
    ("Polotsky", "T. E.", "Polotsky", "Т. Е.", "Полоцкий"),
    ("Rudnev", "A. N.", "Rudnev", "А. Н.", "Руднев"),
    ("Sukhodolsky", "V. L.", "Sukhodolsky", "В. Л.", "Суходольский"),
    ("Tverdokhlebov", "F. O.", "Tverdokhlebov", "Ф. О.", "Твердохлебов"),
    ("Ukhtomtsev", "Ya. B.", "Ukhtomtsev", "Я. Б.", "Ухтомцев"),
    ("Kholmogorov", "B. Z.", "Kholmogorov", "Б. З.", "Холмогоров"),
    ("Tsvilenev", "Yu. S.", "Tsvilenev", "Ю. С.", "Цвиленев"),
    ("Shatrov", "Z. P.", "Shatrov", "З. П.", "Шатров"),
]
# (key, name en, name ru)
PLACES = [
    ("Verkhnedonsk", "Verkhnedonsk", "Верхнедонск"),
    ("Zlatogorsk", "Zlatogorsk", "Златогорск"),
    ("Krasnoborsk", "Krasnoborsk", "Красноборск"),
    ("Lesnogorsk", "Lesnogorsk", "Лесногорск"),
    ("Medvezhinsk", "Medvezhinsk", "Медвежинск"),
    ("Novoselsk", "Novoselsk", "Новосельск"),
    ("Ozyorsk_Severny", "Ozyorsk-Severny", "Озёрск-Северный"),
    ("Pribrezhny", "Pribrezhny", "Прибрежный"),
    ("Solnechnogorye", "Solnechnogorye", "Солнечногорье"),
    ("Ust_Belaya", "Ust-Belaya", "Усть-Белая"),
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_RU = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
GENRES = ["Letter", "Telegram", "Note"]
ARCHIVES = ["RGASPI", "GARF", "RGVA", "RGAE"]
SENTENCES_EN = [
    "The situation in {place} has improved since my last report, and the supply trains arrive on time.",
    "{person} insists that the committee in {place} be reorganised before the end of {month}.",
    "I ask you to send {person} to {place} with full powers as soon as possible.",
    "We received your telegram of {day} {month} only yesterday, because the line was cut again.",
    "The harvest in the district around {place} is poor, and the grain quotas cannot be met in full.",
    "In my opinion, the proposal of {person} deserves support, though with the changes I wrote about.",
    "Please inform me whether the decision on {place} has been taken and who signed it.",
    "The workers of the depot in {place} held a meeting and adopted a resolution against the delay.",
    "{person} will report to you in person on the state of the schools and hospitals.",
    "The road between {place} and {place2} is closed by snow, so the post goes round by river.",
    "I repeat: without fuel the factories will stop, and the responsibility will not be ours.",
    "The commission has finished its work; its conclusions are attached to this letter 2.",
    "All this I tell you quite openly, since {person} already knows the details.",
    "There are not enough people, paper or money, but the work goes on.",
]
SENTENCES_RU = [
    "По вопросу о поставках в {place} сообщаем, что все заявки будут удовлетворены до конца {month_ru}.",
    "Тов. {person_ru} поручено выехать в {place} и на месте разобраться с положением дел.",
    "Ваше сообщение от {day} {month_ru} получено, ответ будет дан после обсуждения.",
    "Мы считаем необходимым усилить работу в районе {place} и направить туда дополнительных работников.",
    "Просим сообщить, какие меры приняты по вопросу о топливе и транспорте.",
    "Комиссия закончила работу, выводы прилагаются.",
]
SUMMARIES = [
    "A report on supplies, transport and the work of the local committees.",
    "Instructions on the appointment of officials and the distribution of grain.",
    "A reply to an earlier telegram about fuel, schools and the state of the roads.",
]


@dataclass(frozen=True)
class Letter:
    """One made-up letter: its number, people, places, date and reference."""

    number: int
    genre: str
    sender: tuple[str, str, str, str, str]
    recipient: tuple[str, str, str, str, str]
    place: tuple[str, str, str]
    year: int
    month: int
    day: int
    archive: str
    fond: int
    opis: int
    delo: int
    leaf: int


def make_letter(rng: random.Random, number: int) -> Letter:
    """A letter with fields drawn from the lists."""
    sender, recipient = rng.sample(PEOPLE, 2)
    return Letter(
        number,
        rng.choice(GENRES),
        sender,
        recipient,
        rng.choice(PLACES),
        rng.randint(1918, 1953),
        rng.randint(1, 12),
        rng.randint(1, 28),
        rng.choice(ARCHIVES),
        rng.randint(1, 999),
        rng.randint(1, 30),
        rng.randint(1, 9999),
        rng.randint(1, 300),
    )


def _fill(rng: random.Random, template: str, letter: Letter) -> str:
    person = rng.choice(PEOPLE)
    place, place2 = rng.sample(PLACES, 2)
    return template.format(
        person=f"{person[1]} {person[2]}" if rng.random() < 0.5 else person[2],
        person_ru=person[4],
        place=place[1],
        place2=place2[1],
        month=MONTHS_EN[letter.month - 1],
        month_ru=MONTHS_RU[letter.month - 1],
        day=letter.day,
    )


def _body(rng: random.Random, letter: Letter, sentences: list[str], paragraphs: int) -> list[str]:
    out = []
    for _ in range(paragraphs):
        out.append(" ".join(_fill(rng, rng.choice(sentences), letter) for _ in range(rng.randint(3, 7))))
    return out


def collection_item(rng: random.Random, letter: Letter) -> str:
    """One ``No. N`` item of a collection page."""
    s, r = letter.sender, letter.recipient
    month = MONTHS_EN[letter.month - 1]
    date = f"{month} {letter.day} [{letter.year}]" if rng.random() < 0.6 else f"[{month} {letter.day}, {letter.year}]"
    parts = [
        f"No. {letter.number}",
        f"{letter.genre} from {s[1]} {s[2]} to {r[1]} {r[2]}",
        date,
        f"{letter.place[1]} {letter.day}/{ROMAN[letter.month - 1]} 1",
        *_body(rng, letter, SENTENCES_EN, rng.randint(2, 4)),
        f"{s[2]}.",
        f"{letter.archive}. F. {letter.fond}. Op. {letter.opis}. D. {letter.delo}. "
        f"L. {letter.leaf}-{letter.leaf + 1}. {rng.choice(['Original', 'Autograph', 'Copy'])}.",
        "Notes:",
        f"1 The place and date are written in the hand of {r[2]}.",
        f"2 The attachment has not been found in {letter.archive}.",
    ]
    return "\n\n".join(parts)


def collection_page(rng: random.Random, letters: list[Letter]) -> str:
    """A page of the made-up collection holding ``letters``."""
    head = [
        "Regional Letters Archive",
        "Home | Letters | Telegrams | Search",
        "Correspondence of the regional committees. 1918-1953",
        "Collection of documents 2004.",
        "Compiled by: A.B.Sample, C.D.Example.",
    ]
    return "\n\n".join(head + [collection_item(rng, letter) for letter in letters]) + "\n"


def wilson_export(rng: random.Random, letter: Letter, export_id: int) -> str:
    """A Wilson Center style export of one letter, with a Russian transcription."""
    s, r = letter.sender, letter.recipient
    date = f"{MONTHS_EN[letter.month - 1]} {letter.day}, {letter.year}"
    title = f"{letter.genre} No. {letter.number}, {s[2]} to {r[2]}"
    reference = (
        f"{letter.archive}, f. {letter.fond}, op. {letter.opis}, d. {letter.delo}, ll. {letter.leaf}-{letter.leaf + 1}"
    )
    parts = [
        f"{date}\n**{title}**",
        "Citation:",
        f'"{title}", {date}, Wilson Center Digital Archive, {reference}.\n'
        f"Contributed by A. Sample. <https://digitalarchive.example.org/document/{export_id}>",
        "Summary:",
        rng.choice(SUMMARIES),
        "Original Language:",
        "Russian",
        "Contents:",
        "Original Scan",
        "СОВЕРШЕННО СЕКРЕТНО",
        f"Товарищу {r[4].upper()}",
        *_body(rng, letter, SENTENCES_RU, rng.randint(2, 3)),
        s[4].upper(),
        f"{letter.day} {MONTHS_RU[letter.month - 1]} {letter.year} г.",
    ]
    return "\n\n".join(parts) + "\n"


def register_files() -> dict[str, str]:
    """``persons.xml`` and ``places.xml`` in the layout of the project's register."""

    def document(title: str, body: str) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">\n'
            f"  <teiHeader>\n    <fileDesc>\n      <titleStmt>\n        <title>{title}</title>\n"
            "      </titleStmt>\n      <publicationStmt>\n        <p>Synthetic benchmark data.</p>\n"
            "      </publicationStmt>\n      <sourceDesc>\n        <p>Made-up names for benchmarks.</p>\n"
            f"      </sourceDesc>\n    </fileDesc>\n  </teiHeader>\n  <text>\n    <body>\n{body}    </body>\n"
            "  </text>\n</TEI>\n"
        )

    persons = "".join(
        f'        <person xml:id="{key}">\n'
        f'          <persName type="main" xml:lang="en">{escape(init)} {escape(sur)}</persName>\n'
        f'          <persName xml:lang="en">{escape(sur)}</persName>\n'
        f'          <persName xml:lang="ru">{escape(init_ru)} {escape(sur_ru)}</persName>\n'
        f'          <persName xml:lang="ru">{escape(sur_ru)}</persName>\n'
        "        </person>\n"
        for key, init, sur, init_ru, sur_ru in PEOPLE
    )
    places = "".join(
        f'        <place xml:id="{key}">\n'
        f'          <placeName type="main" xml:lang="en">{escape(en)}</placeName>\n'
        f'          <placeName xml:lang="ru">{escape(ru)}</placeName>\n'
        "        </place>\n"
        for key, en, ru in PLACES
    )
    return {
        "persons.xml": document("Synthetic register: persons", f"      <listPerson>\n{persons}      </listPerson>\n"),
        "places.xml": document("Synthetic register: places", f"      <listPlace>\n{places}      </listPlace>\n"),
    }


def generate(letters: int, out: Path, seed: int = 1) -> list[Path]:
    """Write a corpus of ``letters`` documents into ``out``; return the source files written."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "register").mkdir(exist_ok=True)
    for name, text in register_files().items():
        (out / "register" / name).write_text(text, encoding="utf-8")
    written: list[Path] = []
    page: list[Letter] = []
    page_number = 0

    def flush() -> None:
        nonlocal page, page_number
        if page:
            page_number += 1
            path = out / f"letters-{page[0].number:06d}-{page[-1].number:06d}.txt"
            path.write_text(collection_page(rng, page), encoding="utf-8")
            written.append(path)
            page = []

    for number in range(1, letters + 1):
        letter = make_letter(rng, number)
        if number % WILSON_EVERY == 0:
            path = out / f"wilson-{number:06d}.txt"
            path.write_text(wilson_export(rng, letter, 200000 + number), encoding="utf-8")
            written.append(path)
            continue
        page.append(letter)
        if len(page) == LETTERS_PER_PAGE:
            flush()
    flush()
    return written


def main() -> None:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, required=True, help="number of documents to generate")
    parser.add_argument("-o", "--output", type=Path, required=True, help="corpus directory to write")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    args = parser.parse_args()
    files = generate(args.letters, args.output, args.seed)
    print(f"{args.letters} letters in {len(files)} files -> {args.output}")


if __name__ == "__main__":
    main()
