#!/usr/bin/env python3
"""`make bench`: builds synthetic sites of several sizes with the release binary and prints, per size,
pages/s, MiB/s, wall time, CPU time and peak RSS (median of RUNS builds; min–max shown).

    python3 bench/run.py [SIZES…] [--runs 5] [--binary .build/release/citypress] [--work /dev/shm/citypress-bench]
"""
import argparse, os, shutil, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def tree_size(path):
    files, total = 0, 0
    for dirpath, _, names in os.walk(path):
        for n in names:
            files += 1
            total += os.path.getsize(os.path.join(dirpath, n))
    return files, total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "citypress"))
    ap.add_argument("--work", default="/dev/shm/citypress-bench" if os.path.isdir("/dev/shm") else "/tmp/citypress-bench")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    print(f"binary {a.binary}, output on {a.work}, {a.runs} runs per size, {os.cpu_count()} cores")
    print(f"| cities | pages | MiB | wall s (min–max) | CPU s | peak RSS MiB | pages/s | MiB/s |")
    print(f"|---|---|---|---|---|---|---|---|")
    for n in a.sizes:
        corpus = os.path.join(a.work, f"corpus-{n}")
        if not os.path.isdir(os.path.join(corpus, "Content")):
            subprocess.run([sys.executable, os.path.join(HERE, "gen_site.py"), "--cities", str(n), "--out", corpus], check=True)
        walls, cpus, rss = [], [], []
        out = os.path.join(a.work, f"out-{n}")
        for _ in range(a.runs):
            shutil.rmtree(out, ignore_errors=True)
            start = time.perf_counter()
            proc = subprocess.Popen([a.binary, "build", "--quiet", "--content", os.path.join(corpus, "Content"),
                                     "--templates", os.path.join(ROOT, "Templates"), "--output", out])
            _, status, usage = os.wait4(proc.pid, 0)
            walls.append(time.perf_counter() - start)
            if status != 0:
                sys.exit(f"build failed for N={n}")
            cpus.append(usage.ru_utime + usage.ru_stime)
            rss.append(usage.ru_maxrss / 1024)
        files, size = tree_size(out)
        wall = statistics.median(walls)
        mib = size / 1048576
        print(f"| {n} | {files} | {mib:.1f} | {wall:.3f} ({min(walls):.3f}–{max(walls):.3f}) | {statistics.median(cpus):.2f} "
              f"| {max(rss):.0f} | {files / wall:.0f} | {mib / wall:.1f} |")


if __name__ == "__main__":
    main()
