"""How the State Department and the cable offices cite files and telegrams by number.

A file of the decimal filing system (``795.00/6–2850``, ``330/6–2650``), of the
subject-numeric one after it (``Central Files, POL CZECH-USSR``) or a lot file
(``Lot 66 D 204``); a telegram by the abbreviation of its sender (``Embtel
1519``, ``Legtel 19``), by its series (``Tosec 34``), by its post (``Ref: Moscow
3501``, ``repeated Budapest 181``, ``Vienna’s 1071``), in telegraphese (``ur
87``) or, in a telegram, by its number and date alone (``Your 101, April 15``),
and the numbers cited after one of them (``ur 87 Jan 20 and 99``); a message by
its series (``WARX 90992 of 01 July 1949``). The patterns' group ``value`` holds
the number; ``document_numbers`` types and marks them.
"""

from __future__ import annotations

import re

from ...lexicon import ENGLISH_MONTHS

# A file number of the State Department's decimal filing system: "760C.61/2206", "711.61/123", with the date
# the file received the document ("795.00/6–2850", "611.95B/5–2550").
DECIMAL_FILE = re.compile(
    r"(?<![\w./])(?P<value>\d{3}[A-Z]{0,2}\d{0,2}\.\d{1,5}[A-Z]{0,2}\d{0,3}/\d{1,6}(?:[-–]\d{2,6})?)(?![\w/–-])"
)
# A file of a main class alone, without its decimal subdivision, is known by the date suffix it then must carry:
# "330/6–2650" (class 330, the United Nations, filed 26 June 1950); "100/1-2000" dates nothing and is none. As a
# source note cites it, it stands in parentheses or heads the line before a colon (not as a telephone number does).
CLASS_FILE = re.compile(r"(?:(?<=\()|^)(?P<value>\d{3}/(?:1[0-2]|[1-9])[-–][0-3]\d\d{2})(?:(?=\))|(?=:))", re.M)
# A file of the subject-numeric system that replaced the decimal one in 1963, as a FRUS source note cites it after
# "Central Files" and their years: "Central Files, POL CZECH-USSR", "Central Files 1964–66, POL 27 VIET S", "DEF 12-5
# GER W", "POL 7 US/NIXON": a subject in capitals, its number and the countries, up to a stop, comma or bracket.
SUBJECT_FILE = re.compile(
    r"(?<!\w)Central[ \t]+(?:Foreign[ \t]+Policy[ \t]+)?Files(?:[ \t]+\d{4}[-–]\d{2,4})?,[ \t]+"
    r"(?P<value>[A-Z]{1,5}(?:[ \t-](?:\d{1,3}(?:[-–]\d{1,3})?|[A-Z][A-Z/]*))*)(?=[.,;)]|$)",
    re.M,
)
# A lot file, the records of an office retired to the Department's files as one lot, cited by the year it was
# retired, "D" and its number: "S/S Files: Lot 66 D 204", "INR Files: Lot 58 D 776".
LOT_FILE = re.compile(r"(?<![\w/])(?P<value>Lot[ \t]+\d{2}[ \t]+D[ \t]+\d{1,4})(?!\w)")
# A message cited by its series in capitals and its number, with its date: "WARX 90992 of 01 July 1949". It opens
# with its first capital and looks behind it (searched in every text with an "of": re skips to the capitals).
SERIES_MESSAGE = re.compile(
    rf"(?P<value>[A-Z](?<![\w.][A-Z])[A-Z]{{2,4}}[ \t]+(?!(?:1[5-9]|20)\d\d\b)\d{{3,6}})"
    rf"(?=[ \t]+of[ \t]+\d{{1,2}}[ \t]+(?:{'|'.join(ENGLISH_MONTHS)}))"
)

# ------------------------------------------------------------ telegrams cited by number
# Each pattern's group "ref" is what the reference is marked over: the abbreviation, series or post and the number.

