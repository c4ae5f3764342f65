"""Words and characters the readers and the enrichers both recognise.

The stages are layered (reader -> model -> enrichers) and a reader never imports an enricher, so what both must
spell alike is written once here: quotation marks, month names, the words of certifications and salutations, the
endings of surnames and the archives citations name.
"""

from __future__ import annotations

from collections.abc import Mapping

OPENING_QUOTES = '"“«„'
"""Characters that open a quotation: straight, English (“…”), Russian guillemets («…») and low (the „…“ of
Russian and German typing)."""

RIGHT_QUOTES = '"”»'
"""The closing quotes that never open a quotation."""

CLOSING_QUOTES = RIGHT_QUOTES + "“"
"""Characters that close a quotation: ``RIGHT_QUOTES`` and “, which closes a „low-opened“ one."""

QUOTES = '"“”«»„'
"""Every quotation mark: ``OPENING_QUOTES`` and ``CLOSING_QUOTES`` together."""

CASE_ALIKE = "\u0130\u0131\u017f" + "".join(map(chr, range(0x1C80, 0x1C89)))
"""Letters that case-insensitive matching takes for a letter other than their lower case (ı and i, ſ and s, ᲀ and
в), and İ, whose lower case is two characters: a quick test on a lower-cased text must leave a text with one to
the case-insensitive expression it stands for."""

ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
"""The English month names, in order."""

RUSSIAN_MONTHS = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)  # fmt: skip
"""The Russian month names in the nominative, in order."""

RUSSIAN_MONTHS_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
"""The Russian month names in the genitive (``20 сентября``), in order."""

CERTIFICATION = r"(?:верно|копия верна|с подлинным верно|true copy|certified(?: true(?: copy)?)?)"
"""The words that certify a copy (``Верно:``, ``Certified true copy``): a pattern, to be matched ignoring case."""

SURNAME_ENDINGS_LATIN = (
    "ov", "ev", "yev", "in", "yn", "sky", "ski", "skii", "skiy", "enko", "yan", "dze", "shvili", "ich", "ych", "uk",
)  # fmt: skip
"""The endings of Russian, Ukrainian, Georgian and Armenian surnames in Latin letters (``Malinovsky``)."""

SURNAME_ENDINGS_TRANSLITERATED = ("off", "eff", "ow", "ew", "ine")
"""The endings of Russian surnames in the French and German transliterations of the period (``Oulianoff``,
``Ulianow``, ``Trotzkine``)."""

SURNAME_ENDINGS_CYRILLIC = (
    "ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ской", "енко", "ян", "дзе", "швили", "ич", "ук", "юк",
)  # fmt: skip
"""The endings of those surnames' nominatives in Cyrillic (``Малиновский``)."""

SALUTATIONS = (
    "dear", "dearest", "hello", "esteemed", "respected", "дорогой", "дорогая", "дорогие", "милый", "милая",
    "уважаемый", "уважаемая", "уважаемые", "многоуважаемый", "многоуважаемая", "здравствуй", "здравствуйте",
)  # fmt: skip
"""The words a salutation opens with (``Dear Koba``, ``Дорогой Иосиф Виссарионович``), in lower case."""

ADDRESS_PRONOUNS = frozenset({
    "вы", "вас", "вам", "вами", "ваш", "ваша", "ваше", "вашего", "вашей", "вашему", "вашим", "вашу", "ваши",
})  # fmt: skip
"""The Russian pronouns of polite address, capitalised in a letter (``Ваше письмо``) and never part of a name."""

PATRONYMIC_ENDINGS_FEMININE = ("ovna", "evna", "ichna")
"""The endings of women's patronymics in Latin letters (``Ivanovna``)."""

