#!/usr/bin/env python3
"""The search page and the cities filter of a built CityPress site, in a real browser.

    python3 scripts/search/check_search.py FIXTURE_SITE [FIXTURE_SITE...] [--many SITE]  # the checks below; exit 1 on a failure
    python3 scripts/search/check_search.py --bench SITE [--queries q1,q2,...]  # query times of a large site

Drives Debian's headless chromium through chromium-driver with selenium (the same set-up as
scripts/a11y/check.py, whose browser start it reuses; install both with scripts/a11y/install.sh).
A folder built with --portable is opened from file:// (as from a USB stick); any other is served
over http on 127.0.0.1, under a subpath (/sub/path/), as a site published below a domain's root.

The checks are written for the fixture site (Tests/Fixtures/site), using only the keyboard:
Tab from the top of the search page to the search box, type `lodz`, see Łódź first and the live
region say how many results there are, Tab to the first result and follow it with Enter; `?q=` in
the address searches at once; on the cities index the filter box leaves only Łódź and its letter;
without JavaScript the search page points to the indexes and the cities index shows every city.
With --many, a site whose query `testtown` finds more results than the page shows at first (the fixture site
with 60 more cities named "Testtown N"): the button after the list shows 50 more and moves to the first of them.

Exit status: 0 when every check passed, 1 when one failed, 2 when the browser cannot run.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import importlib.util
import os
import socketserver
import statistics
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
A11Y = HERE.parent / "a11y"
VENV = Path(os.environ.get("A11Y_VENV", A11Y / ".venv"))


def _reexec_in_venv() -> None:
    """Run under scripts/a11y/.venv's Python when this one has no selenium (so plain python3 works)."""
    if importlib.util.find_spec("selenium"):
        return
    venv_python = VENV / "bin" / "python"
    if venv_python.exists() and os.environ.get("SEARCH_REEXEC") != "1":
        os.environ["SEARCH_REEXEC"] = "1"
        os.execv(str(venv_python), [str(venv_python), str(Path(__file__).resolve()), *sys.argv[1:]])
    print("search: error: selenium is not installed; run scripts/a11y/install.sh", file=sys.stderr)
    sys.exit(2)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextlib.contextmanager
