#!/usr/bin/env python3
"""Time from saving a city record (or retitling a declaration, editing a report or a template partial) to the
preview's reload event, and the preview's resident memory.

    python3 bench/preview_latency.py CORPUS_CONTENT_DIR [--binary .build/release/citypress] [--saves 10]
                                     [--edit city|declaration|report|template] [--partial declaration-card.mustache]

Starts `citypress serve --port 0` on a copy-free content folder (it edits one content file in place and
restores it), subscribes to /__citypress/events, then saves the file SAVES times, each time waiting for the
`reload` event. `--edit template` edits a copy of the templates (the partial `--partial`, an HTML comment
added at its end, so every page using it changes), never the folder given. Prints every latency, the median,
the server's CPU time per save (less sensitive than the latency to other work on the machine) and its
resident memory after the first build and after the saves (Linux). Standard library only.
"""
import argparse, os, re, shutil, socket, statistics, subprocess, sys, tempfile, threading, time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("content")
    ap.add_argument("--templates", default=os.path.join(os.path.dirname(__file__), "..", "Templates"))
    ap.add_argument("--binary", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release", "citypress"))
    ap.add_argument("--saves", type=int, default=10)
    ap.add_argument("--edit", choices=["city", "declaration", "report", "template"], default="city",
                    help="save the middle city record with another name, the first declaration with another title, "
                         "the middle report (files below reports/) with another title for its first action, "
                         "or the template partial --partial with an HTML comment added")
    ap.add_argument("--partial", default="declaration-card.mustache",
                    help="the template file --edit template changes (default: the declaration card of the lists)")
    ap.add_argument("--server-log", help="append the server's standard error, and its progress lines (each rebuild's "
                                         "milliseconds) after the first build, to this file (default: discarded)")
    a = ap.parse_args()

    scratch = None
    if a.edit == "template":
        # The given templates are never edited: a crash half way would leave the benchmark's text in them.
        scratch = tempfile.mkdtemp(prefix="preview-latency-")
        a.templates = shutil.copytree(a.templates, os.path.join(scratch, "Templates"))
    log = open(a.server_log, "a") if a.server_log else subprocess.DEVNULL
    proc = subprocess.Popen([a.binary, "serve", "--port", "0", "--content", a.content, "--templates", a.templates],
                            stdout=subprocess.PIPE, stderr=log, text=True)
    try:
        port = None
        first_build = None
        deadline = time.time() + 120
        while time.time() < deadline and port is None:
            line = proc.stdout.readline()
            if not line:
                break
            if line.startswith("first build"):
                first_build = line.strip()
            m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if m:
                port = int(m.group(1))
        if port is None:
            sys.exit("the server did not start")
        print(first_build)
        # The server's progress lines are read on, so its pipe never fills (and kept with --server-log).
        def drain():
            for line in proc.stdout:
                if a.server_log:
                    log.write(line)
                    log.flush()
        threading.Thread(target=drain, daemon=True).start()
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(b"GET /__citypress/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        sock.settimeout(10)
        buf = b""

        def wait_for(marker):
            nonlocal buf
            while marker not in buf:
                chunk = sock.recv(65536)
                if not chunk:
                    raise SystemExit("event stream closed")
                buf += chunk
            buf = buf[buf.index(marker) + len(marker):]

        wait_for(b"event: hello")
        print(f"server resident memory after the first build: {resident_mib(proc.pid)}")
        if a.edit == "template":
            path = os.path.join(a.templates, a.partial)
        elif a.edit == "report":
            files = sorted(os.path.join(root, f) for root, _, names in os.walk(os.path.join(a.content, "reports"))
                           for f in names if f.endswith(".md"))
            path = files[len(files) // 2]
        else:
            folder, ext = ("cities", ".yml") if a.edit == "city" else ("declarations", ".md")
            files = sorted(f for f in os.listdir(os.path.join(a.content, folder)) if f.endswith(ext))
            path = os.path.join(a.content, folder, files[len(files) // 2] if a.edit == "city" else files[0])
        original = open(path, encoding="utf-8").read()
        latencies = []
        cpu_before = cpu_seconds(proc.pid)
        try:
            for i in range(a.saves):
                time.sleep(0.3)
                if a.edit == "template":
                    text = original.rstrip("\n") + f"<!-- benchmark {i} -->\n"
                elif a.edit == "report":
                    text = re.sub(r"^(## Commitments? [^:]*): .*$", rf"\1: Benchmark action {i}", original, count=1, flags=re.M)
                else:
                    field = "name" if a.edit == "city" else "title"
                    text = re.sub(rf"^{field}: .*$", f"{field}: Benchmark {a.edit.title()} {i}", original, count=1, flags=re.M)
                start = time.perf_counter()
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                wait_for(b"event: reload")
                latencies.append((time.perf_counter() - start) * 1000)
            # Before the file is put back, which is one more rebuild.
            cpu_after = cpu_seconds(proc.pid)
        finally:
            with open(path, "w", encoding="utf-8") as f:
                f.write(original)
        print("save → reload (ms):", " ".join(f"{x:.0f}" for x in latencies))
        print(f"median {statistics.median(latencies):.0f} ms, min {min(latencies):.0f}, max {max(latencies):.0f} ({a.saves} saves of {os.path.basename(path)})")
        if cpu_before is not None and cpu_after is not None:
            # CPU time depends less than wall time on what else the machine runs: compare binaries by it there.
            print(f"server CPU per save: {(cpu_after - cpu_before) / a.saves * 1000:.0f} ms (user + system, all threads)")
        print(f"server resident memory after the saves: {resident_mib(proc.pid)}")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)


def cpu_seconds(pid):
    """The process's user and system CPU time so far, in seconds (Linux), or None."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def resident_mib(pid):
    """The process's resident set size (Linux), or a note that it cannot be read here."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return f"{int(line.split()[1]) / 1024:.0f} MiB"
    except OSError:
        pass
    return "unknown (no /proc)"


if __name__ == "__main__":
    main()
