#!/usr/bin/env python3
"""`make load-test`: the preview under load while it rebuilds.

    python3 bench/preview_load.py [--binary .build/debug/citypress] [--seconds 30] [--save-every 0.2] [--clients 8]

Starts `citypress serve --port 0` (127.0.0.1 only) on a copy of the fixture site (Tests/Fixtures/site and
Templates/), then for SECONDS: CLIENTS threads fetch the site's pages over keep-alive connections as fast as
they can, while the city file cities/load-city.yml is created and removed in turn every SAVE_EVERY seconds
(each time one rename or one unlink, so every build is a good one). It checks that

  * no answer is a 5xx, and every body is complete: as long as its Content-Length, HTML ending in </html>;
  * every page comes from one build: each answer names its build (header X-CityPress-Build), and no page of a
    build links to a page that the same build answered 404 for (load-city's page comes and goes), and the
    cities index of a build lists load-city exactly when that build serves its page;
  * the server's resident memory (VmRSS) after the run is within 20 % of before (measured after a short
    warm-up of requests, so that lazily made caches count as "before").

Prints the requests served, builds seen, answers by status and the memory; exits 1 on any problem.
Standard library only.
"""
import argparse, collections, http.client, os, random, re, shutil, subprocess, sys, tempfile, threading, time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CITY = "cities/load-city.yml"
CITY_PAGE = "/cities/load-city/"
CITIES_INDEX = "/cities/"
HREF = re.compile(rb'(?:href|src)="([^"#?]*)')


def resident_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


