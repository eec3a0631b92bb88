#!/usr/bin/python3
# test-ui-input.py: the real hashiya binary driven by a real mouse and keyboard under Xvfb.
#
# Plays a researcher on a fresh copy of the sample project with input synthesized through XTest
# (xdotool): types a name into the first-run prompt, drags across «مؤتمر دولي» in the reader,
# presses the Event key, undoes and redoes with Ctrl+Z and Ctrl+Shift+Z, quits with Ctrl+Q, and
# reads the project file back with hashiya-cli. Screenshots of the whole screen are saved in the
# build directory and their pixels checked: the highlight covers the span and nothing beside it.
#
# Where the words are on screen is asked of GTK itself, through AT-SPI on a private session bus,
# so that fonts and layout do not matter; AT-SPI is only used to look, never to act.
#
# /usr/bin/python3 on purpose: Debian installs the GObject and Atspi bindings for the system
# Python only, and another python3 may come first on PATH.

import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

TARGET = "مؤتمر دولي"           # "international conference", in the first paragraph
TARGET_LABEL = "Event"
TARGET_KEY = "e"                # the default codebook's key for Event (shown in the palette)
CODER_NAME = "Input Tester"
SAMPLE_ANNOTATIONS = 37         # docs/cli.md
MIN_SCREEN = (1280, 800)        # the screen the UI tests run on (docs/testing.md)


class Failure(Exception):
    """A check that did not hold; the message says what was seen instead."""


# TAP -------------------------------------------------------------------------------------------

class Tap:
    """Numbered TAP results with the plan at the end; the first failure ends the run, since
    every step builds on the one before."""

    def __init__(self):
        self.count = 0

    def run(self, name, check):
        self.count += 1
        try:
            check()
        except Exception as error:
            message = str(error) if isinstance(error, Failure) else f"{type(error).__name__}: {error}"
            print(f"not ok {self.count} - {name}")
            for line in message.splitlines():
                print(f"# {line}")
            raise Failure(message) from error
        print(f"ok {self.count} - {name}", flush=True)

    def finish(self):
        print(f"1..{self.count}", flush=True)


def skip_all(reason):
    print(f"1..0 # SKIP {reason}", flush=True)
    sys.exit(0)


def note(message):
    print(f"# {message}", flush=True)


# Processes and waiting -------------------------------------------------------------------------