def published(site: Path, subpath: str = "sub/path/"):
    """The site's address: file:// for a --portable build, else http://127.0.0.1:PORT/<subpath>."""
    if "data-page=\"index.html\"" in (site / "search" / "index.html").read_text(encoding="utf-8"):
        yield site.resolve().as_uri() + "/", "index.html"
        return

    class Handler(_Quiet):
        def translate_path(self, path: str) -> str:
            prefix = "/" + subpath
            return super().translate_path("/" + path[len(prefix):] if path.startswith(prefix) else "/404-outside-subpath")

    server = _Server(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{subpath}", ""
    finally:
        server.shutdown()
        server.server_close()


class Checks:
    def __init__(self, driver, timeout: float = 10) -> None:
        self.driver = driver
        self.timeout = timeout
        self.failures: list[str] = []
        self.passed = 0

    def expect(self, condition: bool, what: str) -> bool:
        if condition:
            self.passed += 1
        else:
            self.failures.append(what)
            print(f"search: FAIL: {what}", file=sys.stderr)
        return condition

    def wait(self, predicate, what: str) -> bool:
        from selenium.webdriver.support.ui import WebDriverWait
        try:
            WebDriverWait(self.driver, self.timeout).until(lambda d: predicate())
            return self.expect(True, what)
        except Exception:  # noqa: BLE001 - a timeout is the failure being reported
            return self.expect(False, what)

    def active(self):
        return self.driver.switch_to.active_element

    def keys(self, *keys) -> None:
        from selenium.webdriver.common.action_chains import ActionChains
        ActionChains(self.driver).send_keys(*keys).perform()

    def text(self, element_id: str) -> str:
        return self.driver.execute_script("var e = document.getElementById(arguments[0]); return e ? e.textContent : null;",
                                          element_id) or ""

    def result_links(self) -> list[str]:
        return self.driver.execute_script(
            "return Array.from(document.querySelectorAll('#search-results a')).map(a => a.textContent);")


def check_site(site: Path, driver) -> Checks:
    from selenium.webdriver.common.keys import Keys
    checks = Checks(driver)
    with published(site) as (root, page):
        search = root + "search/" + page
        print(f"search: {search}", file=sys.stderr)

        # Keyboard only: Tab from the top of the page to the search box.
        driver.get(search)
        checks.wait(lambda: driver.execute_script("return !document.getElementById('search-form').hidden"),
                    "the script shows the search form")
        checks.expect(driver.execute_script("return document.getElementById('search-needs-js').hidden"),
                      "the script hides the 'needs JavaScript' notice")
        for _ in range(30):
            if checks.active().get_attribute("id") == "search-query":
                break
            checks.keys(Keys.TAB)
        checks.expect(checks.active().get_attribute("id") == "search-query", "Tab reaches the search box")
        label = driver.execute_script("return document.querySelector('label[for=search-query]').textContent")
        checks.expect(bool(label.strip()), "the search box has a label")

        checks.keys("lodz")
        checks.wait(lambda: (checks.result_links() or [""])[0] == "Łódź", "typing lodz lists Łódź first")
        count = len(driver.find_elements("css selector", "#search-results li"))
        checks.expect(count >= 1, "results are items of a list")
        status = driver.find_element("id", "search-status")
        checks.expect(status.get_attribute("role") == "status", "the count is in a live region (role=status)")
        expected = f"{count} result" + ("" if count == 1 else "s")
        checks.wait(lambda: checks.text("search-status") == expected,
                    f"the live region says '{expected}' (it says '{checks.text('search-status')}')")

        checks.keys(Keys.TAB)
        checks.expect(checks.active().text == "Łódź", "Tab from the search box reaches the first result")
        checks.keys(Keys.ENTER)
        checks.wait(lambda: "cities/lodz/" in driver.current_url, "Enter follows the first result to Łódź's page")
        checks.wait(lambda: driver.execute_script("return document.querySelector('h1') && document.querySelector('h1').textContent") == "Łódź",
                    "Łódź's page opens")

        # An address with ?q= searches at once (links, bookmarks, screenshots); Enter in the box jumps to the first result.
        for query, first in (("poznan", "Poznań"), ("POZNAŃ", "Poznań"), ("first accord", "First Accord"),
                             ("canopy", "Łódź: report for 2022"), ("leeds", "Greater Leeds & District")):
            driver.get(search + "?q=" + query)
            checks.wait(lambda: (checks.result_links() or [""])[0] == first, f"?q={query} lists {first} first")
        driver.get(search + "?q=zzzz")
        checks.wait(lambda: checks.text("search-status") == "No results: try fewer words, or part of a name",
                    "a query without results says 'No results' and what to try")
        checks.expect(not driver.find_element("css selector", ".search-more").is_displayed(),
                      "no 'Show more results' button when every result is shown")
        driver.get(search + "?q=wroc")
        checks.wait(lambda: bool(checks.result_links()), "?q=wroc lists results")
        driver.find_element("id", "search-query").send_keys(Keys.ENTER)
        checks.expect(checks.active().text == "Wroclaw", "Enter in the search box moves to the first result")

        # The filter box of the cities index.
        driver.get(root + "cities/" + page)
        checks.wait(lambda: driver.execute_script("return !document.getElementById('city-filter').hidden"),
                    "the script shows the cities filter")
        box = driver.find_element("id", "city-filter-query")
        box.send_keys("LODZ")
        visible = lambda: driver.execute_script(  # noqa: E731
            "return Array.from(document.querySelectorAll('main section li')).filter(li => li.offsetParent).map(li => li.firstElementChild.textContent)")
        checks.wait(lambda: visible() == ["Łódź"], f"filtering by LODZ leaves Łódź alone (shown: {visible()})")
        sections = driver.execute_script("return Array.from(document.querySelectorAll('main section')).filter(s => s.offsetParent).length")
        checks.expect(sections == 1, "letter groups without a match are hidden")
        letters = driver.execute_script("return Array.from(document.querySelectorAll('.letters li')).filter(l => l.offsetParent).map(l => l.textContent)")
        checks.expect(letters == ["L"], f"the letter links show only L (shown: {letters})")
        checks.wait(lambda: checks.text("city-filter-status") == "1 city shown", "the filter's live region says '1 city shown'")
        box.clear()
        box.send_keys(" ")
        every_city = len(driver.find_elements("css selector", "main section li"))
        checks.expect(every_city >= 5, f"the fixture's cities index lists its cities ({every_city})")
        checks.wait(lambda: len(visible()) == every_city, "a blank filter shows every city again")

        # The French and Arabic trees: their own search page and index, in their words and plurals,
        # finding the translation's title and commitments and leading to the tree's pages.
        driver.get(root + "fr/search/" + page + "?q=planter")
        checks.wait(lambda: (checks.result_links() or [""])[0] == "Engagement 1 de Deuxième Accord",
                    f"fr: ?q=planter lists the translated commitment first (shown: {checks.result_links()[:2]})")
        checks.wait(lambda: checks.text("search-status") == "1 résultat", f"fr: the live region says '1 résultat' ({checks.text('search-status')})")
        driver.get(root + "fr/search/" + page + "?q=lodz")
        checks.wait(lambda: (checks.result_links() or [""])[0] == "Łódź", "fr: ?q=lodz lists Łódź first")
        href = driver.execute_script("return document.querySelector('#search-results a').getAttribute('href')")
        checks.expect("fr/cities/lodz/" in href, f"fr: the result leads to the French tree's page ({href})")
        # What the French tree shows in English (a declaration with no French translation, reports) says so.
        driver.get(root + "fr/search/" + page + "?q=first accord")
        checks.wait(lambda: (checks.result_links() or [""])[0] == "First Accord", "fr: ?q=first accord lists First Accord first")
        lang = driver.execute_script("return document.querySelector('#search-results a').getAttribute('lang')")
        checks.expect(lang == "en-GB", f"fr: the untranslated title is marked lang=en-GB ({lang})")
        driver.get(root + "fr/search/" + page + "?q=canopy")
        checks.wait(lambda: bool(checks.result_links()), "fr: ?q=canopy lists a report")
        lang = driver.execute_script("return document.querySelector('#search-results .search-excerpt').getAttribute('lang')")
        checks.expect(lang == "en-GB", f"fr: a report's action titles are marked lang=en-GB ({lang})")
        driver.get(root + "fr/search/" + page + "?q=planter")
        checks.wait(lambda: bool(checks.result_links()), "fr: ?q=planter lists the translated commitment")
        lang = driver.execute_script("return document.querySelector('#search-results .search-excerpt').getAttribute('lang')")
        checks.expect(lang is None, f"fr: the translated commitment's text is not marked as English ({lang})")
        driver.get(root + "fr/search/" + page + "?q=zzzz")
        checks.wait(lambda: checks.text("search-status").startswith("Aucun résultat : essayez"), "fr: no results says 'Aucun résultat' and what to try")
        driver.get(root + "ar/search/" + page + "?q=lodz")
        checks.wait(lambda: (checks.result_links() or [""])[0] == "Łódź", "ar: ?q=lodz lists Łódź first")
        kind = driver.execute_script("return document.querySelector('#search-results .search-kind').textContent")
        checks.expect(kind == "المدينة", f"ar: the result's kind is Arabic ({kind})")
        driver.get(root + "fr/cities/" + page)
        checks.wait(lambda: driver.execute_script("return !document.getElementById('city-filter').hidden"),
                    "fr: the script shows the cities filter")
        driver.find_element("id", "city-filter-query").send_keys("lodz")
        checks.wait(lambda: checks.text("city-filter-status") == "1 ville affichée",
                    f"fr: the filter says '1 ville affichée' ({checks.text('city-filter-status')})")

        # Without JavaScript: the notice, every list.
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        try:
            driver.get(search)
            checks.expect(driver.find_element("id", "search-needs-js").is_displayed(), "without JavaScript the notice shows")
            checks.expect(not driver.find_element("id", "search-form").is_displayed(), "without JavaScript the form is hidden")
            hrefs = driver.execute_script("return Array.from(document.querySelectorAll('#search-needs-js a')).map(a => a.getAttribute('href'))")
            checks.expect(len(hrefs) == 4, "without JavaScript the notice links to the four indexes")
            driver.get(root + "cities/" + page)
            checks.expect(not driver.find_element("id", "city-filter").is_displayed(), "without JavaScript no filter box")
            checks.expect(len(visible()) == every_city, "without JavaScript the cities index lists every city")
        finally:
            driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    return checks


def check_many(site: Path, driver) -> Checks:
    """More results than the page shows at first: the count says so, and a button shows the rest."""
    from selenium.webdriver.common.keys import Keys
    checks = Checks(driver)
    with published(site) as (root, page):
        search = root + "search/" + page
        driver.get(search + "?q=testtown")
        checks.wait(lambda: len(checks.result_links()) == 50, f"?q=testtown shows the first 50 results ({len(checks.result_links())})")
        checks.wait(lambda: checks.text("search-status") == "60 results; the first 50 are shown",
                    f"the live region says how many are shown ({checks.text('search-status')})")
        more = driver.find_element("css selector", ".search-more")
        checks.expect(more.is_displayed() and more.text == "Show more results", "a 'Show more results' button follows the list")
        last = driver.find_elements("css selector", "#search-results a")[-1]
        driver.execute_script("arguments[0].focus()", last)
        checks.keys(Keys.TAB)
        checks.expect(checks.active().text == "Show more results", "Tab from the last result reaches the button")
        checks.keys(Keys.ENTER)
        checks.wait(lambda: len(checks.result_links()) == 60, f"the button shows the other 10 results ({len(checks.result_links())})")
        checks.expect(checks.active().text == checks.result_links()[50], "focus moves to the first result the button added")
        checks.wait(lambda: checks.text("search-status") == "60 results", f"the live region then says '60 results' ({checks.text('search-status')})")
        checks.expect(not more.is_displayed(), "the button is hidden once every result is shown")
        box = driver.find_element("id", "search-query")
        box.send_keys(Keys.BACK_SPACE)
        checks.wait(lambda: len(checks.result_links()) == 50, "a new query shows the first 50 again")
        checks.expect(more.is_displayed(), "and the button again")
    return checks


BENCH = """
const queries = arguments[0], runs = arguments[1];
const out = {};
for (const q of queries) {
  const times = [];
  let count = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    count = window.CityPressSearch.run(q).length;
    times.push(performance.now() - t0);
  }
  // The whole answer to a keystroke: search, then the results list rebuilt (layout forced by offsetHeight).
  const input = document.getElementById('search-query');
  const t0 = performance.now();
  input.value = q;
  input.dispatchEvent(new Event('input'));
  document.getElementById('search-results').offsetHeight;
  out[q] = {count: count, times: times, shown: performance.now() - t0};
}
return out;
"""


def bench(site: Path, driver, queries: list[str], runs: int) -> int:
    with published(site) as (root, page):
        t0 = time.perf_counter()
        driver.get(root + "search/" + page)
        from selenium.webdriver.support.ui import WebDriverWait
        WebDriverWait(driver, 60).until(lambda d: d.execute_script("return !!(window.CityPressSearch && window.CityPressSearch.run)"))
        load = time.perf_counter() - t0
        entries = driver.execute_script(
            "const i = window.CityPressSearch; return i.countries.length + i.cities.length + i.declarations.length"
            " + i.commitments.length + i.updates.length + i.reports.length")
        print(f"search bench: {entries} entries; page and index loaded and ready in {load * 1000:.0f} ms (wall, from the driver)")
        results = driver.execute_script(BENCH, queries, runs)
        worst = 0.0
        for query in queries:
            r = results[query]
            times = sorted(r["times"])
            worst = max(worst, times[-1], r["shown"])
            print(f"  {query!r:>16}: {r['count']:>6} results; search median {statistics.median(times):6.2f} ms, "
                  f"max {times[-1]:6.2f} ms over {runs} runs; with the list shown {r['shown']:6.2f} ms")
        print(f"search bench: slowest answer {worst:.2f} ms")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="+", metavar="SITE", type=Path, help="built site folder(s)")
    parser.add_argument("--bench", action="store_true", help="time queries instead of checking the fixture")
    parser.add_argument("--many", type=Path, help="a site with 60 cities named 'Testtown N' more than the fixture's")
    parser.add_argument("--queries", default="a,lo,lodz,belbel,springs,bridge,crossing 12,cohesion,xyzzy,district 4",
                        help="comma-separated queries for --bench")
    parser.add_argument("--runs", type=int, default=7, help="runs of each query for --bench (default 7)")
    args = parser.parse_args(argv)
    _reexec_in_venv()
    sys.path.insert(0, str(A11Y))
    from check import kill_browser, start_browser  # scripts/a11y/check.py: the same browser set-up

    driver = start_browser(60, window_size="1280,1024")
    try:
        if args.bench:
            return max(bench(site, driver, args.queries.split(","), args.runs) for site in args.sites)
        failed = 0
        runs = [(site, check_site) for site in args.sites] + ([(args.many, check_many)] if args.many else [])
        for site, check in runs:
            try:
                checks = check(site, driver)
            except Exception as error:  # noqa: BLE001 - a page that breaks a step fails the site, with the reason
                print(f"search: FAIL: {site}: {type(error).__name__}: {str(error).strip().splitlines()[0] if str(error).strip() else ''}",
                      file=sys.stderr)
                failed += 1
                continue
            failed += len(checks.failures)
            print(f"search: {site}: {checks.passed} checks passed, {len(checks.failures)} failed")
        return 1 if failed else 0
    finally:
        with contextlib.suppress(Exception):
            driver.quit()
        kill_browser(driver)


if __name__ == "__main__":
    sys.exit(main())
