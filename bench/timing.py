"""What the benchmark scripts share: timing one command's wall and CPU time. Standard library only."""
import os, subprocess, sys, time


def timed(command, environment=None):
    """Wall and CPU (user + system) seconds of one run of `command` (with `environment`, else this process's),
    which must succeed."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed ({status}): {' '.join(command)}")
    return wall, usage.ru_utime + usage.ru_stime


def parser(work_name):
    """The arguments every comparison of binaries takes: a content folder, rounds, binaries, templates and a
    work folder (`work_name` in /dev/shm, else in /tmp)."""
    import argparse
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("content")
    ap.add_argument("--rounds", type=int, default=12)
    ap.add_argument("--binary", action="append",
                    help="a citypress binary (repeat to compare; default .build/release/citypress)")
    ap.add_argument("--templates", default=os.path.join(root, "Templates"))
    ap.add_argument("--work", default=os.path.join("/dev/shm" if os.path.isdir("/dev/shm") else "/tmp", work_name))
    return ap


def binaries(arguments):
    """The binaries given, or the release build's."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return arguments.binary or [os.path.join(root, ".build", "release", "citypress")]
