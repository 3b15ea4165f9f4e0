#!/usr/bin/env python3
"""`citypress build --incremental` after one edit, against a fresh full build: rounds of both, interleaved.

    python3 bench/incremental.py CONTENT_DIR [--rounds 5] [--binary .build/release/citypress] [--binary OTHER…]
                                 [--templates Templates] [--work /dev/shm/citypress-incremental]

Issue 15 asks the second `citypress build` after editing one city record (a new process, with the manifest of the
first) to take at most 0.25 × a full build's wall time, and the same for a declaration edit, a template edit and a
removed city. The content and templates are copied into the work folder. Each binary builds into an output and a
cache folder of its own (a record names the binary that wrote it), twice before the rounds, so that its rebuilds
find its record, and, with a CityPress that keeps one, the spare beside the output.

Each round, per binary: a full build into an absent folder; then, for each edit, the edit is made, every binary
rebuilds with `--incremental` (timed), the edit is undone and every binary rebuilds again (not timed). Prints every
round, then per binary and edit the median wall and CPU time and the median of each round's ratio to that round's
full build (the machine's speed drifts between rounds). Standard library only.
"""
import os, re, shutil, statistics

from timing import binaries as binaries_given, parser, timed


def main():
    ap = parser("citypress-incremental")
    ap.set_defaults(rounds=5)
    a = ap.parse_args()
    binaries = binaries_given(a)
    shutil.rmtree(a.work, ignore_errors=True)
    content, templates = os.path.join(a.work, "Content"), os.path.join(a.work, "Templates")
    shutil.copytree(a.content, content)
    shutil.copytree(a.templates, templates)
    names = {binary: f"{index}-{os.path.basename(binary)}" for index, binary in enumerate(binaries)}

    def build(binary, output, *options):
        folder = os.path.join(a.work, names[binary] + "-" + output)
        environment = dict(os.environ, XDG_CACHE_HOME=os.path.join(a.work, names[binary] + "-cache"))
        return timed([binary, "build", "--quiet", *options, "--content", content, "--templates", templates,
                      "--output", folder], environment)

    cities = sorted(os.listdir(os.path.join(content, "cities")))
    declarations = sorted(os.listdir(os.path.join(content, "declarations")))
    city, removed = os.path.join(content, "cities", cities[len(cities) // 2]), cities[len(cities) // 3]

    def edit_city():
        text = read(city)
        write(city, re.sub(r"^name: (.*)$", r"name: \1 Edited", text, count=1, flags=re.M))
        return lambda: write(city, text)

    def edit_declaration():
        path = os.path.join(content, "declarations", declarations[0])
        text = read(path)
        write(path, re.sub(r'^title: ("?)(.*)$', r"title: \1Edited \2", text, count=1, flags=re.M))
        return lambda: write(path, text)

    def edit_template():
        path = os.path.join(templates, "signatory-entry.mustache")
        text = read(path)
        write(path, "<!-- edited -->" + text)
        return lambda: write(path, text)

    def remove_city():
        # The city's file, and its lines in every signatory list.
        saved = {}
        path = os.path.join(content, "cities", removed)
        saved[path] = read(path)
        os.remove(path)
        line = "  - " + removed[:-len(".yml")] + "\n"
        for name in declarations:
            declaration = os.path.join(content, "declarations", name)
            text = read(declaration)
            if line in text:
                saved[declaration] = text
                write(declaration, text.replace(line, ""))
        return lambda: [write(p, t) for p, t in saved.items()]

    edits = {"no change": lambda: (lambda: None), "city edit": edit_city, "declaration edit": edit_declaration,
             "template edit (signatory-entry)": edit_template, "removed city": remove_city}
    for binary in binaries:
        for _ in range(2):
            build(binary, "out", "--incremental")
    fulls = {binary: [] for binary in binaries}
    results = {(binary, edit): [] for binary in binaries for edit in edits}
    for round_number in range(1, a.rounds + 1):
        for binary in binaries:
            shutil.rmtree(os.path.join(a.work, names[binary] + "-fresh"), ignore_errors=True)
            fulls[binary].append(build(binary, "fresh"))
        for edit, make in edits.items():
            undo = make()
            for binary in binaries:
                results[(binary, edit)].append(build(binary, "out", "--incremental"))
            undo()
            for binary in binaries:
                build(binary, "out", "--incremental")
        print(f"round {round_number}: " + "; ".join(
            f"{names[b]} full {fulls[b][-1][0]:.3f} s, " + ", ".join(f"{edit} {results[(b, edit)][-1][0]:.3f} s" for edit in edits)
            for b in binaries), flush=True)
    for binary in binaries:
        full = fulls[binary]
        print(f"{binary}: full build {statistics.median(r[0] for r in full):.3f} s ({statistics.median(r[1] for r in full):.2f} s CPU)")
        for edit in edits:
            rows = results[(binary, edit)]
            ratios = [wall / whole for (wall, _), (whole, _) in zip(rows, full)]
            print(f"  {edit}: {statistics.median(r[0] for r in rows):.3f} s ({statistics.median(r[1] for r in rows):.2f} s CPU), "
                  f"{statistics.median(ratios):.2f} × the full build ({min(ratios):.2f}–{max(ratios):.2f})")
    shutil.rmtree(a.work, ignore_errors=True)


def read(path):
    with open(path, encoding="utf-8") as file:
        return file.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


if __name__ == "__main__":
    main()
