"""The TimelineJS export in a real browser (run by hand): each store is exported with
`dateline export --format timelinejs`, rendered by TimelineJS 3.9 in headless Chromium, and what the page saw
is read back from its DOM. Prints one block per store; exits 1 when any store fails.

    python benchmarks/timelinejs_in_browser.py [--db STORE ...] [--tljs DIR] [--screenshot OUT.png] [--keep DIR]

Stores: by default the bundled sample (tui.paths.sample_db(), what `dateline export` reads with no --db and no
store of your own) and a hostile store built here in a temp dir: summaries, persons, organisations, places,
titles, outlets and excerpts carrying markup (`<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`,
`<svg onload=alert(1)>`, an `<iframe>`), text with `&`, quotes and literal entities, an article URL
`javascript:alert(1)` beside an http one, a country code written as HTML entities (a store is a file anyone
can hand you), and every precision from day to decade plus an undated event. --db STORE (repeatable) replaces
both.

TimelineJS comes from npm, installed once into a cache folder (--tljs, else $DATELINE_TLJS, else
/tmp/dateline-tljs):

    npm install --prefix /tmp/dateline-tljs @knight-lab/timelinejs@3.9

Chromium is the Debian package (`apt-get install -y chromium`), run as
`chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=10000 --dump-dom file://PAGE`.

The page sets traps before TimelineJS loads (window.onerror, unhandled rejections, console.error, alert /
confirm / prompt), passes the exported JSON object to `new TL.Timeline(id, data)`, and once TimelineJS fires
"loaded" writes into the DOM: the slides it built (`.tl-slide` minus the title slide) with each one's date,
headline and text as shown, the time-nav markers and group labels, TimelineJS's own validation errors, and
live elements the data should never have produced (script, iframe, object, embed, svg, img, event-handler
attributes, links to anything but http(s)). Per store this prints:

  events        slides in the exported JSON
  rendered      slides TimelineJS built; markers on the time nav
  errors        page errors, console.error calls, uncaught errors Chromium logged, TimelineJS's validation
                errors and any message TimelineJS left on screen ("Loading Timeline..." when it gave up)
  alert         whether alert/confirm/prompt was called (injected markup ran)
  live markup   injected elements or handler attributes present in the rendered timeline
  text          slides whose shown date, headline or text differs from what the JSON means (HTML-decoded
                once: markup TimelineJS's sanitizer dropped or changed), or does not show the store's own text
                (the `--format json` export: summary, persons, excerpts, titles, outlets), e.g. "&lt;" on
                screen where the store says "<" (escaped twice)
  groups        group labels shown against the JSON's groups (TimelineJS decodes a group as HTML, then
                writes it as HTML)

A store fails when rendered != events, or on any error, alert, live markup, text or group difference.
--screenshot OUT.png also takes a 1280x900 picture of the first store's timeline.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from store.db import connect, insert_article, insert_event, transaction  # noqa: E402
from store.model import Article, Event, Place, Source, When  # noqa: E402
from tui.paths import sample_db  # noqa: E402

DATELINE = str(Path(sys.executable).parent / "dateline")  # the one installed beside this Python
TLJS_PACKAGE = "@knight-lab/timelinejs@3.9"
DEFAULT_TLJS = "/tmp/dateline-tljs"
BUDGET_MS = 10_000  # Chromium's virtual time: timers run at once, the page gets this long
UNCAUGHT = re.compile(r'CONSOLE[^\]\n]*\] "(Uncaught.*?)"(?:, source: |$)', re.M)
RESULTS = re.compile(r'<script type="application/json" id="dateline-results">(.*?)</script>', re.S)

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SVG = "<svg onload=alert(1)>"
IFRAME = '"><iframe src="javascript:alert(1)"></iframe>'
# Decoded once it is "<IMG SRC=X ONERROR=alert(1)>": country codes are stored upper-cased, entities are not
ENTITY_CODE = "&LT;IMG SRC=X ONERROR=&#X61;&#X6C;&#X65;&#X72;&#X74;(1)&GT;"

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>dateline TimelineJS check</title>
<script>
window.__dl = {errors: [], alerts: [], loaded: false, done: false};
window.onerror = function (message, source, line) {
  window.__dl.errors.push("onerror: " + message + " (" + source + ":" + line + ")");
};
window.addEventListener("unhandledrejection", function (e) {
  window.__dl.errors.push("unhandled rejection: " + (e.reason && e.reason.stack || e.reason));
});
(function () {
  var original = console.error;
  console.error = function () {
    window.__dl.errors.push("console.error: " + Array.prototype.map.call(arguments, String).join(" "));
    return original.apply(console, arguments);
  };
  ["alert", "confirm", "prompt"].forEach(function (name) {
    window[name] = function (message) { window.__dl.alerts.push(name + "(" + message + ")"); };
  });
})();
</script>
<link rel="stylesheet" href="{css}">
<script src="{js}"></script>
<style>html, body { height: 100%; margin: 0; } #timeline { width: 100%; height: 100%; }</style>
</head><body>
<div id="timeline"></div>
<script type="application/json" id="dateline-data">{data}</script>
<script>
(function () {
  var box = document.getElementById("timeline");
  var text = function (el) { return el ? el.textContent.replace(/\\s+/g, " ").trim() : null; };
  var BAD = "script, iframe, object, embed, svg, img, [onerror], [onload], [onclick], [onmouseover], [onfocus]";
  function collect() {
    var r = window.__dl, slides = [];
    box.querySelectorAll(".tl-slide").forEach(function (s) {
      if (s.classList.contains("tl-slide-titleslide")) return;
      slides.push({id: s.id, date: text(s.querySelector(".tl-headline-date")),
                   headline: text(s.querySelector(".tl-headline")),
                   text: text(s.querySelector(".tl-text-content")) || ""});
    });
    r.slides = slides;
    r.title_slides = box.querySelectorAll(".tl-slide-titleslide").length;
    r.markers = box.querySelectorAll(".tl-timemarker").length;
    r.groups = Array.prototype.map.call(box.querySelectorAll(".tl-timegroup-message"), text);
    r.live = [];
    box.querySelectorAll(BAD).forEach(function (el) { r.live.push(el.outerHTML.slice(0, 160)); });
    box.querySelectorAll("a[href]").forEach(function (a) {
      if (!/^https?:/i.test(a.getAttribute("href"))) r.live.push("link: " + a.outerHTML.slice(0, 160));
    });
    r.links = box.querySelectorAll(".tl-slide a[href]").length;
    var message = box.querySelector(".tl-message-content");
    r.message = message && message.offsetParent !== null ? text(message) : null;
    try {
      r.config_errors = (window.__tl.config && window.__tl.config.getErrors() || []).map(String);
    } catch (e) { r.config_errors = ["could not read TimelineJS's errors: " + e]; }
    var out = document.getElementById("dateline-results") || document.createElement("script");
    out.type = "application/json"; out.id = "dateline-results";
    out.textContent = JSON.stringify(r).replace(/</g, "\\\\u003c");
    document.body.appendChild(out);
  }
  try {
    var data = JSON.parse(document.getElementById("dateline-data").textContent);
    window.__tl = new TL.Timeline("timeline", data, {debug: false});
    window.__tl.on("loaded", function () {
      window.__dl.loaded = true;
      setTimeout(function () { window.__dl.done = true; collect(); }, 2000);
    });
  } catch (e) {
    window.__dl.errors.push("new TL.Timeline threw: " + (e && e.stack || e));
  }
  setTimeout(collect, {late});  // whatever happened, say so before Chromium dumps the DOM
})();
</script>
</body></html>
"""


