"""How fast the browser is on big stores (run by hand; prints a table). See benchmarks/README.md.

    python benchmarks/browse_speed.py [--dir DIR] [--sizes 10000,100000,1000000] [--runs 3] [--repeats 3]

For each size, the synthetic store DIR/sN.db (built with make_store.py when missing) is measured headless:

- first frame: from launching `python -c …` to the first frame that shows timeline rows, through the real
  command line (`dateline --db STORE`), against the same for an empty Textual app (the baseline); best of
  --runs fresh processes each; and the median of as many with the page cache emptied before each (cold cache,
  where the benchmark may empty it: Linux, as root); and in a real terminal, where tmux is installed: from
  typing `dateline --db STORE` into a fresh 120×40 tmux pane to the first capture showing a timeline row,
  against an empty Textual app showing its text, medians of --runs, warm and cold;
- in two more processes (the second one's figures kept: the first reads the store into the page cache, as a
  browser open for a while has it), the app driven in-process: a person filter and a country filter (the most frequent
  actor and a mid-ranked one; from the key to the frame with the filtered rows), page down (key to frame,
  over 100 presses 100 ms apart, with rows read as they come; and 100 presses 33 ms apart, a held key, counting
  the frames that show rows not read yet), a full-text search (from submitting it to the frame on the
  first hit), how long the facet counts take after a filter while the timeline stays usable, and the
  process's peak RSS; the hard paths: a jump to a date 74 % deep, a filter set and cleared with the cursor there
  (its position in the new view counted), a search from there; each of these keys the median of TRIES (3)
  tries in the run; "frame" is the first frame written (App._display) that shows what the key asked for;
- the store's size on disk.

With --repeats R, all of that R times per store, and each figure's median printed. The project's modules are
compiled to bytecode first, as an install leaves them.
"""
from __future__ import annotations

import argparse
import asyncio
import compileall
import json
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from store.queries import ACTOR_KINDS
from tui.screens.main import MainScreen

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SIZE = (120, 40)

# Both print the time when the first frame showing their content has been written (App._display: the callbacks
# after a refresh can come before a widget's frame). The app's hooks go in once `dateline` itself has imported
# tui.app (and Textual with it), after it started reading the first rows: importing Textual first would keep that
# read from overlapping Textual's import, as it does in use.
FIRST_FRAME = """
import importlib.util, sys, time
sys.argv = ["dateline", "--db", {store!r}]

def hooks(module):
    from textual.app import App
    from tui.widgets.timeline import Timeline
    add_rows = Timeline.add_rows
    def on_rows(self, *args):
        add_rows(self, *args)
        if self.row is not None:
            self.app.framed = True
    Timeline.add_rows = on_rows
    display = App._display
    def displayed(self, screen, renderable):
        display(self, screen, renderable)
        if getattr(self, "framed", False) and not getattr(self, "timed", False):
            self.timed = True
            print(time.time(), flush=True)
            self.exit()
    App._display = displayed
    run = module.DatelineApp.run
    module.DatelineApp.run = lambda self, **kw: run(self, headless=True, size={size!r})

class AfterImport:
    def find_spec(self, name, path, target=None):
        if name != "tui.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        exec_module = spec.loader.exec_module
        spec.loader.exec_module = lambda module: (exec_module(module), hooks(module))
        return spec

sys.meta_path.insert(0, AfterImport())
from tui.launch import main  # what the `dateline` script runs
main()
"""

EMPTY_FRAME = """
import time
from textual.app import App
from textual.widgets import Static
class Empty(App):
    def compose(self):
        yield Static("hello")
    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if not getattr(self, "timed", False):
            self.timed = True
            print(time.time(), flush=True)
            self.exit()
Empty().run(headless=True, size={size!r})
"""


EMPTY_SCREEN = """
from textual.app import App
from textual.widgets import Static
class Empty(App):
    def compose(self):
        yield Static("hello")
Empty().run()
"""
TMUX = shutil.which("tmux")

DROP_CACHES = Path("/proc/sys/vm/drop_caches")


def drop_page_cache() -> bool:
    """Empty the operating system's page cache (Linux, as root), so that the next run reads the store from disk.
    False where that is not allowed."""
    try:
        os.sync()
        DROP_CACHES.write_text("1\n")
        return True
    except OSError:
        return False


def time_to_frame(code: str, runs: int, cold: bool = False) -> float:
    """Best wall time from launching a fresh Python on `code` to the time it prints (its first frame); `cold`:
    median of `runs` with the page cache emptied before each (nan where it cannot be)."""
    times = []
    for _ in range(runs):
        if cold and not drop_page_cache():
            return float("nan")
        began = time.time()
        out = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        times.append(float(out.stdout.split()[-1]) - began)
    return statistics.median(times) if cold else min(times)


