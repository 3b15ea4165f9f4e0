#!/usr/bin/env python3
"""A fresh `citypress build` against `cp -r` of its output: rounds of both, interleaved, on one content folder.

    python3 bench/build_vs_copy.py CONTENT_DIR [--rounds 12] [--binary .build/release/citypress] [--binary OTHER…]
                                   [--templates Templates] [--work /dev/shm/citypress-build-vs-copy]

Issue 15 asks a fresh full build to take at most 1.3 × `cp -r` of the same tree on tmpfs. Each round builds with
every binary given into an absent folder, then copies a finished output (made once, before the rounds, by the
first binary) with `cp -r`. Prints every round, then per binary the median wall and CPU (user + system) time and
the median of each round's ratio to that round's copy. The ratio is taken within the round because the machine's
speed drifts between rounds (on a shared 2-core VM, by 25 % and more). Standard library only.
"""
import os, shutil, statistics

from timing import binaries as binaries_given, parser, timed


def main():
    ap = parser("citypress-build-vs-copy")
    a = ap.parse_args()
    binaries = binaries_given(a)
    os.makedirs(a.work, exist_ok=True)
    source, out, copy = (os.path.join(a.work, name) for name in ("source", "out", "copy"))

    def build(binary, folder):
        return timed([binary, "build", "--quiet", "--content", a.content, "--templates", a.templates, "--output", folder])

    shutil.rmtree(source, ignore_errors=True)
    build(binaries[0], source)
    results = {binary: [] for binary in binaries}
    copies = []
    for round_number in range(1, a.rounds + 1):
        for binary in binaries:
            shutil.rmtree(out, ignore_errors=True)
            results[binary].append(build(binary, out))
        shutil.rmtree(copy, ignore_errors=True)
        copies.append(timed(["cp", "-r", source, copy])[0])
        print(f"round {round_number:2}: " + ", ".join(f"{os.path.basename(b)} {results[b][-1][0]:.3f} s ({results[b][-1][1]:.2f} s CPU)"
                                                   for b in binaries) + f", cp -r {copies[-1]:.3f} s", flush=True)
    for binary, rows in results.items():
        ratios = [wall / copied for (wall, _), copied in zip(rows, copies)]
        print(f"{binary}: build {statistics.median(r[0] for r in rows):.3f} s, CPU {statistics.median(r[1] for r in rows):.2f} s, "
              f"against cp -r {statistics.median(ratios):.2f} × ({min(ratios):.2f}–{max(ratios):.2f}), medians of {len(rows)} rounds")
    print(f"cp -r: {statistics.median(copies):.3f} s median")
    for folder in (source, out, copy):
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