def page(timeline: dict, tljs: Path) -> str:
    dist = tljs / "node_modules/@knight-lab/timelinejs/dist"
    data = json.dumps(timeline, ensure_ascii=False).replace("<", "\\u003c")  # no "</script>" inside
    filled = PAGE
    for key, value in (("{css}", (dist / "css/timeline.css").as_uri()), ("{js}", (dist / "js/timeline.js").as_uri()),
                       ("{late}", str(BUDGET_MS - 1000)), ("{data}", data)):
        filled = filled.replace(key, value)
    return filled


def hostile_store(path: Path) -> Path:
    """Markup and odd text everywhere a slide takes text from; every precision, one undated event."""
    lines = [
        f"Officials met {SCRIPT} on Monday.",
        f"Talks ended {IMG} on Tuesday & nobody said \"why\".",
        f"A blogger posted {SVG} about the café's 'menu' in March.",
        f"A page showed {IFRAME} during the quarter.",
        "The text &amp; the tag &lt;b&gt; are literal here in 2019.",
        "Tensions grew through the 1990s.",
        "Nobody knows when the fire started.",
    ]
    evil = Article("evil/a.md", "\n".join(lines), f"{IMG} Q&A: {SCRIPT}", date(2025, 3, 4),
                   url="javascript:alert(1)", source=SCRIPT)
    fine = Article("evil/b.md", "Rates rose at the bank on Monday.", "AT&T's <b>rates</b> story", date(2025, 3, 4),
                   url="https://example.com/a?b=1&c=<2>", source="Wire & Co <i>")

    def told(art: Article, sentence: str) -> Source:
        start = art.body.index(sentence)
        return Source(art.id, art.path, art.title, art.published, sentence, start, start + len(sentence))

    def when(first: str, last: str, precision: str) -> When:
        return When(date.fromisoformat(first), date.fromisoformat(last), precision)

    events = [
        Event(when("2025-03-03", "2025-03-03", "day"), f"{SCRIPT} met", [IMG], ["KP"], [told(evil, lines[0])],
              orgs=[SVG], places=[Place(SCRIPT, "KP")]),
        Event(when("2025-03-03", "2025-03-09", "week"), f"Talks {IMG} & \"quotes\"", [], [],
              [told(evil, lines[1]), told(fine, fine.body)]),
        Event(when("2025-03-01", "2025-03-31", "month"), f"Café's {SVG} post", ["Zoë Ångström"], ["FR"],
              [told(evil, lines[2])]),
        Event(when("2025-01-01", "2025-03-31", "quarter"), f"Page {IFRAME}", [], [ENTITY_CODE],
              [told(evil, lines[3])]),
        Event(when("2019-01-01", "2019-12-31", "year"), "Literal &amp; and &lt;b&gt;", [], ["US"],
              [told(evil, lines[4])]),
        Event(when("1990-01-01", "1999-12-31", "decade"), "Tensions grew", [], ["KR"], [told(evil, lines[5])]),
        Event(When.undated(), f"Fire {SCRIPT}", [], [], [told(evil, lines[6])]),
    ]
    conn = connect(path, create=True)
    with transaction(conn):
        insert_article(conn, evil)
        insert_article(conn, fine)
        for event in events:
            insert_event(conn, event, {})
    conn.close()
    return path


