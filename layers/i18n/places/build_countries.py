#!/usr/bin/env python3
"""Write ``layers/i18n/places/<lang>.yaml``: country names in each interface language, from CLDR.

    python layers/i18n/places/build_countries.py [--cldr ../shared/data/cldr/territories]

Only names that differ from the gazetteer's English name are written.  CLDR's territory
names are under the Unicode licence (see the shared data's LICENSE file).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGS = ("it", "fr")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cldr", default=str(HERE.parents[3] / "shared" / "data" / "cldr" / "territories"))
    args = parser.parse_args()
    english = json.loads((Path(args.cldr) / "en.json").read_text(encoding="utf-8"))["main"]["en"]
    english = english["localeDisplayNames"]["territories"]
    for lang in LANGS:
        data = json.loads((Path(args.cldr) / f"{lang}.json").read_text(encoding="utf-8"))["main"][lang]
        names = data["localeDisplayNames"]["territories"]
        lines = [f"# Country names in '{lang}' from CLDR (Unicode licence); written by build_countries.py."]
        for code in sorted(names):
            if len(code) != 2 or not code.isalpha() or "-alt-" in code or names[code] == english.get(code):
                continue
            lines.append(f"country:{code}: {json.dumps(names[code], ensure_ascii=False)}")
        (HERE / f"{lang}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