# The series of the Secretary's and the delegations' telegrams, named by who sent them to whom: "Secto" (from the
# Secretary travelling), "Tosec" (to him), "Polto"/"Topol" (from and to the mission to NATO), "Delga"/"Gadel" (from
# and to the delegation at the UN General Assembly), "Dulte"/"Tedul" (from and to Secretary Dulles).
_SERIES = ("Secto", "Tosec", "Polto", "Topol", "Delga", "Gadel", "Dulte", "Tedul")
_SERIES_CASES = _SERIES + tuple(series.upper() for series in _SERIES)
# One search for any of them, as written (an alternation of literals costs half of eight substring tests).
_SERIES_HINT = re.compile("|".join(_SERIES_CASES))
# The State Department's abbreviations of telegrams cited by number: "Embtel 1519" (the embassy's), "Legtel 19" (the
# legation's), "Deptel 631" (the Department's), "Urtel 940" (yours), "mytel 27", "reftel", "contel" (the
# consulate's), "circtel" or "cirtel", "depcirtel"; "Deptels 631 and 640".
TELEGRAM_REFERENCE = re.compile(
    r"(?<![\w.])(?P<ref>(?:(?:[Ee]mb|[Ll]eg|[Dd]ep|[Uu]r|[Mm]y|[Rr]ef|[Cc]on|[Cc]irc?|[Dd]epcirc?)tels?"
    rf"|{'|'.join(_SERIES_CASES)})[ \t]+(?P<value>\d{{1,5}}))(?!\w)"
)
# A post as a telegram names it: a capitalised word, no month ("repeated July 22" is a date) and no word that numbers
# a part of a text ("repeated Article 51 of the Charter"); two words where the first opens a two-word name ("New
# Delhi's 1234", "Buenos Aires 56") or the second is "City", so that a word before the post is not taken with it
# ("See Vienna's 1071").
_NUMBERED = ("Article", "Paragraph", "Para", "Section", "Point", "Chapter", "Page", "Part", "Item", "Annex", "Volume")
_POST_HEADS = ("New", "San", "Santo", "Buenos", "Hong", "Tel", "Addis", "Kuala", "Port", "Rio", "Sao", "Saint", "El",
               "La", "Los", "Abu", "Phnom", "Ulan", "Cape", "Dar")  # fmt: skip