class _Text(HTMLParser):
    """The text a browser shows for an HTML fragment (entities decoded once, tags dropped)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def shown(fragment: str) -> str:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return " ".join("".join(parser.parts).split())


def text_differences(timeline: dict, stored: list[dict], slides: list[dict]) -> list[str]:
    """Slides whose shown date, headline or text is not what the JSON means (matched by unique_id), or that do
    not show the store's own text: the summary as the headline, and the persons, each excerpt, title and outlet
    in the text. `stored` is the `--format json` export of the same store, whose dated events come in the same
    order as the slides of the JSON."""
    dated = [event for event in stored if event["start"] is not None]
    wanted = {e.get("unique_id"): (e, raw) for e, raw in zip(timeline["events"], dated)}
    problems = []
    for slide in slides:
        if slide["id"] not in wanted:
            problems.append(f"slide {slide['id']!r} matches no event of the JSON")
            continue
        event, raw = wanted[slide["id"]]
        meant = {"date": shown(event.get("display_date", "")), "headline": shown(event["text"]["headline"]),
                 "text": shown(event["text"]["text"])}
        for field, value in meant.items():
            if (slide[field] or "") != value:
                problems.append(f"{slide['id']} {field}: shown {slide[field]!r}, the JSON means {value!r}")
        if slide["headline"] != " ".join(raw["summary"].split()):
            problems.append(f"{slide['id']} headline: shown {slide['headline']!r}, stored {raw['summary']!r}")
        parts = [", ".join(raw["persons"])] if raw["persons"] else []
        for source in raw["sources"]:
            parts += [source["excerpt"], source["title"] or "untitled"]
            parts += [source["outlet"]] if source["outlet"] else []
        for part in parts:
            if " ".join(part.split()) not in slide["text"]:
                problems.append(f"{slide['id']} text: the stored {part!r} is not shown as it is")
    return problems


def render(url: str, chromium: str, profile: Path, screenshot: Path | None = None) -> tuple[str, list[str]]:
    """The page's DOM after the budget, and what uncaught errors Chromium logged to its console (a promise
    TimelineJS leaves rejected reaches the console but not the page's "unhandledrejection" trap)."""
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
               f"--user-data-dir={profile}", f"--virtual-time-budget={BUDGET_MS}", "--window-size=1280,900",
               "--enable-logging=stderr", "--v=0"]
    command += [f"--screenshot={screenshot}"] if screenshot else ["--dump-dom"]
    done = subprocess.run([*command, url], capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"chromium failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    uncaught = [match.group(1) for match in UNCAUGHT.finditer(done.stderr)]
    return done.stdout, uncaught


def check(name: str, store: Path, folder: Path, tljs: Path, chromium: str, screenshot: Path | None) -> bool:
    exported = subprocess.run([DATELINE, "export", "--db", str(store), "--format", "timelinejs"],
                              capture_output=True, text=True)
    if exported.returncode != 0:
        print(f"{name}: dateline export failed: {exported.stderr.strip()}")
        return False
    timeline = json.loads(exported.stdout)
    stored = json.loads(subprocess.run([DATELINE, "export", "--db", str(store), "--format", "json"],
                                       capture_output=True, text=True, check=True).stdout)["events"]
    html_path = folder / f"{name}.html"
    html_path.write_text(page(timeline, tljs), encoding="utf-8")
    dom, uncaught = render(html_path.as_uri(), chromium, folder / "profile")
    found = RESULTS.search(dom)
    print(f"{name} ({store})")
    if found is None:
        print("  the page wrote no results (TimelineJS did not run?)")
        return False
    r = json.loads(found.group(1))
    events, slides = len(timeline["events"]), len(r.get("slides", []))
    errors = [*r["errors"], *(f"console: {e}" for e in uncaught),
              *(f"TimelineJS: {e}" for e in r.get("config_errors", []))]
    if r.get("message"):
        errors.append(f"TimelineJS message: {r['message']}")
    if not r["loaded"]:
        errors.append("TimelineJS never fired 'loaded'")
    differences = text_differences(timeline, stored, r.get("slides", []))
    # the export escapes a group twice (TimelineJS decodes it, then inserts the text as HTML): shown once decoded
    groups_meant = sorted({html.unescape(html.unescape(e.get("group", ""))) for e in timeline["events"]})
    groups_shown = sorted(g or "" for g in r.get("groups", []))
    groups_ok = groups_shown == groups_meant
    print(f"  events        {events}")
    print(f"  rendered      {slides} slides (+{r.get('title_slides', 0)} title), {r.get('markers', 0)} markers, "
          f"{r.get('links', 0)} links")
    print(f"  errors        {len(errors)}")
    for error in errors:
        print(f"    {error}")
    print(f"  alert         {'CALLED: ' + '; '.join(r['alerts']) if r['alerts'] else 'never called'}")
    print(f"  live markup   {len(r.get('live', []))}")
    for element in r.get("live", []):
        print(f"    {element}")
    print(f"  text          {len(differences)} differences")
    for difference in differences:
        print(f"    {difference}")
    print(f"  groups        {'as meant' if groups_ok else 'DIFFER'}: {groups_shown}"
          + ("" if groups_ok else f" (JSON: {groups_meant})"))
    ok = slides == events and not errors and not r["alerts"] and not r.get("live") and not differences and groups_ok
    print(f"  {'ok' if ok else 'FAILED'}")
    if screenshot is not None:
        render(html_path.as_uri(), chromium, folder / "profile", screenshot)
        print(f"  screenshot    {screenshot}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, action="append", help="a store to check (repeatable); "
                        "default: the bundled sample and a hostile store built here")
    parser.add_argument("--tljs", type=Path, default=Path(os.environ.get("DATELINE_TLJS", DEFAULT_TLJS)),
                        help="the npm prefix holding TimelineJS (default: $DATELINE_TLJS, else %(default)s)")
    parser.add_argument("--screenshot", type=Path, help="a PNG of the first store's timeline")
    parser.add_argument("--keep", type=Path, help="write the pages and the hostile store here, and keep them")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium is not installed; on Debian: apt-get update && apt-get install -y chromium", file=sys.stderr)
        return 2
    tljs = args.tljs.resolve()
    package = tljs / "node_modules/@knight-lab/timelinejs"
    if not (package / "dist/js/timeline.js").is_file():
        print(f"TimelineJS is not installed in {tljs}; install it with:\n"
              f"    npm install --prefix {tljs} {TLJS_PACKAGE}\n"
              "(or name another folder with --tljs DIR or $DATELINE_TLJS)", file=sys.stderr)
        return 2
    version = json.loads((package / "package.json").read_text())["version"]
    print(f"TimelineJS {version} from {package}; "
          f"{subprocess.run([chromium, '--version'], capture_output=True, text=True).stdout.strip()}")
    with tempfile.TemporaryDirectory() as temp:
        folder = args.keep or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        if args.db:
            stores = [(path.stem, path) for path in args.db]
        else:
            hostile = folder / "hostile.db"
            for stale in folder.glob("hostile.db*"):
                stale.unlink()
            stores = [("sample", sample_db()), ("hostile", hostile_store(hostile))]
        results = [check(name, store, folder, tljs, chromium, args.screenshot if i == 0 else None)
                   for i, (name, store) in enumerate(stores)]
    print("all stores ok" if all(results) else f"{results.count(False)} of {len(results)} stores FAILED")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