def run(*argv, timeout=20, env=None):
    """Runs a command to completion and returns its standard output; a Failure when it fails."""
    argv = [str(arg) for arg in argv]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=env)
    if result.returncode != 0:
        raise Failure(f"{' '.join(argv)} exited with {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def xdotool(*args):
    return run("xdotool", *args)


def wait_until(what, probe, timeout=20.0, interval=0.1):
    """Calls @probe until it returns something true, and returns that; a Failure at @timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise Failure(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def stop(process, grace=5):
    """Ends a process this test started: politely, then for good."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=grace)


# The environment -------------------------------------------------------------------------------

def check_prerequisites():
    """Skips the whole test, saying why, when this machine cannot run it."""
    if not os.environ.get("DISPLAY"):
        skip_all("no display (run under xvfb-run)")
    for tool, package in (("xdotool", "xdotool"), ("import", "imagemagick"),
                          ("convert", "imagemagick"), ("dbus-daemon", "dbus-daemon")):
        if shutil.which(tool) is None:
            skip_all(f"{tool} is missing (apt-get install {package})")
    try:
        import gi
        gi.require_version("Atspi", "2.0")
    except (ImportError, ValueError):
        skip_all("the Atspi bindings are missing (apt-get install gir1.2-atspi-2.0 python3-gi)")
    screen = subprocess.run(["xdotool", "getdisplaygeometry"], capture_output=True, text=True, timeout=10)
    if screen.returncode != 0:
        skip_all(f"cannot open the display {os.environ['DISPLAY']}")
    width, height = map(int, screen.stdout.split())
    if width < MIN_SCREEN[0] or height < MIN_SCREEN[1]:
        skip_all(f"the screen is {width}x{height}, this test needs {MIN_SCREEN[0]}x{MIN_SCREEN[1]} "
                 "(xvfb-run -s '-screen 0 1280x800x24')")
    # A window manager means a person's desktop, whose mouse and keyboard this test would take.
    active = subprocess.run(["xdotool", "getactivewindow"], capture_output=True, timeout=10)
    if active.returncode == 0:
        skip_all("a window manager runs on this display: run the test under xvfb-run")


def build_paths():
    build = Path(os.environ.get("HASHIYA_BUILD_DIR", Path(__file__).resolve().parent.parent / "build"))
    app = Path(os.environ.get("HASHIYA_APP", build / "src" / "app" / "hashiya"))
    cli = Path(os.environ.get("HASHIYA_CLI", build / "src" / "cli" / "hashiya-cli"))
    if not app.exists() or not cli.exists():
        raise Failure(f"{app} or {cli} is missing: build first (ninja -C {build})")
    return build, app, cli


def isolated_environment(home, runtime_dir, schema_dir):
    """What every UI test gets (tests/meson.build), with a home of its own for this run, so that
    no identity and no setting of the user's counts."""
    env = dict(os.environ)
    for name in ("GTK_A11Y", "NO_AT_BRIDGE", "LANGUAGE", "GDK_DPI_SCALE", "GTK_THEME"):
        env.pop(name, None)
    env.update({
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_RUNTIME_DIR": str(runtime_dir),
        "LC_ALL": "C.UTF-8",
        "GDK_BACKEND": "x11",
        "GDK_SCALE": "1",
        "GSK_RENDERER": "cairo",
        "GSETTINGS_BACKEND": "memory",
        "GSETTINGS_SCHEMA_DIR": str(schema_dir),
        "G_DEBUG": "fatal-criticals",
    })
    for folder in ("config", "data", "cache", "state"):
        (home / folder).mkdir(parents=True, exist_ok=True)
    return env


def steady_caret(home):
    """A blinking caret would keep the screen from ever being still between screenshots."""
    settings = home / "config" / "gtk-4.0" / "settings.ini"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[Settings]\ngtk-cursor-blink=false\n")


def start_session_bus(env, log_path):
    """A private D-Bus session bus, so that AT-SPI and the application's uniqueness concern this
    run only; returns the daemon and its address."""
    with open(log_path, "w") as log:
        daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                                  stdout=subprocess.PIPE, stderr=log, text=True, env=env)
    ready, _, _ = select.select([daemon.stdout], [], [], 10)
    address = daemon.stdout.readline().strip() if ready else ""
    if not address:
        stop(daemon)
        raise Failure("dbus-daemon did not print its address")
    return daemon, address


def accessibility_bus_address(session_address):
    """Asks the session bus for the accessibility bus (which starts at-spi-bus-launcher), so that
    the application and this test meet there, whatever an earlier run left on the display."""
    from gi.repository import Gio, GLib
    flags = Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION
    connection = Gio.DBusConnection.new_for_address_sync(session_address, flags, None, None)
    try:
        reply = connection.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                                     None, GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, 10000, None)
    except GLib.Error as error:
        if "ServiceUnknown" in str(error):
            skip_all("AT-SPI is missing (apt-get install at-spi2-core)")
        raise
    finally:
        connection.close_sync(None)
    return reply.unpack()[0]


# Looking at the application through AT-SPI -----------------------------------------------------

def atspi():
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi
    return Atspi


def children(node):
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            yield child


def application_accessible(pid):
    return next((app for app in children(atspi().get_desktop(0)) if app.get_process_id() == pid), None)


def find_descendant(node, role, name):
    if node.get_role() == role and node.get_name() == name:
        return node
    return next(filter(None, (find_descendant(child, role, name) for child in children(node))), None)


def main_frame(pid):
    frame = next((child for child in children(application_accessible(pid))
                  if child.get_role() == atspi().Role.FRAME), None)
    if frame is None:
        raise Failure("the application's window is not on the accessibility bus")
    return frame


def reader_text(pid):
    """The reader's text view, once it holds the document."""
    application = application_accessible(pid)
    reader = application and find_descendant(application, atspi().Role.TEXT, "Document text")
    return reader if reader and atspi().Text.get_character_count(reader) > 0 else None


