#!/usr/bin/env python3
"""Derive ``states.csv``: the 193 UN Member States and 2 UN Observer States.

Standalone script; it is NOT imported by the Django project. It reads:

* ``pycountry`` (ISO 3166-1 codes, English names, and the bundled
  ``iso3166-1`` gettext catalogues for French and Spanish names);
* ``country_converter`` (coco), its bundled ``country_data.tsv``: columns
  ``ISO3`` (join key), ``UNmember`` (UN admission year; the identical ``UN``
  column is cross-checked), ``UNregion`` (M49 sub-region / intermediate-region
  name) and ``ISOnumeric`` / ``ISO2`` (cross-checked against pycountry);

and a small fixed table of the public UN M49 standard (codes and names of
regions, sub-regions and intermediate regions, written out below).

It writes ``states.csv`` next to this file, sorted by iso3, and fails loudly
(non-zero exit) if any validation does not hold.

Re-run (outside the repository, in a scratch virtualenv)::

    python3 -m venv /tmp/statesvenv
    /tmp/statesvenv/bin/pip install pycountry country_converter pandas
    /tmp/statesvenv/bin/python src/gfmd/directory/data/derive_states.py

(pandas is not needed by this script; coco's TSV is read with the csv module
because coco 1.3.2 cannot build its converter under pandas 3: Namibia's ISO2
"NA" is read as missing.)

Manual decisions are listed in ``MANUAL`` below and in README.md.
"""

from __future__ import annotations

import csv
import gettext
import sys
from importlib.metadata import version
from pathlib import Path

import country_converter
import pycountry

HERE = Path(__file__).resolve().parent
OUT = HERE / "states.csv"
COCO_TSV = Path(country_converter.__file__).resolve().parent / "country_data.tsv"

COLUMNS = [
    "iso3",
    "iso2",
    "iso_numeric",
    "name_en",
    "name_fr",
    "name_es",
    "m49_region_code",
    "m49_region",
    "m49_subregion_code",
    "m49_subregion",
    "m49_intermediate_region_code",
    "m49_intermediate_region",
    "un_status",
    "un_member_since",
    "development_status",
]

OBSERVERS = {"VAT", "PSE"}  # Holy See, State of Palestine

# --- UN M49 standard: regions, sub-regions, intermediate regions ----------
REGIONS = {
    "002": "Africa",
    "019": "Americas",
    "142": "Asia",
    "150": "Europe",
    "009": "Oceania",
}
# sub-region code -> (name, region code)
SUBREGIONS = {
    "015": ("Northern Africa", "002"),
    "202": ("Sub-Saharan Africa", "002"),
    "419": ("Latin America and the Caribbean", "019"),
    "021": ("Northern America", "019"),
    "143": ("Central Asia", "142"),
    "030": ("Eastern Asia", "142"),
    "035": ("South-eastern Asia", "142"),
    "034": ("Southern Asia", "142"),
    "145": ("Western Asia", "142"),
    "151": ("Eastern Europe", "150"),
    "154": ("Northern Europe", "150"),
    "039": ("Southern Europe", "150"),
    "155": ("Western Europe", "150"),
    "053": ("Australia and New Zealand", "009"),
    "054": ("Melanesia", "009"),
    "057": ("Micronesia", "009"),
    "061": ("Polynesia", "009"),
}
# intermediate region code -> (name, sub-region code)
# (830 Channel Islands under 154 is not needed: no UN state lies in it.)
INTERMEDIATE = {
    "014": ("Eastern Africa", "202"),
    "017": ("Middle Africa", "202"),
    "018": ("Southern Africa", "202"),
    "011": ("Western Africa", "202"),
    "029": ("Caribbean", "419"),
    "013": ("Central America", "419"),
    "005": ("South America", "419"),
}
SUB_BY_NAME = {name: code for code, (name, _) in SUBREGIONS.items()}
INT_BY_NAME = {name: code for code, (name, _) in INTERMEDIATE.items()}

# --- Manual decisions (each one checked against UN M49) --------------------
# coco's UNregion puts Nauru in Polynesia; UN M49 lists Nauru (520) under
# 057 Micronesia.
MANUAL_UNREGION = {"NRU": "Micronesia"}

