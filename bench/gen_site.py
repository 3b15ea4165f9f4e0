#!/usr/bin/env python3
"""CityPress's own synthetic corpus generator (Content format v1), for `make bench`.

    python3 bench/gen_site.py --cities N [--declarations 20] [--commitments 8] [--signing 0.3]
                              [--countries 100] [--seed 7] [--later 0.2] [--reports 0.3 --report-years 2 --actions 3]
                              --out DIR

Writes DIR/Content (site.yml, cities/, declarations/, and reports/ with --reports). Same arguments, same bytes;
without --later and --reports, the same bytes as before they existed. Standard library only.
--later F: a share F of each declaration's signatories endorsed after the meeting (dated within two years).
--reports F: each year from the declaration's for --report-years years, a share F of the signatories that had
endorsed by then report, each with --actions actions naming one to three commitments.
Names mix ASCII, diacritics ("Łódź-like"), apostrophes and ampersands so escaping and collation are exercised.
"""
import argparse, os, random, re, shutil, unicodedata

SYLLABLES = ["ka", "lo", "ve", "ri", "sa", "mon", "tor", "bel", "den", "ha", "ná", "łu", "ös", "ze", "pra", "gu", "ti", "wen"]
WORDS = ("cities mayors communities cohesion resilience democracy dialogue trust youth prevention policy local "
         "national cooperation networks inclusion transparency participation frameworks evidence data strategies").split()


def slugify(text):
    text = text.replace("ł", "l").replace("Ł", "L")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def name(rng, parts):
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = f"*{words[i]}*"
    return " ".join(words).capitalize() + "."


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cities", type=int, required=True)
    ap.add_argument("--declarations", type=int, default=20)
    ap.add_argument("--commitments", type=int, default=8)
    ap.add_argument("--signing", type=float, default=0.3)
    ap.add_argument("--countries", type=int, default=100)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--later", type=float, default=0.0)
    ap.add_argument("--reports", type=float, default=0.0)
    ap.add_argument("--report-years", type=int, default=2)
    ap.add_argument("--actions", type=int, default=3)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    content = os.path.join(a.out, "Content")
    shutil.rmtree(content, ignore_errors=True)
    os.makedirs(os.path.join(content, "cities"))
    os.makedirs(os.path.join(content, "declarations"))
    with open(os.path.join(content, "site.yml"), "w", encoding="utf-8") as f:
        f.write("title: Benchmark Declarations\nnetwork: Benchmark Network of Cities\n"
                "description: A synthetic site for measuring CityPress.\nlanguage: en\nbase_url: https://bench.example.org/\n")
    countries = sorted({name(rng, 3) + rng.choice(["", " Republic", " & Islands"]) for _ in range(a.countries)})
    slugs = []
    for i in range(a.cities):
        base = name(rng, rng.choice([2, 3]))
        city = base + rng.choice(["", "", " Springs", "'s Crossing", " & District", " Bridge"])
        slug = f"{slugify(city)}-{i}"
        slugs.append(slug)
        kind = rng.choice(["city", "city", "region", "district"])
        with open(os.path.join(content, "cities", slug + ".yml"), "w", encoding="utf-8") as f:
            f.write(f"name: {quoted(city)}\ncountry: {quoted(rng.choice(countries))}\nkind: {kind}\n")
            if rng.random() < 0.5:
                f.write(f"subdivision: {quoted(name(rng, 2) + ' Province')}\n")
    # A second generator for the later options, so that without them the corpus is byte for byte as before.
    extra = random.Random(a.seed + 1000)
    for d in range(a.declarations):
        year = 2000 + d
        slug = f"declaration-{year}-{d}"
        signers = [s for s in slugs if rng.random() < a.signing]
        body = "\n\n".join(" ".join(sentence(rng, rng.randint(10, 25)) for _ in range(3)) for _ in range(4))
        items = "\n".join(f"{k + 1}. {sentence(rng, rng.randint(30, 60))}" for k in range(a.commitments))
        # Later endorsements: a day within two years of the meeting (the list is then complete to two years on).
        later = {s: f"{year + extra.randint(0, 1)}-{extra.randint(6, 12):02d}-{extra.randint(1, 28):02d}"
                 for s in signers if a.later and extra.random() < a.later}
        as_of = f"{year + 2}-01-01" if later else f"{year}-06-01"
        with open(os.path.join(content, "declarations", slug + ".md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: {quoted(name(rng, 2) + ' Declaration of ' + str(year))}\nevent: Summit {year}\n"
                    f"venue: City Hall\nlocation: {quoted(name(rng, 2))}\nstart_date: {year}-05-10\nend_date: {year}-05-12\n"
                    f"adopted: {year}-05-12\nsignatories_as_of: {as_of}\nsignatories:\n")
            f.write("".join(f"  - {{city: {s}, endorsed: {later[s]}}}\n" if s in later else f"  - {s}\n"
                            for s in signers) if signers else "")
            if not signers:
                f.write("  []\n")
            f.write(f"---\n\n{body}\n\n{items}\n\n{sentence(rng, 20)}\n")
        if a.reports:
            write_reports(extra, a, content, slug, year, signers, later)


def write_reports(rng, a, content, declaration, year, signers, later):
    """Reports on `declaration` for its first --report-years years, by a share of the signatories
    that had endorsed by each year's end, with --actions actions each."""
    for report_year in range(year, year + a.report_years):
        folder = os.path.join(content, "reports", str(report_year))
        os.makedirs(folder, exist_ok=True)
        for city in signers:
            if city in later and int(later[city][:4]) > report_year:
                continue
            if rng.random() >= a.reports:
                continue
            actions = []
            for _ in range(a.actions):
                numbers = sorted(rng.sample(range(1, a.commitments + 1), rng.randint(1, min(3, a.commitments))))
                named = (f"Commitment {numbers[0]}" if len(numbers) == 1 else
                         "Commitments " + ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}")
                text = " ".join(sentence(rng, rng.randint(12, 30)) for _ in range(rng.randint(2, 4)))
                actions.append(f"## {named}: {sentence(rng, rng.randint(3, 7))[:-1]}\n\n{text}\n")
            with open(os.path.join(folder, f"{city}-{declaration}.md"), "w", encoding="utf-8") as f:
                f.write(f"---\ncity: {city}\ndeclaration: {declaration}\nyear: {report_year}\n"
                        f"published: {report_year + 1}-02-{rng.randint(1, 28):02d}\n---\n\n"
                        f"{sentence(rng, rng.randint(15, 30))}\n\n" + "\n".join(actions))


if __name__ == "__main__":
    main()
