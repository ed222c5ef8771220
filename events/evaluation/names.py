"""How the evaluation compares words: accents, case and punctuation off; titles aside for names."""
from __future__ import annotations

import re
import unicodedata

# Words that say nothing about who a person is ("PM Modi" is "Modi").
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "dr", "shri", "smt", "sri", "h", "e", "he", "hon", "pm", "prime", "minister",
    "president", "premier", "chancellor", "secretary", "senator", "ambassador", "sir", "dame", "gen", "general",
})
# Words that say nothing about which agreement is meant.
AGREEMENT_FILLER = frozenset({
    "the", "a", "an", "of", "on", "and", "between", "for", "in", "to", "with", "its", "their",
    "india", "japan", "indian", "japanese", "agreement", "pact", "deal",
})
SPELLINGS = {"defense": "defence", "programme": "program", "supply": "supplies", "service": "services"}
# Letters that Unicode decomposition leaves alone.
UNDECOMPOSED = str.maketrans({"\u0131": "i", "\u0130": "I", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                              "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "\u2019": "'"})
NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSED))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return [SPELLINGS.get(w, w) for w in NOT_ALNUM.sub(" ", plain).split()]


def person_key(name: str) -> frozenset[str]:
    """ "Kamikawa Yoko" == "Yoko Kamikawa"; "PM Modi" == "Modi"."""
    all_words = words(name)
    return frozenset([w for w in all_words if w not in HONORIFICS] or all_words)


def agreement_similarity(a: str, b: str) -> float:
    ka = {w for w in words(a) if w not in AGREEMENT_FILLER and not w.isdigit()}
    kb = {w for w in words(b) if w not in AGREEMENT_FILLER and not w.isdigit()}
    if not ka or not kb:
        return 0.0
    shared = len(ka & kb)
    return shared / min(len(ka), len(kb)) * (shared / max(len(ka), len(kb))) ** 0.25