# --- Development status (M49 convention, in M49 notes until 2021) ----------
DEVELOPED_REGIONS = {"150"}
DEVELOPED_SUBREGIONS = {"021"}
DEVELOPED_STATES = {"JPN", "AUS", "NZL"}


def fail(msg: str) -> None:
    print(f"VALIDATION FAILED: {msg}", file=sys.stderr)
    sys.exit(1)


def load_coco() -> dict[str, dict[str, str]]:
    with COCO_TSV.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    needed = {"ISO2", "ISO3", "ISOnumeric", "UNregion", "UN", "UNmember"}
    missing = needed - set(rows[0])
    if missing:
        fail(f"coco country_data.tsv lacks columns {sorted(missing)}")
    return {r["ISO3"]: r for r in rows}


def translator(lang: str):
    t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])

    def tr(preferred: str, official: str) -> str:
        # gettext returns the msgid unchanged when it has no entry, which is
        # indistinguishable from a name identical in both languages, so look
        # in the catalogue itself before falling back to the official name.
        catalog = getattr(t, "_catalog", {})
        if preferred in catalog and catalog[preferred]:
            return t.gettext(preferred)
        if official in catalog and catalog[official]:
            return t.gettext(official)
        fail(f"no {lang} translation for {preferred!r} or {official!r}")

    return tr


def main() -> None:
    coco = load_coco()
    tr_fr, tr_es = translator("fr"), translator("es")

    members = {iso3 for iso3, r in coco.items() if r["UNmember"].strip()}
    for iso3 in members:
        if coco[iso3]["UN"].strip() != coco[iso3]["UNmember"].strip():
            fail(f"{iso3}: coco UN and UNmember columns disagree")
    wanted = members | OBSERVERS

    rows = []
    for iso3 in sorted(wanted):
        c = pycountry.countries.get(alpha_3=iso3)
        if c is None:
            fail(f"{iso3} not in pycountry")
        cr = coco[iso3]
        # coco's ISO2 is a regex for a few (e.g. GRC "^GR$|^EL$"): take codes
        # from pycountry and only cross-check the numeric code.
        if int(cr["ISOnumeric"]) != int(c.numeric):
            fail(f"{iso3}: ISO numeric coco {cr['ISOnumeric']} != pycountry {c.numeric}")
        if cr["ISO2"] != c.alpha_2 and c.alpha_2 not in cr["ISO2"]:
            fail(f"{iso3}: ISO2 coco {cr['ISO2']!r} vs pycountry {c.alpha_2}")

        name_en = getattr(c, "common_name", None) or c.name
        name_fr = tr_fr(name_en, c.name)
        name_es = tr_es(name_en, c.name)

        unregion = MANUAL_UNREGION.get(iso3, cr["UNregion"])
        if unregion in INT_BY_NAME:
            int_code = INT_BY_NAME[unregion]
            sub_code = INTERMEDIATE[int_code][1]
        elif unregion in SUB_BY_NAME:
            int_code = ""
            sub_code = SUB_BY_NAME[unregion]
        else:
            fail(f"{iso3}: coco UNregion {unregion!r} not in M49 table")
        reg_code = SUBREGIONS[sub_code][1]

        status = "observer" if iso3 in OBSERVERS else "member"
        since = "" if status == "observer" else str(int(cr["UNmember"]))
        developed = (
            reg_code in DEVELOPED_REGIONS
            or sub_code in DEVELOPED_SUBREGIONS
            or iso3 in DEVELOPED_STATES
        )
        rows.append(
            {
                "iso3": iso3,
                "iso2": c.alpha_2,
                "iso_numeric": f"{int(c.numeric):03d}",
                "name_en": name_en,
                "name_fr": name_fr,
                "name_es": name_es,
                "m49_region_code": reg_code,
                "m49_region": REGIONS[reg_code],
                "m49_subregion_code": sub_code,
                "m49_subregion": SUBREGIONS[sub_code][0],
                "m49_intermediate_region_code": int_code,
                "m49_intermediate_region": INTERMEDIATE[int_code][0] if int_code else "",
                "un_status": status,
                "un_member_since": since,
                "development_status": "developed" if developed else "developing",
            }
        )

    validate(rows)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(
        f"wrote {OUT} ({len(rows)} rows) from pycountry {version('pycountry')}, "
        f"country_converter {version('country_converter')}"
    )