class Results:
    """What the clients saw, by build."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests = 0
        self.statuses = collections.Counter()
        self.problems = []
        self.served = collections.defaultdict(set)  # build -> paths answered 200
        self.missing = collections.defaultdict(set)  # build -> paths answered 404
        self.links = {}  # (build, page) -> internal paths it links to
        self.builds = set()

    def problem(self, text):
        with self.lock:
            if len(self.problems) < 50:
                self.problems.append(text)
            else:
                self.problems.append(None)


def links_of(path, body):
    found = set()
    for raw in HREF.findall(body):
        href = raw.decode("utf-8", "replace")
        if not href or href.startswith(("http:", "https:", "mailto:", "data:", "/__citypress")):
            continue
        target = urllib.parse.urlsplit(urllib.parse.urljoin("http://preview" + path, href)).path
        found.add(target)
    return found


def check(results, path, status, headers, body):
    build = headers.get("x-citypress-build")
    length = headers.get("content-length")
    with results.lock:
        results.requests += 1
        results.statuses[status] += 1
    if status >= 500:
        results.problem(f"{path}: status {status}")
    if build is None:
        results.problem(f"{path}: no X-CityPress-Build header")
        return
    if length is None or int(length) != len(body):
        results.problem(f"{path}: Content-Length {length} but {len(body)} bytes")
    is_html = headers.get("content-type", "").startswith("text/html")
    if is_html and not body.rstrip().endswith(b"</html>"):
        results.problem(f"{path}: HTML does not end with </html> ({len(body)} bytes)")
    with results.lock:
        results.builds.add(build)
        if status == 200:
            results.served[build].add(path)
        elif status == 404:
            results.missing[build].add(path)
        if is_html and status == 200 and (build, path) not in results.links:
            results.links[(build, path)] = links_of(path, body)


def client(port, paths, deadline, results, seed):
    rng = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    while time.monotonic() < deadline:
        # load-city's page and the cities index often: they are what changes.
        path = rng.choice([CITY_PAGE, CITIES_INDEX] + [rng.choice(paths)] * 2)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            headers = {k.lower(): v for k, v in response.getheaders()}
        except (OSError, http.client.HTTPException) as error:
            results.problem(f"{path}: {type(error).__name__}: {error}")
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            continue
        check(results, path, response.status, headers, body)
    connection.close()


def editor(content, deadline, every, saves):
    """Creates and removes the city file in turn; each is one rename or one unlink."""
    path = os.path.join(content, CITY)
    present = False
    while time.monotonic() < deadline:
        if present:
            os.unlink(path)
        else:
            temporary = os.path.join(content, ".load-city.tmp")
            with open(temporary, "w") as f:
                f.write("name: Load City\ncountry: Poland\n")
            os.rename(temporary, path)
        present = not present
        saves[0] += 1
        time.sleep(every)


def crawl(port):
    """Every page reachable from / in the first build."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    seen, queue = set(), ["/"]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        if response.status == 200 and response.getheader("Content-Type", "").startswith("text/html"):
            queue.extend(p for p in links_of(path, body) if p not in seen)
    connection.close()
    return sorted(seen)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "citypress"))
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--save-every", type=float, default=0.2)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--max-growth", type=float, default=0.20, help="allowed RSS growth (default 0.20)")
    a = ap.parse_args()

    work = tempfile.mkdtemp(prefix="citypress-load-")
    content, templates = os.path.join(work, "Content"), os.path.join(work, "Templates")
    shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "site", "Content"), content)
    shutil.copytree(os.path.join(ROOT, "Templates"), templates)
    server = subprocess.Popen([a.binary, "serve", "--port", "0", "--content", content, "--templates", templates],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    try:
        port = None
        deadline = time.time() + 60
        while time.time() < deadline and port is None:
            line = server.stdout.readline()
            if not line:
                break
            lines.append(line)
            match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if match:
                port = int(match.group(1))
        if port is None:
            sys.exit("load: the server did not start:\n" + "".join(lines))
        # Keep reading its output (one line per rebuild), so it never blocks on a full pipe.
        threading.Thread(target=lambda: [lines.append(l) for l in server.stdout], daemon=True).start()

        paths = crawl(port)
        warm = Results()
        warm_end = time.monotonic() + 2
        threads = [threading.Thread(target=client, args=(port, paths, warm_end, warm, 1000 + i)) for i in range(a.clients)]
        [t.start() for t in threads]
        [t.join() for t in threads]
        before = resident_kib(server.pid)
        rebuilds_before = sum(1 for l in lines if " pages in " in l or "build failed" in l)

        results, saves = Results(), [0]
        started = time.monotonic()
        end = started + a.seconds
        threads = [threading.Thread(target=client, args=(port, paths, end, results, i)) for i in range(a.clients)]
        threads.append(threading.Thread(target=editor, args=(content, end, a.save_every, saves)))
        [t.start() for t in threads]
        [t.join() for t in threads]
        elapsed = time.monotonic() - started
        time.sleep(2)  # the last rebuild settles
        after = resident_kib(server.pid)
        rebuilds = sum(1 for l in lines if " pages in " in l or "build failed" in l) - rebuilds_before

        # One build per page: no page links to a page its own build did not have.
        for (build, page), targets in results.links.items():
            for target in targets & results.missing[build]:
                results.problem(f"build {build}: {page} links to {target}, which that build answered 404")
            if page == CITIES_INDEX and CITY_PAGE in results.served[build] and CITY_PAGE not in targets:
                results.problem(f"build {build}: the cities index does not list load-city, whose page it serves")
        growth = (after - before) / before
        if growth > a.max_growth:
            results.problem(f"resident memory grew {growth:.0%} (over {a.max_growth:.0%})")
        with_city = sum(1 for b in results.builds if CITY_PAGE in results.served[b])
        without_city = sum(1 for b in results.builds if CITY_PAGE in results.missing[b])
        print(f"load: {results.requests} requests in {elapsed:.1f} s ({results.requests / elapsed:.0f}/s) by {a.clients} "
              f"clients over {len(paths)} paths; {saves[0]} saves, {rebuilds} rebuilds reported by the server, "
              f"{len(results.builds)} builds seen in answers ({with_city} with load-city, {without_city} without)")
        print("load: answers by status: " + ", ".join(f"{s}: {n}" for s, n in sorted(results.statuses.items())))
        print(f"load: server VmRSS {before / 1024:.1f} MiB before, {after / 1024:.1f} MiB after ({growth:+.1%})")
        problems = [p for p in results.problems if p]
        for p in problems:
            print("load: problem: " + p, file=sys.stderr)
        if len(results.problems) > len(problems):
            print(f"load: … and {len(results.problems) - len(problems)} more", file=sys.stderr)
        if results.problems or without_city == 0 or with_city == 0 or len(results.builds) < 2:
            if not results.problems:
                print("load: problem: the builds did not alternate (is the server rebuilding?)", file=sys.stderr)
            sys.exit(1)
        print("load: ok: no 5xx, every body complete, every page from one build, memory within "
              f"{a.max_growth:.0%}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