_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
_POST = (
    rf"(?!(?:{'|'.join(ENGLISH_MONTHS + _MONTH_ABBREVIATIONS + _NUMBERED)})\.?(?!\w))"
    rf"(?:(?:{'|'.join(_POST_HEADS)})[ \t][A-Z][a-z]+|[A-Z][a-z]+(?:[ \t]City)?)"
)
# A telegram's number from a post, of two digits or more and no year ("Moscow 1956" is none).
_POST_NUMBER = r"(?!(?:1[5-9]|20)\d\d(?!\w))\d{2,5}(?!\w)"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
# What may follow a telegram's number: the end of the line, a stop, bracket or note mark, a word that goes on citing
# ("and", "rptd", "of"), or the telegram's date ("Jan 20", a note's number glued to it: "Jan 201"); not a word or
# sign it counts ("Moscow's 20 points", "12%"), nor a year ("22 Oct 1962").
_AFTER = (
    r"(?=[ \t]*(?:$|[.,;:)\]/\"”'’]|(?:and|to|of|from|rptd|rpt|repeated|re|dated)(?!\w)"
    rf"|{_MONTH}[ \t]+\d{{1,3}}(?!\d)))"
)
# A telegram cited by the post that sent it and its number, after "Ref:": "Ref: Moscow 3501", "Refs: Paris 12".
POST_TELEGRAM = re.compile(
    r"(?<![\w.])(?:Refs?|Reference|Reftels?)[:.]?[ \t]+"
    r"(?P<ref>(?-i:[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]+(?P<value>\d{1,5}))(?!\w)"
)
# A telegram repeated to another post under that post's number, and the post and number it was sent under, as a
# telegram's last line gives them: "Deptel 1259 repeated Budapest 181", "Tosec 34 rptd Bonn 311", "Sent Department
# 1519, repeated information London 236, Paris 312".
REPEATED_TELEGRAM = re.compile(
    r"(?<!\w)(?:repeated|rptd|rpted|rpt|Sent)(?:[ \t]+(?:for[ \t]+)?info(?:rmation)?)?(?:[ \t]+to)?[ \t]+"
    rf"(?P<ref>{_POST}[ \t]+(?P<value>\d{{2,5}}(?!\w))){_AFTER}",  # any number: "Sent Department 1519"
    re.M,
)
# A post's telegram named by its possessive, in a text about telegrams: "(Vienna’s 1071 and 1022; Deptel 1259)".
POSSESSIVE_TELEGRAM = re.compile(rf"(?<![\w.])(?P<ref>{_POST}['’]s[ \t]+(?P<value>{_POST_NUMBER})){_AFTER}", re.M)
# Telegraphese "your" before the number of the addressee's telegram: "views outlined ur 87 Jan 20", "(ur 87)". It
# opens the text or follows a space or a bracket.
YOUR_TELEGRAM = re.compile(rf"(?P<ref>u(?<![^ (]u)r [ \t]*(?P<value>\d{{1,5}})(?!\w)){_AFTER}", re.M)
# In a telegram, the addressee's, the sender's or a post's telegram cited by its number and date alone, as the State
# Department's telegrams did before the abbreviations: "Your 101, April 15, 8 p.m.", "My 567 of June 3", "Department’s
# 1431, August 31" (not "my 15 May letter", nor "our 5 June 1941 agreement").
DATED_TELEGRAM = re.compile(
    rf"(?<![\w.])(?P<ref>(?:[Yy]our|[Mm]y|[Oo]ur|{_POST}['’]s)[ \t]+"
    rf"(?P<value>(?!(?:1[5-9]|20)\d\d(?!\w))\d{{1,5}})(?!\w))(?=,?[ \t]+(?:of[ \t]+)?{_MONTH}[ \t]+\d{{1,2}}(?!\d))"
)
# The numbers cited after one telegram, each after a comma or "and", the first after its date, a post's name before
# one if it is another post's: "ur 87 Jan 20 and 99", "Vienna’s 1071 and 1022", "London 236, Paris 312".
FOLLOWING_TELEGRAM = re.compile(
    rf"(?:,?[ \t]+(?:of[ \t]+)?{_MONTH}[ \t]+\d{{1,3}}(?!\w))?(?:[ \t]*,[ \t]*|[ \t]*,?[ \t]+and[ \t]+)"
    rf"(?P<ref>(?:{_POST}[ \t]+)?(?P<value>{_POST_NUMBER})){_AFTER}",
    re.M,
)
TELEGRAM_PATTERNS = (
    TELEGRAM_REFERENCE,
    POST_TELEGRAM,
    REPEATED_TELEGRAM,
    POSSESSIVE_TELEGRAM,
    YOUR_TELEGRAM,
    DATED_TELEGRAM,
    FOLLOWING_TELEGRAM,
)
# Words of a text about telegrams, in lower case: a post's possessive before a number is a telegram only there.
_ABOUT_TELEGRAMS = ("tel ", "tels ", "telegram", "rptd", "repeated", "cable", "niact")


def telegram_references(text: str, lowered: str, telegram: bool = False) -> list[re.Match[str]]:
    """The telegrams ``text`` cites by number (``lowered`` is its lower case), in order, the numbers cited after one
    included; each match's group ``ref`` is the reference, ``value`` its number. ``telegram`` says the text is of a
    telegram, which may cite one by its number and date alone."""
    found: list[re.Match[str]] = []
    if "tel " in lowered or "tels " in lowered or _SERIES_HINT.search(text):
        found += TELEGRAM_REFERENCE.finditer(text)
    if "ref" in lowered:
        found += POST_TELEGRAM.finditer(text)
    if "rpt" in lowered or "repeated" in lowered or "Sent " in text:
        found += REPEATED_TELEGRAM.finditer(text)
    if ("’s " in text or "'s " in text) and any(word in lowered for word in _ABOUT_TELEGRAMS):
        found += POSSESSIVE_TELEGRAM.finditer(text)
    if " ur " in text or "(ur " in text or text.startswith("ur "):
        found += YOUR_TELEGRAM.finditer(text)
    if telegram and ("our " in lowered or "my " in lowered or "’s " in text or "'s " in text):
        found += DATED_TELEGRAM.finditer(text)
    if not found:
        return []
    references: list[re.Match[str]] = []
    for match in sorted(found, key=lambda m: m.start("ref")):
        if references and match.start("ref") < references[-1].end("ref"):
            continue  # "Reference: Legtel 50" is found as a post's and as an abbreviated telegram
        references.append(match)
        while (following := FOLLOWING_TELEGRAM.match(text, references[-1].end("ref"))) is not None:
            references.append(following)
    return references