def validate(rows: list[dict[str, str]]) -> None:
    by = {r["iso3"]: r for r in rows}
    if len(rows) != 195 or len(by) != 195:
        fail(f"expected 195 rows, got {len(rows)}")
    n_mem = sum(r["un_status"] == "member" for r in rows)
    if n_mem != 193:
        fail(f"expected 193 members, got {n_mem}")
    obs = {r["iso3"] for r in rows if r["un_status"] == "observer"}
    if obs != OBSERVERS:
        fail(f"observers are {sorted(obs)}")
    for r in rows:
        for col in (
            "iso2",
            "iso_numeric",
            "name_en",
            "name_fr",
            "name_es",
            "m49_region_code",
            "m49_region",
            "m49_subregion_code",
            "m49_subregion",
        ):
            if not r[col].strip():
                fail(f"{r['iso3']}: empty {col}")
        if r["un_status"] == "member" and not (1945 <= int(r["un_member_since"]) <= 2025):
            fail(f"{r['iso3']}: bad un_member_since {r['un_member_since']!r}")
        if r["un_status"] == "observer" and r["un_member_since"]:
            fail(f"{r['iso3']}: observer with un_member_since")
    # States per M49 sub-region / intermediate region (UN M49 standard).
    expected_counts = {
        "145": 18,
        "014": 18,
        "011": 16,
        "039": 15,
        "029": 13,
        "005": 12,
        "035": 11,
        "151": 10,
        "154": 10,
        "034": 9,
        "017": 9,
        "155": 9,
        "013": 8,
        "015": 6,
        "018": 5,
        "030": 5,
        "057": 5,
        "143": 5,
        "054": 4,
        "061": 3,
        "053": 2,
        "021": 2,
    }
    counts: dict[str, int] = {}
    for r in rows:
        key = r["m49_intermediate_region_code"] or r["m49_subregion_code"]
        counts[key] = counts.get(key, 0) + 1
    if counts != expected_counts:
        fail(f"M49 area counts differ: {counts}")
    if by.get("NAM", {}).get("iso2") != "NA":
        fail("Namibia missing or iso2 != 'NA'")
    spot = {
        "DEU": ("Europe", "Western Europe", "", "developed", "1973"),
        "MEX": (
            "Americas",
            "Latin America and the Caribbean",
            "Central America",
            "developing",
            "1945",
        ),
        "GHA": ("Africa", "Sub-Saharan Africa", "Western Africa", "developing", "1957"),
        "PHL": ("Asia", "South-eastern Asia", "", "developing", "1945"),
        "CHE": ("Europe", "Western Europe", "", "developed", "2002"),
        "SSD": ("Africa", "Sub-Saharan Africa", "Eastern Africa", "developing", "2011"),
        "MNE": ("Europe", "Southern Europe", "", "developed", "2006"),
        "TUR": ("Asia", "Western Asia", "", "developing", "1945"),
        "JPN": ("Asia", "Eastern Asia", "", "developed", "1956"),
        "GRC": ("Europe", "Southern Europe", "", "developed", "1945"),
        "USA": ("Americas", "Northern America", "", "developed", "1945"),
        "NRU": ("Oceania", "Micronesia", "", "developing", "1999"),
        "VAT": ("Europe", "Southern Europe", "", "developed", ""),
        "PSE": ("Asia", "Western Asia", "", "developing", ""),
    }
    for iso3, exp in spot.items():
        r = by[iso3]
        got = (
            r["m49_region"],
            r["m49_subregion"],
            r["m49_intermediate_region"],
            r["development_status"],
            r["un_member_since"],
        )
        if got != exp:
            fail(f"{iso3}: expected {exp}, got {got}")
    print(
        "validation OK: 195 rows, 193 members, observers PSE+VAT, "
        "names fr/es/en complete, every row has region and sub-region, "
        "M49 area counts match, NAM iso2=NA, spot checks pass"
    )


if __name__ == "__main__":
    main()
