"""Word lists of the name rules: words that are no names, organisation words, posts and ranks, family names that
come first, verbs that say what a person does."""

from __future__ import annotations

import re

# fmt: off
NOT_NAMES = frozenset({
    "chairman", "commander", "commissar", "secretary", "president", "member", "members", "chief", "general",
    "colonel", "head", "director", "ibid", "see", "vol", "op", "on", "in", "the", "and", "of", "pss",
    "works", "председатель", "председателю", "командующий", "начальник", "секретарь", "majesty", "excellency",
    "highness", "honour", "honor", "staff", "assembly", "headquarters", "affairs", "forces", "command",
    "deputy", "deputies", "heads", "copy", "copies", "com", "letter", "letters", "telegram", "cable", "note", "notes",
    "memorandum", "report", "record", "minutes",
})
ORG_WORDS = frozenset({
    "bureau", "committee", "council", "soviet", "foundation", "army", "navy", "front", "office",
    "department", "ministry", "commissariat", "politburo", "government", "embassy", "center", "centre",
    "archive", "library", "university", "institute", "бюро", "комитет", "совет", "отдел", "управление",
    "министерство",
})
# Posts, ranks and forms of address before a name, which they are not part of.
TITLE_WORDS = frozenset({
    "general", "colonel", "admiral", "marshal", "major", "captain", "lieutenant", "ambassador", "minister", "consul",
    "premier", "prime", "president", "senator", "secretary", "professor", "chairman", "commander", "deputy", "vice",
    "rear", "counselor", "counsellor", "comrade", "comrades", "cde", "cdes", "mr", "mrs", "ms", "dr", "dear", "to",
    "from", "by", "and", "the", "of", "for", "with", "in", "on", "at", "see", "your", "our", "his", "her", "copy",
    "letter", "telegram", "cable", "signed", "citizen", "chief", "head", "director", "governor", "tsar", "king",
    "emir", "chargé", "envoy", "attaché",
})
# Capitalised words before initials that are no given name: posts, salutations, closings and the words a sentence
# opens with ("After S. Kania", "Ваш Н. Ленин", but "Mark W. Clark").
NOT_BESIDE_INITIALS = TITLE_WORDS | frozenset({
    "after", "before", "when", "while", "since", "then", "as", "if", "but", "because", "until", "upon", "under",
    "over", "about", "between", "without", "per", "yours", "ваш", "ваша", "ваши", "твой", "твоя", "для", "при",
    "над", "под", "после", "перед", "через", "между", "как", "что", "если", "когда", "это", "или", "также",
})
# fmt: on
# Chinese and Korean family names, which come first: a bare "Liu" after "Liu Shaoqi" is the same person.
# fmt: off
FAMILY_NAMES_FIRST = frozenset({
    "liu", "pak", "park", "kim", "li", "lee", "ri", "wang", "zhang", "chen", "zhou", "chou", "mao", "peng", "gao",
    "kao", "deng", "teng", "lin", "zhu", "chu", "chiang", "choe", "choi", "nam", "pang", "yu", "huang", "xu", "sun",
    "song", "kang", "yun", "han", "jiang", "rao", "bo", "dong", "nie", "yang", "wu", "guo", "kuo", "tan", "ho",
    "ni", "chai", "shi", "xie", "du", "fu", "lu", "luo", "cai", "tian", "zhao", "qian", "ren", "rong", "xiao",
    "cheng", "yuan", "tang", "feng", "shen", "jin", "wei", "ji", "hong", "chong", "bai", "tung", "su", "tao",
    # Korean family names in their common spellings
    "chang", "jang", "jung", "chung", "jeong", "seo", "suh", "ryu", "yoo", "yi", "rhee", "hwang", "shin", "cho",
    "jeon", "chon", "kwon", "yoon", "lim", "baek", "paik", "ahn", "noh", "byun", "чан", "чхве", "рю",
    "лю", "пак", "ким", "ли", "ван", "чжан", "чэнь", "чжоу", "мао", "пэн", "гао", "дэн", "линь", "чжу", "цой",
    "нам", "пан", "ю", "хуан", "сюй", "сунь", "кан", "юн", "хан", "цзян", "жао", "бо", "дун", "ян", "го", "тань",
    "хо", "нье",
})
# fmt: on
# A word that, capitalised after a person's name, says what the person does: "Malinovsky writes", "Borodin asks".
# fmt: off
PERSON_VERBS = frozenset({
    "writes", "wrote", "says", "said", "asks", "asked", "agrees", "agreed", "insists", "insisted", "thinks",
    "thought", "believes", "believed", "reports", "reported", "proposes", "proposed", "demands", "demanded",
    "tells", "told", "informs", "informed", "promises", "promised", "replies", "replied", "answers", "answered",
    "suggests", "suggested", "wants", "wanted", "sends", "sent", "signs", "signed", "speaks", "spoke", "knows",
    "knew", "complains", "complained", "quarrels", "quarrelled", "go", "goes", "went", "sits", "sat", "works",
    "worked", "arrived", "arrives", "left", "visited", "visits", "protests", "protested", "objects", "objected",
    "write", "say", "ask", "agree", "insist", "think", "believe", "report", "propose", "demand", "want", "know",
    "complain", "protest", "object", "reply", "answer", "suggest", "cannot", "won't", "behaved", "behaves", "advised",
    "advises",
})
PERSON_AUXILIARIES = frozenset({
    "has", "had", "have", "will", "would", "is", "was", "also", "already", "still", "not", "can", "could", "should",
    "must",
})
# Words before a name that make it a place or a thing rather than a person.
NOT_PERSON_BEFORE = frozenset({
    "the", "in", "near", "at", "from", "into", "through", "via", "of", "on", "toward", "towards", "beyond",
    "outside", "around",
})
# fmt: on
# Given names common among the people of modern political history (English, German, French, Russian and other
# Slavonic names as they are transliterated, Hungarian, Arabic): a capitalised word after one names a person
# ("Robert Anderson", "Erich Honecker", "Zakaria Mohieddin"). Words that are also common English words
# ("Will", "Bill", "Grant") are left out.
# fmt: off
GIVEN_NAMES = frozenset({
    "john", "james", "william", "george", "charles", "robert", "thomas", "henry", "edward", "richard", "joseph",
    "david", "michael", "paul", "peter", "frank", "harry", "harold", "walter", "arthur", "albert", "frederick",
    "francis", "samuel", "daniel", "stephen", "anthony", "andrew", "dwight", "averell", "lyndon", "franklin",
    "winston", "cordell", "herbert", "ernest", "lewis", "hugh", "philip", "eleanor", "margaret", "elizabeth",
    "mary", "jenny", "laura", "mark", "karl", "friedrich", "wilhelm", "erich", "otto", "ernst", "heinrich", "hermann",
    "hans", "johann", "ferdinand", "august", "rosa", "clara", "franz", "kurt", "willi", "willy", "egon", "helmut",
    "walther", "gustav", "ludwig", "georg", "konrad", "rudolf", "werner", "wolfgang", "jean", "pierre", "jacques",
    "louis", "henri", "maurice", "léon", "jules", "georges", "marcel", "andré", "françois", "vladimir", "lev",
    "leon", "leonid", "nikolai", "nikolay", "nikita", "alexei", "alexey", "aleksei", "aleksey", "alexander",
    "aleksandr", "andrei", "andrey", "anatoly", "anatoli", "mikhail", "sergei", "sergey", "ivan", "yuri", "yury",
    "boris", "grigory", "grigori", "georgy", "georgi", "dmitri", "dmitry", "fyodor", "feliks", "felix", "kliment",
    "lavrenty", "lavrenti", "lazar", "vyacheslav", "anastas", "valentin", "valerian", "viktor", "victor",
    "konstantin", "pavel", "pyotr", "yakov", "yemelyan", "nadezhda", "inessa", "alexandra", "yelena", "oleg",
    "vasily", "vasili", "semyon", "stepan", "kirill", "arkady", "gleb", "iosif", "eduard", "valery", "gennady",
    "vadim", "yegor", "ilya", "matvei", "maxim", "władysław", "wladyslaw", "józef", "jozef", "wojciech",
    "edvard", "josip", "milovan", "janos", "jános", "imre", "mátyás", "matyas", "ernő", "todor", "enver",
    "nicolae", "gheorghe", "klement", "antonín", "gustáv", "fidel", "raúl", "raul", "ernesto", "gamal", "anwar",
    "mohammed", "muhammad", "mohamed", "mohammad", "zakaria", "abdel", "abdul", "ali", "hassan", "hussein", "ahmed",
    "mahmoud", "hafez", "yasser", "babrak", "hafizullah", "palmiro", "laszlo", "lászló", "jan", "stanisław",
    "stanislaw", "zbigniew", "abram", "suren", "sergo", "avel", "nestor", "zinovy", "moisei", "yemelian",
})
# fmt: on
# The endings of abstract nouns, which own things, act and head letters as persons do ("Solidarity's congress",
# "Communism has", "Decision to entrust"), and of no surname.
ABSTRACT_ENDING = re.compile(r"(?:ity|ism|tion|sion|ment|ness|ship|hood|dom)\Z")