# Current abbreviation -> spellings in use (Latin and Cyrillic, old names and names in words included).
# A space in a spelling also matches no space ("AP RF", "APRF").
ARCHIVES: Mapping[str, tuple[str, ...]] = {
    "RGASPI": (
        "RGASPI",
        "РГАСПИ",
        "RTsKhIDNI",
        "RTSHIDNI",
        "RCKhIDNI",
        "РЦХИДНИ",
        "TsPA IML pri TsK KPSS",
        "ЦПА ИМЛ при ЦК КПСС",
        "TsPA IML",
        "TsPA IMEL",
        "TsPA",
        "ЦПА ИМЛ",
        "ЦПА ИМЭЛ",
        "ЦПА",
        "TsKhDMO",
        "ЦХДМО",
        "Russian State Archive of Socio-Political History",
        "Russian State Archive of Social and Political History",
        "Russian Center for the Preservation and Study of Documents of Recent History",
        "Russian Centre for the Preservation and Study of Documents of Recent History",
        "Central Party Archive of the Institute of Marxism-Leninism",
        "Rossiiskii Gosudarstvennyi Arkhiv Sotsial'no-Politicheskoi Istorii",
        "Российский государственный архив социально-политической истории",
    ),
    "RGANI": (
        "RGANI",
        "РГАНИ",
        "TsKhSD",
        "ЦХСД",
        "Russian State Archive of Contemporary History",
        "Russian State Archive of Recent History",
        "Center for the Storage of Contemporary Documentation",
        "Centre for the Storage of Contemporary Documentation",
        "Rossiiskii Gosudarstvennyi Arkhiv Noveishei Istorii",
        "Российский государственный архив новейшей истории",
    ),
    "APRF": (
        "AP RF",
        "АП РФ",
        "Archive of the President of the Russian Federation",
        "Presidential Archive of the Russian Federation",
        "Arkhiv Prezidenta Rossiiskoi Federatsii",
        "Архив Президента Российской Федерации",
    ),
    "AVPRF": (
        "AVP RF",
        "АВП РФ",
        "AVP SSSR",
        "АВП СССР",
        "Archive of Foreign Policy of the Russian Federation",
        "Archive of the Foreign Policy of the Russian Federation",
        "Foreign Policy Archive of the Russian Federation",
        "Arkhiv Vneshnei Politiki Rossiiskoi Federatsii",
        "Архив внешней политики Российской Федерации",
        "Архив внешней политики СССР",
    ),
    "AVPRI": ("AVPRI", "АВПРИ"),
    "GARF": (
        "GARF",
        "GA RF",
        "ГАРФ",
        "ГА РФ",
        "TsGAOR SSSR",
        "ЦГАОР СССР",
        "TsGAOR",
        "ЦГАОР",
        "TsGA RSFSR",
        "ЦГА РСФСР",
        "State Archive of the Russian Federation",
        "Central State Archive of the October Revolution",
        "Gosudarstvennyi Arkhiv Rossiiskoi Federatsii",
        "Государственный архив Российской Федерации",
        "Центральный государственный архив Октябрьской революции",
    ),
    "RGVA": (
        "RGVA",
        "РГВА",
        "TsGASA",
        "ЦГАСА",
        "TsGAKA",
        "ЦГАКА",
        "Russian State Military Archive",
        "Central State Archive of the Soviet Army",
        "Rossiiskii Gosudarstvennyi Voennyi Arkhiv",
        "Российский государственный военный архив",
    ),
    "RGAE": (
        "RGAE",
        "РГАЭ",
        "TsGANKh SSSR",
        "ЦГАНХ СССР",
        "TsGANKh",
        "ЦГАНХ",
        "Russian State Archive of the Economy",
        "Russian State Archive of Economy",
        "Central State Archive of the National Economy",
        "Rossiiskii Gosudarstvennyi Arkhiv Ekonomiki",
        "Российский государственный архив экономики",
    ),
    "TsAMO": (
        "TsAMO RF",
        "ЦАМО РФ",
        "TsAMO",
        "ЦАМО",
        "Central Archive of the Ministry of Defense of the Russian Federation",
        "Central Archive of the Ministry of Defence of the Russian Federation",
        "Tsentral'nyi Arkhiv Ministerstva Oborony",
        "Центральный архив Министерства обороны",
    ),
    "RGVIA": ("RGVIA", "РГВИА", "TsGVIA", "ЦГВИА"),
    "RGIA": ("RGIA", "РГИА", "TsGIA SSSR", "ЦГИА СССР", "TsGIA", "ЦГИА"),
    "RGADA": ("RGADA", "РГАДА", "TsGADA", "ЦГАДА"),
    "RGALI": ("RGALI", "РГАЛИ", "TsGALI", "ЦГАЛИ"),
    "RGAVMF": ("RGAVMF", "РГАВМФ", "TsGAVMF", "ЦГАВМФ"),
    "TsA FSB": ("TsA FSB RF", "ЦА ФСБ РФ", "TsA FSB", "ЦА ФСБ"),
    "TsDAHO": ("TsDAHO", "TsDAGO", "ЦДАГО", "ЦДАВО", "TsDAVO"),
    "HDA SBU": ("HDA SBU", "GDA SBU", "ГДА СБУ"),
}