def rows_shown(pane: str) -> bool:
    """Whether the timeline's first row is on screen (the pane's third line, under the header and the column
    titles, is blank until then; the shell's line with the command is the first)."""
    lines = pane.splitlines()
    return len(lines) > 2 and lines[2].strip() != ""


def time_in_tmux(command: list[str], shown: Callable[[str], bool], runs: int, cold: bool = False) -> float:
    """Median wall time from typing `command` into a fresh 120×40 tmux pane to the first capture of the pane that
    `shown` accepts: what a user in a real terminal waits (nan without tmux, or cold where the cache cannot be
    emptied)."""
    if TMUX is None:
        return float("nan")
    times = []
    for _ in range(runs):
        subprocess.run([TMUX, "kill-session", "-t", "browse-speed"], capture_output=True)
        for attempt in range(5):  # the server of the session just killed may still be on its way out
            started = subprocess.run([TMUX, "new-session", "-d", "-s", "browse-speed", "-x", str(SIZE[0]), "-y",
                                      str(SIZE[1])], capture_output=True)
            if started.returncode == 0:
                break
            time.sleep(0.2)
        else:
            raise RuntimeError(f"tmux did not start a session: {started.stderr.decode(errors='replace').strip()}")
        time.sleep(0.5)  # the shell's prompt
        if cold and not drop_page_cache():
            return float("nan")
        began = time.time()
        subprocess.run([TMUX, "send-keys", "-t", "browse-speed", shlex.join(command), "Enter"], check=True)
        while time.time() - began < 60:
            pane = subprocess.run([TMUX, "capture-pane", "-p", "-t", "browse-speed"], capture_output=True,
                                  text=True).stdout
            if shown(pane):
                times.append(time.time() - began)
                break
            time.sleep(0.005)
        subprocess.run([TMUX, "kill-session", "-t", "browse-speed"], capture_output=True)
    return statistics.median(times) if times else float("nan")


def tmux_first_frames(store: Path, runs: int) -> dict:
    """First frames in a real terminal: `dateline --db STORE` to its first timeline rows, against an empty Textual
    app to its text, warm and with the page cache emptied."""
    dateline = [str(Path(PYTHON).parent / "dateline"), "--db", str(store)]
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as empty:
        empty.write(EMPTY_SCREEN)
    try:
        figures = {}
        for cold in (True, False):
            suffix = ", cold cache" if cold else ""
            figures["tmux first frame" + suffix] = time_in_tmux(dateline, rows_shown, runs, cold)
            figures["tmux empty app" + suffix] = time_in_tmux([PYTHON, empty.name], lambda pane: "hello" in pane,
                                                              runs, cold)
        return figures
    finally:
        os.unlink(empty.name)


# In-process measurements (run in a child process per store, so that RSS is that store's)