def character_box(reader, offset):
    """Where character @offset is drawn: (left, top, width, height) relative to the window's
    content. GTK gives right-to-left characters a negative width."""
    Atspi = atspi()
    rect = Atspi.Text.get_character_extents(reader, offset, Atspi.CoordType.WINDOW)
    return (min(rect.x, rect.x + rect.width), rect.y, abs(rect.width), rect.height)


def selection(reader):
    Atspi = atspi()
    if Atspi.Text.get_n_selections(reader) != 1:
        return None
    selected = Atspi.Text.get_selection(reader, 0)
    return selected.start_offset, selected.end_offset


def content_origin(window_id, frame):
    """Where the window's content starts on screen: GTK draws its own decorations, so the X
    window has a margin around the content, as wide on each side."""
    Atspi = atspi()
    content = Atspi.Component.get_extents(frame, Atspi.CoordType.WINDOW)
    geometry = dict(line.split("=") for line in xdotool("getwindowgeometry", "--shell", window_id).split())
    return (int(geometry["X"]) + (int(geometry["WIDTH"]) - content.width) // 2,
            int(geometry["Y"]) + (int(geometry["HEIGHT"]) - content.height) // 2)


# Input -----------------------------------------------------------------------------------------

def point_in(box, fraction):
    """The point at @fraction of @box's width from its left edge, halfway down."""
    left, top, width, height = box
    return round(left + width * fraction), round(top + height / 2)


def drag(start, end, steps=8):
    """Presses the first button at @start, moves to @end in small steps and releases it there,
    leaving GTK time to see each motion, as a hand would."""
    xdotool("mousemove", "--sync", *start)
    xdotool("mousedown", "1")
    for step in range(1, steps + 1):
        xdotool("mousemove", "--sync",
                round(start[0] + (end[0] - start[0]) * step / steps),
                round(start[1] + (end[1] - start[1]) * step / steps))
        time.sleep(0.03)
    xdotool("mouseup", "1")


# The screen ------------------------------------------------------------------------------------

def wait_for_still_screen(timeout=10.0):
    """Waits until three captures in a row are the same: transitions finished, deferred updates
    drawn."""
    frames = []

    def still():
        frames.append(subprocess.run(["import", "-window", "root", "ppm:-"], capture_output=True,
                                     timeout=20, check=True).stdout)
        del frames[:-3]
        return len(frames) == 3 and frames[0] == frames[1] == frames[2]

    wait_until("the screen to stop changing", still, timeout=timeout, interval=0.05)


def dominant_colour(image, box):
    """The most frequent colour of @box (left, top, width, height) in @image, as #RRGGBB."""
    left, top, width, height = box
    histogram = run("convert", image, "-crop", f"{width}x{height}+{left}+{top}", "+repage",
                    "-format", "%c", "histogram:info:-")
    counted = [(int(count), rest.split()[1][:7])
               for count, _, rest in (line.partition(":") for line in histogram.splitlines() if line.strip())]
    return max(counted)[1]


class SpanColours:
    """The background drawn on the span, and just beside it on either side."""

    def __init__(self, image, box):
        left, top, width, height = box
        inset = 4   # away from the highlight's edges and the line's spacing
        top, height = top + inset, height - 2 * inset
        self.inside = dominant_colour(image, (left + inset, top, width - 2 * inset, height))
        self.before = dominant_colour(image, (left - 4, top, 3, height))
        self.after = dominant_colour(image, (left + width + 1, top, 3, height))

    def __str__(self):
        return f"{self.inside} on the span, {self.before} left of it, {self.after} right of it"

    def highlighted(self):
        return self.inside not in (self.before, self.after)

    def plain(self):
        return self.inside == self.before == self.after


# The project, read back through hashiya-cli ----------------------------------------------------

def listed_annotations(shown):
    """The annotations in the output of hashiya-cli show: (offsets, label, text) each."""
    # After the text: "# annotations (…)", a line of column names, then one row per annotation.
    table = shown.split("# annotations", 1)[1].splitlines()[2:]
    return [tuple(line.split("\t")[1:4]) for line in table if line]


def is_arabic_letter(character):
    return unicodedata.category(character).startswith("L") and \
        unicodedata.name(character, "").startswith("ARABIC")


# The scenario ----------------------------------------------------------------------------------

class Scenario:
    """One researcher's session, step by step; each step checks what it did."""

    def __init__(self, build, app, cli, work, runtime_dir):
        self.build, self.app, self.cli, self.work = build, app, cli, work
        self.project = work / "sample.hashiya"
        self.log = work / "hashiya.log"
        self.home = work / "home"
        schema_dir = os.environ.get("GSETTINGS_SCHEMA_DIR", build / "data")
        self.env = isolated_environment(self.home, runtime_dir, schema_dir)
        steady_caret(self.home)
        # hashiya-cli saves an identity on first use: it gets a home apart from the application's.
        self.cli_env = isolated_environment(work / "cli-home", runtime_dir, schema_dir)
        self.bus = self.process = self.window = None
        self.text = self.span = self.span_box = None
        self.tagged_colour = None
        self.log_told = False

    # Steps

    def window_is_mapped(self):
        self.start()
        self.window = xdotool("search", "--sync", "--all", "--onlyvisible", "--pid", self.process.pid,
                              "--name", "^Hashiya$").split()[0]

    def typed_name_is_the_annotator(self):
        prompt = xdotool("search", "--sync", "--all", "--onlyvisible", "--pid", self.process.pid,
                         "--name", "^Who Is Annotating").split()[0]
        # No window manager runs under Xvfb: the test moves the focus, as one would.
        xdotool("windowfocus", "--sync", prompt)
        xdotool("key", "--clearmodifiers", "ctrl+a")
        xdotool("type", "--delay", "40", CODER_NAME)
        xdotool("key", "Return")
        wait_until("the name prompt to close", lambda: not self.visible_windows("^Who Is Annotating"))
        identity = self.home / "config" / "hashiya" / "identity.ini"
        saved = wait_until("the identity file", lambda: identity.exists() and identity.read_text())
        if f"name={CODER_NAME}\n" not in saved:
            raise Failure(f"{identity} does not hold the typed name:\n{saved}")
        xdotool("windowfocus", "--sync", self.window)

    def mouse_drag_selects_the_span(self):
        reader, press, release = self.locate_target()
        drag(press, release)
        try:
            wait_until("the selection", lambda: selection(reader) == self.span, timeout=5)
        except Failure:
            raise Failure(f"the drag selected {selection(reader)}, not {self.span}")
        note(f"the reader selected characters {self.span[0]}-{self.span[1]}")
        self.screenshot("dragged")

    def label_key_tags_the_selection(self):
        xdotool("key", TARGET_KEY)
        wait_until(f"an {TARGET_LABEL} annotation over «{TARGET}» in the project", self.target_annotated)
        colours = SpanColours(self.screenshot("tagged"), self.span_box)
        note(f"colours: {colours}")
        if not colours.highlighted():
            raise Failure(f"no highlight on the span alone: {colours}")
        self.tagged_colour = colours.inside

    def ctrl_z_removes_the_annotation(self):
        xdotool("key", "ctrl+z")
        wait_until("the annotation to leave the project", lambda: not self.target_annotated())
        colours = SpanColours(self.screenshot("undone"), self.span_box)
        note(f"colours: {colours}")
        if not colours.plain():
            raise Failure(f"the span is still drawn highlighted: {colours}")

    def ctrl_shift_z_restores_it(self):
        xdotool("key", "ctrl+shift+z")
        wait_until("the annotation to come back to the project", self.target_annotated)
        shot = self.screenshot("redone")
        self.zoom(shot, "redone-zoom")
        colours = SpanColours(shot, self.span_box)
        note(f"colours: {colours}")
        if not colours.highlighted() or colours.inside != self.tagged_colour:
            raise Failure(f"not highlighted as when tagged ({self.tagged_colour}): {colours}")

    def ctrl_q_quits_cleanly(self):
        xdotool("key", "ctrl+q")
        try:
            status = self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            raise Failure("hashiya still runs 15 s after Ctrl+Q")
        self.tell_log()
        if status != 0:
            raise Failure(f"hashiya exited with {status}")
        if Path(f"{self.project}-lock").exists():
            raise Failure("the project's lock file is left behind")

    def annotation_covers_the_dragged_characters(self):
        self.hashiya_cli("check", self.project)
        document = self.exported_document()
        start, end = self.span
        if document["offsets"] != "unicode-code-points" or document["text"] != self.text:
            raise Failure("the exported text or its offset unit is not the reader's")
        events = [span for span in document["spans"] if span["label"] == TARGET_LABEL]
        if len(events) != 1 or events[0]["ranges"] != [[start, end]] or events[0]["text"] != TARGET:
            raise Failure(f"expected one {TARGET_LABEL} over [{start}, {end}), found {events}")
        if events[0]["annotator"]["name"] != CODER_NAME:
            raise Failure(f"the annotation's author is {events[0]['annotator']}, not the typed name")
        if len(document["spans"]) != SAMPLE_ANNOTATIONS + 1:
            raise Failure(f"{len(document['spans'])} annotations, not the sample's and one more")
        # Whole code points of whole words: Arabic letters at both ends, spaces around.
        text = document["text"]
        if not (is_arabic_letter(text[start]) and is_arabic_letter(text[end - 1])
                and text[start - 1] == " " and text[end] == " "):
            raise Failure(f"the span does not sit on whole Arabic words: «{text[start - 1:end + 1]}»")

    # Helpers

    def start(self):
        self.bus, session_address = start_session_bus(self.env, self.work / "dbus.log")
        self.env["DBUS_SESSION_BUS_ADDRESS"] = session_address
        self.env["AT_SPI_BUS_ADDRESS"] = accessibility_bus_address(session_address)
        self.env["GTK_A11Y"] = "atspi"
        # libatspi reads the bus addresses once, from this process's environment.
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = session_address
        os.environ["AT_SPI_BUS_ADDRESS"] = self.env["AT_SPI_BUS_ADDRESS"]
        atspi().init()
        # Generous: the application may be slow to answer on a loaded machine.
        atspi().set_timeout(10000, 20000)
        self.hashiya_cli("sample", self.project)
        with open(self.log, "w") as log:
            self.process = subprocess.Popen([str(self.app), str(self.project)], env=self.env,
                                            stdout=log, stderr=subprocess.STDOUT)

    def close(self):
        stop(self.process)
        stop(self.bus)

    def printed_no_warnings(self):
        """GTK and GLib warnings and criticals are bugs the user would see in a terminal: the
        in-process tests make them fatal, and so does this one."""
        printed = self.log.read_text(errors="replace") if self.log.exists() else ""
        complaints = [line for line in printed.splitlines()
                      if re.search(r"-(WARNING|CRITICAL|ERROR) \*\*|Gtk-WARNING|GLib-CRITICAL", line)]
        if complaints:
            raise Failure("the application printed:\n" + "\n".join(complaints))

    def tell_log(self):
        """Repeats what the application printed (warnings, crashes), once."""
        if self.log.exists() and not self.log_told:
            self.log_told = True
            for line in filter(str.strip, self.log.read_text(errors="replace").splitlines()):
                note(f"hashiya said: {line}")

    def visible_windows(self, name):
        return subprocess.run(["xdotool", "search", "--all", "--onlyvisible", "--pid", str(self.process.pid),
                               "--name", name], capture_output=True, text=True, timeout=10).stdout.split()

    def locate_target(self):
        """Finds the span in the reader; returns the reader and the screen points where a drag
        across the span starts and ends."""
        reader = wait_until("the reader to show the document", lambda: reader_text(self.process.pid))
        self.text = atspi().Text.get_text(reader, 0, atspi().Text.get_character_count(reader))
        start = self.text.index(TARGET)
        self.span = (start, start + len(TARGET))
        first, last = wait_until("the span's layout to settle", lambda: self.settled_ends(reader))
        if first[1] != last[1]:
            raise Failure(f"«{TARGET}» wraps over two lines: {first} {last}")
        origin = content_origin(self.window, main_frame(self.process.pid))
        first, last = ((box[0] + origin[0], box[1] + origin[1], box[2], box[3]) for box in (first, last))
        left = min(first[0], last[0])
        right = max(first[0] + first[2], last[0] + last[2])
        self.span_box = (left, first[1], right - left, first[3])
        # Pressing in the half of a character nearer its start puts the caret before it; the
        # quarter points leave room for rounding either way.
        right_to_left = first[0] > last[0]
        press = point_in(first, 0.75 if right_to_left else 0.25)
        release = point_in(last, 0.25 if right_to_left else 0.75)
        note(f"«{TARGET}» is characters {self.span[0]}-{self.span[1]}, at {self.span_box} on screen; "
             f"dragging from {press} to {release}")
        return reader, press, release

    def settled_ends(self, reader):
        """The boxes of the span's first and last characters, once drawn and no longer moving."""
        def ends():
            return character_box(reader, self.span[0]), character_box(reader, self.span[1] - 1)
        before = ends()
        time.sleep(0.1)
        after = ends()
        return after if before == after and after[0][2] > 0 and after[1][2] > 0 else None

    def screenshot(self, name):
        wait_for_still_screen()
        path = self.build / f"ui-input-{name}.png"
        run("import", "-window", "root", path)
        note(f"screenshot: {path}")
        return path

    def zoom(self, shot, name):
        """The span's line around it, four times larger, to check joining and direction by eye."""
        left, top, width, height = self.span_box
        path = self.build / f"ui-input-{name}.png"
        run("convert", shot, "-crop", f"{width + 120}x{height + 20}+{left - 60}+{top - 10}", "+repage",
            "-scale", "400%", path)
        note(f"screenshot: {path}")

    def hashiya_cli(self, *args):
        return run(self.cli, *args, env=self.cli_env)

    def target_annotated(self):
        expected = (f"{self.span[0]}-{self.span[1]}", TARGET_LABEL, TARGET)
        return expected in listed_annotations(self.hashiya_cli("show", self.project, 1))

    def exported_document(self):
        export = self.work / "export.jsonl"
        self.hashiya_cli("export", self.project, "--format", "jsonl", "--output", export)
        lines = export.read_text(encoding="utf-8").splitlines()
        if len(lines) != 1:
            raise Failure(f"the export holds {len(lines)} documents, not 1")
        return json.loads(lines[0])


def main():
    check_prerequisites()
    tap = Tap()
    scenario = None
    # Short, for the accessibility bus's socket: the build directory may be deep.
    runtime_dir = tempfile.mkdtemp(prefix="hashiya-input-")
    try:
        build, app, cli = build_paths()
        work = build / "tests" / "ui-input"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        scenario = Scenario(build, app, cli, work, Path(runtime_dir))
        tap.run("/input/app/window-is-mapped", scenario.window_is_mapped)
        tap.run("/input/first-run/typed-name-is-the-annotator", scenario.typed_name_is_the_annotator)
        tap.run("/input/reader/mouse-drag-selects-the-span", scenario.mouse_drag_selects_the_span)
        tap.run("/input/reader/label-key-tags-and-highlights-the-span", scenario.label_key_tags_the_selection)
        tap.run("/input/undo/ctrl-z-removes-annotation-and-highlight", scenario.ctrl_z_removes_the_annotation)
        tap.run("/input/undo/ctrl-shift-z-restores-them", scenario.ctrl_shift_z_restores_it)
        tap.run("/input/app/ctrl-q-quits-cleanly", scenario.ctrl_q_quits_cleanly)
        tap.run("/input/app/printed-no-warnings", scenario.printed_no_warnings)
        tap.run("/input/project/annotation-covers-the-dragged-characters",
                scenario.annotation_covers_the_dragged_characters)
    except Exception as error:
        if tap.count == 0:
            print(f"not ok 1 - setting up\n# {error}")
            tap.count = 1
        if scenario is not None:
            scenario.close()
            scenario.tell_log()
        tap.finish()
        return 1
    finally:
        if scenario is not None:
            scenario.close()
        shutil.rmtree(runtime_dir, ignore_errors=True)
    tap.finish()
    return 0


if __name__ == "__main__":
    sys.exit(main())
