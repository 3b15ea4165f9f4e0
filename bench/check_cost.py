#!/usr/bin/env python3
"""What `build --check` adds to `build`: rounds of both, interleaved, on one content folder.

    python3 bench/check_cost.py CONTENT_DIR [--rounds 12] [--binary .build/release/citypress] [--binary OTHER…]
                                [--templates Templates] [--work /dev/shm/citypress-check-cost] [--replace]

Each round runs, for every binary given, a plain build and then a checked build of the same content, each into
its own output folder (emptied first; with --replace, each build replaces the output of the one before, as on
a publisher's machine). Prints every round's wall times and ratio, then per binary the median ratio, its range,
and the median extra wall and CPU time of the check. The ratio of a round is taken within the round because
the machine's speed drifts between rounds (on a shared 2-core VM, by 25 % and more): judge medians of many
rounds, and compare binaries only within one run. Standard library only.
"""
import os, shutil, statistics

from timing import binaries as binaries_given, parser, timed


def main():
    ap = parser("citypress-check-cost")
    ap.add_argument("--replace", action="store_true", help="builds replace the output of the build before")
    a = ap.parse_args()
    binaries = binaries_given(a)
    os.makedirs(a.work, exist_ok=True)
    results = {binary: [] for binary in binaries}
    for round_number in range(1, a.rounds + 1):
        for position, binary in enumerate(binaries):
            row = []
            for checking in (False, True):
                out = os.path.join(a.work, f"out-{position}-{'check' if checking else 'plain'}")
                if not a.replace:
                    shutil.rmtree(out, ignore_errors=True)
                command = [binary, "build", "--quiet", "--content", a.content, "--templates", a.templates, "--output", out]
                row.append(timed(command + (["--check"] if checking else [])))
            (plain_wall, plain_cpu), (check_wall, check_cpu) = row
            results[binary].append((check_wall / plain_wall, check_wall - plain_wall, check_cpu - plain_cpu))
            print(f"round {round_number:2} {os.path.basename(binary)}: build {plain_wall:.3f} s, build --check "
                  f"{check_wall:.3f} s, ratio {check_wall / plain_wall:.3f}", flush=True)
    for binary, rows in results.items():
        ratios = [r[0] for r in rows]
        print(f"{binary}: median ratio {statistics.median(ratios):.3f} ({min(ratios):.3f}–{max(ratios):.3f}, "
              f"{len(rows)} rounds), the check adds {statistics.median(r[1] for r in rows):.3f} s wall, "
              f"{statistics.median(r[2] for r in rows):.3f} s CPU")
    shutil.rmtree(a.work, ignore_errors=True)


if __name__ == "__main__":
    main()