async def interact(store: str) -> dict:
    from store.filter import Filter
    from tui.app import make_app

    watch_frames()
    app = make_app(Path(store))
    figures: dict = {}
    async with app.run_test(size=SIZE) as pilot:
        screen: MainScreen = await wait_for(pilot, lambda: next(
            (s for s in app.screen_stack if isinstance(s, MainScreen) and s.timeline.row is not None), None))
        await settle(pilot)
        reader = screen.reader
        persons = reader.actor_counts("person", Filter(), limit=100)
        countries = reader.actor_counts("country", Filter(), limit=50)
        orgs = reader.actor_counts("org", Filter(), limit=100)
        total = screen.timeline.view.total
        cases = [("person", "top", persons[0]), ("person", f"rank {len(persons)}", persons[-1]),
                 ("country", "top", countries[0]), ("country", f"rank {len(countries)}", countries[-1])]
        if orgs:
            cases += [("org", "top", orgs[0]), ("org", f"rank {len(orgs)}", orgs[-1])]
        for kind, rank, actor in cases:
            tries = []
            for _ in range(TRIES):
                tries.append(await filter_and_wait(pilot, screen, kind, actor.key))
                await press_and_wait(pilot, screen, "x")
                await settle(pilot)
            figures[f"filter: {rank} {kind} ({actor.count / total:.1%} of events)"] = median_try(tries, 0)
            figures[f"facet counts after it: {rank} {kind}"] = median_try(tries, 1)
        # The hard paths: the cursor deep in the timeline (74 % of the rows down) when a filter is set or cleared.
        deep = date.fromisoformat(reader.key_at(Filter(), int(total * 0.74))[0])
        jumps = []
        for _ in range(TRIES):
            await pilot.press("g")
            await settle(pilot)
            jumps.append(await jump_and_wait(pilot, screen, deep))
        figures["jump to a date 74 % deep"] = statistics.median(jumps)
        for kind, actor in (("person", persons[0]), ("country", countries[0])):
            tries = []
            for _ in range(TRIES):
                took, _ = await filter_and_wait(pilot, screen, kind, actor.key)
                tries.append((took, await timed_clear(pilot, screen)))
                await settle(pilot)
            figures[f"filter from deep: top {kind}"] = median_try(tries, 0)
            figures[f"clear from deep: top {kind}"] = median_try(tries, 1)
        searches = []
        for _ in range(TRIES):
            await jump_and_wait(pilot, screen, deep)
            await settle(pilot)
            searches.append(await search_and_wait(pilot, screen, "zeppelin", from_top=False))
        figures["search zeppelin from deep"] = statistics.median(searches)
        await pilot.press("g")
        await settle(pilot)
        figures["page down"] = await page_downs(pilot, screen, 100)
        figures["key repeat"] = await held_page_down(pilot, screen, 100)
        figures["page down while facets count"] = await page_downs_while_counting(pilot, screen, countries[0].key)
        for word in ("treaty", "zeppelin"):
            figures[f"search {word}"] = statistics.median([await search_and_wait(pilot, screen, word)
                                                           for _ in range(TRIES)])
    figures["peak RSS MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


TRIES = 3  # each key's figure in a run is the median of this many tries (one try can meet a worker of the last)


def median_try(tries: list[tuple[float, float]], which: int) -> float:
    return statistics.median(t[which] for t in tries)


async def wait_for(pilot, probe, timeout: float = 60):
    deadline = time.perf_counter() + timeout
    while (found := probe()) is None or found is False:
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(0.0005)
    return found


async def settle(pilot) -> None:
    for _ in range(4):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def rows_on_screen(screen) -> bool:
    timeline = screen.timeline
    first = round(timeline.scroll_y)
    last = min(timeline.view.total, first + timeline.size.height - 1)
    return all(timeline._rows.get(i) is not None for i in range(first, last))


WATCHES: list[tuple[Callable[[], bool], asyncio.Future]] = []  # what frame_where waits for


def watch_frames() -> None:
    """From now on, as each frame is written (App._display), resolve the waits of frame_where whose probe holds."""
    from textual.app import App

    display = App._display

    def watched(self, screen, renderable) -> None:
        display(self, screen, renderable)
        written = time.perf_counter()
        for probe, future in list(WATCHES):
            if not future.done() and probe():
                future.set_result(written)
                WATCHES.remove((probe, future))

    App._display = watched


async def frame_where(probe: Callable[[], bool] = lambda: True, timeout: float = 60) -> float:
    """When (perf_counter) the first frame written from now on at which `probe()` holds was written: the frame
    that shows it. (The probe is tried as each frame is written: polling could see the state after its frame.)"""
    future = asyncio.get_running_loop().create_future()
    WATCHES.append((probe, future))
    return await asyncio.wait_for(future, timeout)


async def filter_and_wait(pilot, screen, kind: str, key: str) -> tuple[float, float]:
    """(key to the frame with the filtered rows, key to every facet list counted), in seconds."""
    counted: set[str] = set()
    seen = MainScreen.on_facets_counted

    def on_facets_counted(self, message):
        seen(self, message)
        if message.generation == self.generation:
            counted.add(message.kind)

    MainScreen.on_facets_counted = on_facets_counted  # handlers are looked up on the class
    began = time.perf_counter()
    screen.toggle_actor(kind, key)
    generation = screen.generation
    shown = await frame_where(lambda: screen.timeline.view.generation == generation and rows_on_screen(screen))
    shown -= began
    await wait_for(pilot, lambda: len(counted) == len(ACTOR_KINDS), timeout=600)
    facets = time.perf_counter() - began
    MainScreen.on_facets_counted = seen
    return shown, facets


async def timed_clear(pilot, screen) -> float:
    """From the key's action (as the other timings: Pilot's press waits for the app to go idle) to the frame of
    the unfiltered view, in seconds."""
    generation = screen.generation
    began = time.perf_counter()
    screen.action_clear()
    return await frame_where(lambda: screen.generation != generation and screen.timeline.view.generation ==
                             screen.generation and rows_on_screen(screen)) - began


async def jump_and_wait(pilot, screen, day) -> float:
    """From asking for a date to the frame with the cursor on it."""
    from store.model import When

    return await answered_after(pilot, screen, lambda: screen._jump_to(When(day, day, "day")))


async def press_and_wait(pilot, screen, key: str) -> None:
    generation = screen.generation
    await pilot.press(key)
    await wait_for(pilot, lambda: screen.generation != generation and screen.timeline.view.generation ==
                   screen.generation and rows_on_screen(screen))


async def page_downs(pilot, screen, presses: int) -> dict:
    """Key to frame for each page down (median and worst), with the rows on screen read. The presses are 100 ms
    apart, as a reader's are: back to back, Textual's 60 frames per second cap alone would space frames 16.7 ms
    apart."""
    times = []
    for _ in range(presses):
        await asyncio.sleep(0.1)
        began = time.perf_counter()
        screen.timeline.action_page_down()
        times.append(await frame_where(lambda: rows_on_screen(screen)) - began)
    return {"median": statistics.median(times), "worst": max(times), "p90": sorted(times)[int(len(times) * 0.9)]}


async def held_page_down(pilot, screen, presses: int) -> dict:
    """Page down held: presses every 33 ms (a key's repeat rate), whether or not the last frame is drawn. Key to
    frame (median, 90th percentile) and how many frames showed rows not read yet (placeholders)."""
    times, placeholders = [], 0
    due = time.perf_counter()
    for _ in range(presses):
        due += 0.033
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        began = time.perf_counter()
        screen.timeline.action_page_down()
        shown: list[bool] = []
        times.append(await frame_where(lambda: shown.append(rows_on_screen(screen)) or True) - began)
        placeholders += not shown[0]
    await settle(pilot)
    return {"median": statistics.median(times), "p90": sorted(times)[int(len(times) * 0.9)],
            "placeholder frames": placeholders}


async def page_downs_while_counting(pilot, screen, country: str) -> float:
    """Median key to frame of page downs made while the facet counts of a fresh filter are being read."""
    await pilot.press("g")
    await settle(pilot)
    screen.toggle_actor("country", country)
    generation = screen.generation
    await wait_for(pilot, lambda: screen.timeline.view.generation == generation and rows_on_screen(screen))
    times = []
    for _ in range(5):
        await asyncio.sleep(0.05)
        began = time.perf_counter()
        screen.timeline.action_page_down()
        times.append(await frame_where() - began)
    await press_and_wait(pilot, screen, "x")
    await settle(pilot)
    return statistics.median(times)


async def answered_after(pilot, screen, ask) -> float:
    """From `ask()` to the frame showing the cursor where the answer put it (or the notice that there is none)."""
    found = asyncio.Event()
    seen = MainScreen.on_cursor_found, MainScreen.on_nothing_found

    def answered(handler):
        def handle(self, message):
            handler(self, message)
            found.set()
        return handle

    MainScreen.on_cursor_found, MainScreen.on_nothing_found = (answered(handler) for handler in seen)
    began = time.perf_counter()
    ask()
    shown = await frame_where(lambda: found.is_set() and rows_on_screen(screen))
    MainScreen.on_cursor_found, MainScreen.on_nothing_found = seen
    return shown - began


async def search_and_wait(pilot, screen, word: str, from_top: bool = True) -> float:
    """From submitting a search to the frame on the first hit (or to the notice that there is none)."""
    if from_top:
        await pilot.press("g")
        await settle(pilot)
    return await answered_after(pilot, screen, lambda: screen._search_for(word))


# The table


def store_size(store: Path) -> float:
    return sum(p.stat().st_size for p in store.parent.glob(store.name + "*")) / 2**20


def measure(store: Path, runs: int) -> dict:
    figures = {  # cold first: the warm runs then read the store into the page cache again
        "first frame, cold cache": time_to_frame(FIRST_FRAME.format(store=str(store), size=SIZE), runs, cold=True),
        "empty app, cold cache": time_to_frame(EMPTY_FRAME.format(size=SIZE), runs, cold=True),
        "first frame": time_to_frame(FIRST_FRAME.format(store=str(store), size=SIZE), runs),
        "empty app": time_to_frame(EMPTY_FRAME.format(size=SIZE), runs),
        **tmux_first_frames(store, runs),
        "load average": os.getloadavg()[0],
    }
    for _ in range(2):  # the first run reads into the page cache what the app reads of the store; the second is kept
        out = subprocess.run([PYTHON, __file__, "--child", str(store)], capture_output=True, text=True, cwd=ROOT)
    if out.returncode:
        raise SystemExit(f"browse_speed: the in-process run on {store} failed:\n{out.stderr[-3000:]}")
    figures.update(json.loads(out.stdout.splitlines()[-1]))
    figures["store MB"] = store_size(store)
    return figures


def median_of(runs: list[dict]) -> dict:
    """Each figure's median over the runs (figure by figure, nested ones too)."""
    first = runs[0]
    return {key: median_of([run[key] for run in runs]) if isinstance(first[key], dict)
            else statistics.median(run[key] for run in runs) for key in first}


def ms(seconds: float) -> str:
    if seconds != seconds:
        return "n/a"
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.0995 else f"{seconds * 1000:.1f} ms"


def print_table(results: dict[int, dict]) -> None:
    sizes = list(results)
    first = results[sizes[0]]
    rows: list[tuple[str, list[str]]] = [
        ("first frame (dateline --db)", [ms(results[n]["first frame"]) for n in sizes]),
        ("first frame, empty Textual app", [ms(results[n]["empty app"]) for n in sizes]),
        ("  ratio", [f"{results[n]['first frame'] / results[n]['empty app']:.2f}×" for n in sizes]),
        ("first frame, cold cache (median)", [ms(results[n]["first frame, cold cache"]) for n in sizes]),
        ("first frame, empty app, cold cache", [ms(results[n]["empty app, cold cache"]) for n in sizes]),
        ("  ratio", [f"{results[n]['first frame, cold cache'] / results[n]['empty app, cold cache']:.2f}×"
                     for n in sizes]),
    ]
    for suffix in ("", ", cold cache"):
        frame, empty = "tmux first frame" + suffix, "tmux empty app" + suffix
        rows += [(f"first frame in tmux{suffix} (median)", [ms(results[n][frame]) for n in sizes]),
                 (f"empty app in tmux{suffix}", [ms(results[n][empty]) for n in sizes]),
                 ("  ratio", [f"{results[n][frame] / results[n][empty]:.2f}×" for n in sizes])]
    timed = ("filter", "facet", "search", "jump", "clear")
    for position, name in enumerate(k for k in first if k.startswith(timed)):
        # Filter rows name the actor's share of the first store; the share is alike in every size.
        rows.append((name, [ms(list(v for k, v in results[n].items()
                                    if k.startswith(timed))[position]) for n in sizes]))
    rows += [
        ("page down, median of 100", [ms(results[n]["page down"]["median"]) for n in sizes]),
        ("page down, 90th percentile", [ms(results[n]["page down"]["p90"]) for n in sizes]),
        ("page down, worst of 100", [ms(results[n]["page down"]["worst"]) for n in sizes]),
        ("page down held (33 ms apart), median", [ms(results[n]["key repeat"]["median"]) for n in sizes]),
        ("  90th percentile", [ms(results[n]["key repeat"]["p90"]) for n in sizes]),
        ("  frames with rows not read yet, of 100", [f"{results[n]['key repeat']['placeholder frames']:.0f}"
                                                     for n in sizes]),
        ("page down while facets count (median of 5)", [ms(results[n]["page down while facets count"])
                                                        for n in sizes]),
        ("peak RSS (in-process run)", [f"{results[n]['peak RSS MB']:.0f} MB" for n in sizes]),
        ("store on disk", [f"{results[n]['store MB']:.0f} MB" for n in sizes]),
        ("  per event", [f"{results[n]['store MB'] * 2**20 / n / 1000:.2f} KB" for n in sizes]),
        ("load average (1 min) after the first frames", [f"{results[n]['load average']:.2f}" for n in sizes]),
    ]
    width = max(len(label) for label, _ in rows)
    print(f"{'events':{width}}  " + "  ".join(f"{n:>10,}" for n in sizes))
    for label, cells in rows:
        print(f"{label:{width}}  " + "  ".join(f"{cell:>10}" for cell in cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/dateline-bench"))
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=1, help="measure each store this many times; print medians")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(interact(args.child))))
        return 0
    args.dir.mkdir(parents=True, exist_ok=True)
    for package in ("store", "tui"):  # as an install leaves them: a stale or missing .pyc is compiled at each start
        compileall.compile_dir(ROOT / package, quiet=1)
    results = {}
    for n in (int(s) for s in args.sizes.split(",")):
        store = args.dir / f"s{n}.db"
        if not store.exists():
            print(f"building {store} …", file=sys.stderr)
            subprocess.run([PYTHON, str(ROOT / "benchmarks/make_store.py"), str(store), "--events", str(n)],
                           check=True)
        print(f"measuring {store} …", file=sys.stderr)
        results[n] = median_of([measure(store, args.runs) for _ in range(args.repeats)])
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
