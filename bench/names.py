"""Invented officials' names in many romanisations, and how English-language papers write them.

Each naming culture gives given names, family names and how the two are ordered. Names are drawn at
random from these parts, so the people are invented; the spellings keep their diacritics and particles
("Nguyễn", "Łukasz", "van der", "al-", "bin"), and the papers sometimes drop the marks, as they do.
"""
from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

# given names, family names, and the order used in English-language news:
#   "western": Given Family; "eastern": Family Given (and the papers print either for "either").
CULTURES: dict[str, dict] = {
    "ja": {"order": "either", "given": ["Haruki", "Kenta", "Yumiko", "Takeshi", "Mariko", "Shunsuke", "Noriko",
                                         "Daisuke", "Ayaka", "Kōichi", "Hiroyasu", "Eriko", "Tomoharu", "Sayuri"],
           "family": ["Tachibana", "Morikawa", "Hasegawa", "Kuroda", "Nishimura", "Ōtsuka", "Fujisawa", "Sakamoto",
                      "Inoue", "Yamaguchi", "Kōno", "Ishiguro", "Takemura", "Aoyama"]},
    "zh": {"order": "eastern", "given": ["Jianguo", "Xiaoming", "Weihua", "Lihong", "Zhiqiang", "Yanping", "Haoran",
                                          "Minghui", "Xuelan", "Guoqing", "Jinping", "Shuyi"],
           "family": ["Zhao", "Qian", "Sun", "Zhou", "Wu", "Zheng", "Feng", "Chen", "Jiang", "Shen", "Han", "Yang",
                      "Xu", "Lü", "Gao"]},
    "ko": {"order": "eastern", "given": ["Min-jun", "Seo-yeon", "Ji-ho", "Hyun-woo", "Eun-ji", "Dong-hyuk",
                                          "Soo-bin", "Jae-sung", "Ha-eun", "Tae-yang"],
           "family": ["Kim", "Park", "Choi", "Jung", "Kang", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin"]},
    "vi": {"order": "eastern", "given": ["Văn Hùng", "Thị Lan", "Minh Tuấn", "Đức Anh", "Thanh Sơn", "Quốc Bảo",
                                          "Thu Hà", "Hoàng Long", "Ngọc Ánh", "Văn Thắng"],
           "family": ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"],
           "short": "last"},
    "hu": {"order": "either", "given": ["Ádám", "Zsófia", "Bence", "Katalin", "Levente", "Réka", "Gábor", "Ildikó"],
           "family": ["Kovács", "Szabó", "Horváth", "Tóth", "Varga", "Molnár", "Farkas", "Balogh", "Papp"]},
    "hi": {"order": "western", "given": ["Arvind", "Sunita", "Rakesh", "Meenakshi", "Vivek", "Priyanka", "Sanjay",
                                          "Anjali", "Harish", "Kavita", "Devendra", "Lakshmi"],
           "family": ["Sharma", "Iyer", "Chaturvedi", "Banerjee", "Kulkarni", "Reddy", "Menon", "Deshpande",
                      "Bhattacharya", "Nair", "Saxena", "Pillai"]},
    "ur": {"order": "western", "given": ["Imran", "Ayesha", "Shahid", "Farah", "Kamran", "Nadia", "Tariq", "Saima"],
           "family": ["Qureshi", "Chaudhry", "Siddiqui", "Malik", "Hashmi", "Abbasi", "Butt", "Rana"]},
    "bn": {"order": "western", "given": ["Tanvir", "Nusrat", "Mahmudul", "Shirin", "Rezaul", "Farhana"],
           "family": ["Hossain", "Rahman", "Chowdhury", "Haque", "Karim", "Talukder", "Sarkar"]},
    "id": {"order": "western", "given": ["Budi", "Sri", "Retno", "Agus", "Dewi", "Bambang", "Wahyu", "Ratna"],
           "family": ["Santoso", "Wijaya", "Kusumawati", "Pranoto", "Hartono", "Setiawan", "Nugroho", "Siregar"]},
    "ms": {"order": "western", "given": ["Ahmad Faizal", "Nurul Izzah", "Mohd Azmin", "Siti Hajar", "Zulkifli",
                                          "Hishammuddin"],
           "family": ["bin Hamzah", "binti Rahman", "bin Ismail", "binti Yusof", "bin Osman", "bin Abdullah"],
           "short": "first"},
    "th": {"order": "western", "given": ["Somchai", "Pannarai", "Thanakorn", "Wilaiwan", "Kittipong", "Siriporn"],
           "family": ["Srisuwan", "Chaiyaporn", "Wongsawat", "Rattanakul", "Boonmee", "Phromsuwan"]},
    "ar": {"order": "western", "given": ["Khalid", "Faisal", "Nasser", "Layla", "Omar", "Yousef", "Hessa", "Abdullah",
                                          "Mariam", "Saud", "Tariq", "Amal"],
           "family": ["al-Mansouri", "al-Otaibi", "al-Hashimi", "bin Saleh", "Al Thani", "al-Khatib", "Haddad",
                      "El-Sayed", "Abdel Aziz", "al-Shamsi", "Bourita", "Benali"]},
    "fa": {"order": "western", "given": ["Mohammad Reza", "Mahnaz", "Hossein", "Shirin", "Abbas", "Parvin"],
           "family": ["Tehrani", "Mousavi", "Hosseini", "Rezaei", "Ghasemi", "Karimi", "Najafi"]},
    "tr": {"order": "western", "given": ["Mehmet", "Ayşe", "Çağrı", "Gülşen", "Hakan", "Şükrü", "Elif", "İsmail"],  # noqa: RUF001
           "family": ["Yılmaz", "Öztürk", "Çelik", "Şahin", "Doğan", "Kılıç", "Aydın", "Güneş"]},  # noqa: RUF001
    "he": {"order": "western", "given": ["Yoav", "Tamar", "Eitan", "Noa", "Avigdor", "Michal"],
           "family": ["Ben-Ari", "Shapira", "Katz", "Mizrahi", "Peretz", "Ben-David"]},
    "el": {"order": "western", "given": ["Nikos", "Eleni", "Giorgos", "Dimitra", "Kostas", "Katerina"],
           "family": ["Papadopoulos", "Konstantinou", "Georgiou", "Karamanlis", "Vlachos", "Dimitriou"]},
    "it": {"order": "western", "given": ["Giorgio", "Francesca", "Matteo", "Chiara", "Lorenzo", "Giulia", "Niccolò"],
           "family": ["Rossi", "De Luca", "Bianchi", "Ferrari", "Esposito", "Di Stefano", "Romano", "Galli"]},
    "fr": {"order": "western", "given": ["Jean-Luc", "Amélie", "François", "Hélène", "Rémi", "Céline", "Benoît",
                                          "Aurélie", "Jérôme", "Élodie"],
           "family": ["Lefèvre", "Dubois", "de Villepin", "Mercier", "Girard", "Lemaître", "de La Tour", "Fournier",
                      "Rousseau", "Ndiaye", "Diallo"]},
    "nl": {"order": "western", "given": ["Pieter", "Annelies", "Joost", "Marieke", "Sander", "Femke"],
           "family": ["van der Berg", "de Vries", "van Dijk", "Bakker", "Janssens", "van den Broek", "Peeters"]},
    "de": {"order": "western", "given": ["Jürgen", "Annalena", "Matthias", "Ursula", "Stefan", "Käthe", "Lars",
                                          "Svenja"],
           "family": ["Müller", "Schröder", "von Hagen", "Weiß", "Fischer", "Krämer", "von Stein", "Hoffmann"]},
    "pl": {"order": "western", "given": ["Łukasz", "Małgorzata", "Paweł", "Agnieszka", "Radosław", "Zofia"],
           "family": ["Wiśniewski", "Kowalczyk", "Zieliński", "Szymańska", "Wójcik", "Dąbrowski"]},
    "cs": {"order": "western", "given": ["Jiří", "Markéta", "Tomáš", "Kateřina", "Vojtěch", "Lenka"],
           "family": ["Dvořák", "Novotná", "Černý", "Procházka", "Kučera", "Veselá"]},
    "ru": {"order": "western", "given": ["Dmitry", "Yelena", "Sergei", "Olga", "Nikolai", "Tatyana", "Mikhail"],
           "family": ["Volkov", "Sokolova", "Lebedev", "Kozlov", "Morozova", "Vasiliev", "Orlov"]},
    "uk": {"order": "western", "given": ["Oleksandr", "Yuliia", "Dmytro", "Iryna", "Andrii", "Oksana"],
           "family": ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchuk", "Melnyk"]},
    "nordic": {"order": "western", "given": ["Björn", "Ingrid", "Søren", "Åsa", "Henrik", "Sigrid", "Jørgen", "Liv"],
               "family": ["Lindqvist", "Sørensen", "Hægstad", "Åberg", "Kjærgaard", "Bergström", "Løkke", "Nyström"]},
    "fi": {"order": "western", "given": ["Jukka", "Päivi", "Antti", "Sanna", "Mikko", "Tuula"],
           "family": ["Virtanen", "Mäkinen", "Häkkinen", "Korhonen", "Lehtonen", "Heikkilä"]},
    "ga": {"order": "western", "given": ["Seán", "Siobhán", "Pádraig", "Aoife", "Micheál", "Niamh"],
           "family": ["Ó Briain", "Ní Mhurchú", "O'Sullivan", "Mac Aodha", "Ó Conaill", "Kavanagh"]},
    "en": {"order": "western", "given": ["James", "Rachel", "Andrew", "Emily", "Graham", "Sarah", "Thomas", "Helen",
                                          "Marcus", "Olivia", "Douglas", "Fiona"],
           "family": ["Whitfield", "Harrington", "Caldwell", "McAllister", "Pemberton", "Fairbanks", "Thornton",
                      "Blackwood", "Ashworth", "Lindsay", "Crawford", "O'Donnell"]},
    "pt": {"order": "western", "given": ["João", "Luíza", "Sebastião", "Conceição", "Rodrigo", "Mariana"],
           "family": ["da Silva", "dos Santos", "Gonçalves", "Conceição", "de Almeida", "Magalhães", "Araújo"]},
    "es": {"order": "western", "given": ["José Luis", "María", "Andrés", "Lucía", "Joaquín", "Verónica", "Íñigo",
                                          "Ximena"],
           "family": ["García", "Márquez", "Fernández", "Núñez", "Ibáñez", "Castillo", "Ruiz", "de la Fuente",
                      "Peña", "Ordóñez", "Zúñiga", "Echeverría", "Muñoz", "Villalobos"],
           "short": "first_family", "surnames": 2},
    "yo": {"order": "western", "given": ["Oluwaseun", "Ngozi", "Chukwuemeka", "Adaeze", "Babatunde", "Aminu",
                                          "Folasade", "Ibrahim"],
           "family": ["Adeyemi", "Okonkwo", "Balogun", "Nwachukwu", "Danjuma", "Ogunleye", "Eze", "Abubakar"]},
    "ak": {"order": "western", "given": ["Kwame", "Ama", "Kofi", "Akosua", "Yaw", "Efua"],
           "family": ["Mensah", "Owusu", "Asante", "Boateng", "Agyeman", "Ofori-Atta"]},
    "sw": {"order": "western", "given": ["Wanjiru", "Baraka", "Amani", "Njeri", "Juma", "Neema", "Otieno"],
           "family": ["Kamau", "Mwangi", "Odhiambo", "Kiprotich", "Mwakyembe", "Njoroge", "Wambura"]},
    "am": {"order": "western", "given": ["Abiy", "Meskerem", "Tewodros", "Hirut", "Dawit", "Selamawit"],
           "family": ["Gebremedhin", "Tesfaye", "Alemu", "Haile", "Bekele", "Woldemariam"]},
    "zu": {"order": "western", "given": ["Sipho", "Nomvula", "Thabo", "Lindiwe", "Mandla", "Naledi"],
           "family": ["Dlamini", "Nkosi", "Mahlangu", "Ndlovu", "Mokoena", "Khumalo"]},
    "kz": {"order": "western", "given": ["Nurlan", "Aigerim", "Yerlan", "Dinara", "Bakhyt", "Saule"],
           "family": ["Nurmagambetov", "Abdrakhmanova", "Seitkali", "Zhaksybekov", "Tokayeva", "Bekmukhambetov"]},
    "mn": {"order": "western", "given": ["Batbayar", "Oyuntsetseg", "Gantulga", "Enkhjargal", "Munkh-Erdene"],
           "family": ["Tsogtbaatar", "Dorjsuren", "Ganbold", "Battulga", "Purevdorj"]},
    "si": {"order": "western", "given": ["Dinesh", "Chamari", "Ranil", "Nirmala", "Anura", "Thilini"],
           "family": ["Wickremesinghe", "Jayasuriya", "Perera", "Gunawardena", "Senanayake", "Rajapaksha"]},
}


def strip_marks(text: str) -> str:
    """'Nguyễn Đức' -> 'Nguyen Duc', as many papers print it."""
    text = text.replace("Đ", "D").replace("đ", "d").replace("ł", "l").replace("Ł", "L").replace("ø", "o")
    text = text.replace("Ø", "O").replace("ı", "i").replace("İ", "I").replace("æ", "ae").replace("ß", "ss")  # noqa: RUF001
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass
class Name:
    given: str
    family: str
    culture: str
    # the spellings printed so far (filled as articles are written), for the gold's aliases
    seen: list[str] = field(default_factory=list)

    @property
    def eastern(self) -> bool:
        return CULTURES[self.culture]["order"] == "eastern"

    @property
    def full(self) -> str:
        """The name as usually written in English."""
        return f"{self.family} {self.given}" if self.eastern else f"{self.given} {self.family}"

    @property
    def short(self) -> str:
        """What a paper calls the person on second mention."""
        rule = CULTURES[self.culture].get("short", "family")
        if rule == "last":
            return self.given.split()[-1]
        if rule == "first":
            return self.given.split()[0] if " " in self.given else self.given
        if rule == "first_family":
            return self.family.split()[0] if not self.family.startswith("de ") else self.family
        return self.family

    def written(self, rng: random.Random) -> str:
        """The full name as one paper prints it: either order where papers differ, marks sometimes dropped."""
        text = self.full
        if CULTURES[self.culture]["order"] == "either" and rng.random() < 0.3:
            text = f"{self.family} {self.given}"
        if rng.random() < 0.15:
            text = strip_marks(text)
        return text


def invent(rng: random.Random, culture: str, taken: set[str], colleagues: set[str],
           namesakes: set[str] = frozenset()) -> Name:
    """A name of the culture that no one else in the world has, whose short form no colleague in office shares
    (nor, while the name space allows, any earlier or later holder in the same country: `namesakes`)."""
    parts = CULTURES[culture]
    for attempt in range(1000):
        given = rng.choice(parts["given"])
        family = rng.choice(parts["family"])
        if parts.get("surnames") == 2 and rng.random() < 0.7:  # father's and mother's surnames
            second = rng.choice(parts["family"])
            family = f"{family} {second}" if second != family else family
        if rng.random() < 0.25 and culture not in ("zh", "ko", "vi", "ms"):
            # a second given name makes the space of names larger
            other = rng.choice(parts["given"])
            if other != given and " " not in other and " " not in given and "-" not in given:
                given = f"{given} {other}"
        name = Name(given, family, culture)
        short = fold(name.short)
        keys = {fold(name.full), fold(f"{given.split()[0]} {family}")}
        if fold(name.full) in taken or (attempt < 250 and (keys & taken or short in colleagues)) \
                or (attempt < 150 and short in namesakes):
            continue
        taken.update(keys)
        return name
    raise RuntimeError(f"ran out of {culture} names")


def fold(text: str) -> str:
    return strip_marks(text).casefold()
