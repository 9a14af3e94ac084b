"""`lakip serve`: the editor's page over loopback, a warning with the SSH tunnel, and a server
that stops by itself (the test bounds it in time and never leaves it running)."""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from lakip_tui.cli import main
from lakip_tui.serve import warning

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "projects" / "dinsos-binjai-2024.toml"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_page_is_served_over_loopback_and_the_server_stops_by_itself(tmp_path):
    port = free_port()
    env = {**os.environ, "LAKIP_LOAD_PLUGINS": ""}
    server = subprocess.Popen(
        [sys.executable, "-m", "lakip_tui", "serve", str(EXAMPLE), "--port", str(port),
         "--stop-after", "60"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True)
    try:
        page, deadline = None, time.monotonic() + 45
        while page is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    page = (response.status, response.read().decode("utf-8"))
            except OSError:
                time.sleep(0.3)
        assert page is not None, server.stderr.read() if server.poll() is not None else "timeout"
        status, html = page
        assert status == 200
        assert "lakip: dinsos-binjai-2024.toml" in html  # the page's title
        assert f"ws://127.0.0.1:{port}/ws" in html  # the terminal connects back over loopback
        # bound to loopback only: this machine's other address (when it has one) refuses
        other = own_address()
        if other is not None:
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
                s.settimeout(3)
                assert s.connect_ex((other, port)) != 0
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=5)
    err = server.stderr.read()
    assert "tidak punya login" in err and f"ssh -N -L {port}:127.0.0.1:{port}" in err


def own_address() -> str | None:
    """A non-loopback IPv4 address of this machine, if it has one (no packet is sent: a UDP
    socket's connect only picks the outgoing interface)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            address = s.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_stop_after_ends_the_server_without_help(tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "lakip_tui", "serve", str(EXAMPLE), "--port", str(port),
         "--stop-after", "2"],
        cwd=tmp_path, env={**os.environ, "LAKIP_LOAD_PLUGINS": ""},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert server.wait(timeout=40) == 0
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=5)


def test_the_warning_says_there_is_no_login_and_gives_the_tunnel():
    text = warning("127.0.0.1", 8123)
    assert "tidak punya login" in text
    assert "ssh -N -L 8123:127.0.0.1:8123 " in text
    assert "terbuka bagi jaringan" not in text
    assert "terbuka bagi jaringan" in warning("0.0.0.0", 8123)


def test_a_missing_or_broken_file_is_refused_before_serving(tmp_path, capsys):
    assert main(["serve", str(tmp_path / "tidak-ada.toml")]) == 2
    bad = tmp_path / "rusak.toml"
    bad.write_text("format = 1\n[meta\n", encoding="utf-8")
    assert main(["serve", str(bad)]) == 2
    assert "rusak.toml:2:6" in capsys.readouterr().err


def test_a_taken_port_is_a_clear_error(tmp_path, capsys):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", str(EXAMPLE), "--port", str(port), "--stop-after", "5"]) == 2
    assert "tidak dapat dimulai" in capsys.readouterr().err


# -- a live session in a real browser ------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# the page's state: textual-serve's classes on the body, whether its intro is still shown, and
# the intro's text (the name of the file)
KEADAAN = ("document.body ? document.body.className + ' intro:' + getComputedStyle("
           "document.querySelector('.intro-dialog')).display + ' ' + "
           "document.body.textContent : ''")


@pytest.mark.skipif(CHROMIUM is None, reason="needs chromium (Debian: apt install chromium) to "
                    "open the page in a real browser")
def test_the_app_draws_in_a_headless_browser(tmp_path):
    """Headless Chromium opens the page; the terminal in it connects back over the websocket
    and the editor's first screen arrives (textual-serve then hides its intro: the body gets
    the class -first-byte). The screenshot is left in tmp_path for a person to look at."""
    import asyncio

    aiohttp = pytest.importorskip("aiohttp")  # textual-serve's own dependency
    port, cdp = free_port(), free_port()
    shutil.copy(EXAMPLE, tmp_path / EXAMPLE.name)
    server = subprocess.Popen(
        [sys.executable, "-m", "lakip_tui", "serve", EXAMPLE.name, "--port", str(port),
         "--stop-after", "90"],
        # with the built-in chapters, so that the screenshot shows the editor a planner sees
        cwd=tmp_path, env={k: v for k, v in os.environ.items() if k != "LAKIP_LOAD_PLUGINS"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    browser = subprocess.Popen(
        [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--no-first-run", f"--user-data-dir={tmp_path / 'profil'}", "--window-size=1280,800",
         "--remote-debugging-address=127.0.0.1", f"--remote-debugging-port={cdp}",
         "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)

    async def session() -> tuple[str, bytes]:
        async with aiohttp.ClientSession() as http:
            page, deadline = None, time.monotonic() + 30
            while page is None and time.monotonic() < deadline:
                try:
                    async with http.get(f"http://127.0.0.1:{cdp}/json/list") as response:
                        page = next(t for t in await response.json() if t["type"] == "page")
                except (OSError, aiohttp.ClientError, StopIteration, ValueError):
                    await asyncio.sleep(0.2)
            assert page is not None, "chromium did not open its debugging port"
            async with http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                nomor = 0

                async def call(method: str, **params) -> dict:
                    nonlocal nomor
                    nomor += 1
                    await ws.send_json({"id": nomor, "method": method, "params": params})
                    while True:
                        message = json.loads((await ws.receive(timeout=30)).data)
                        if message.get("id") == nomor:
                            return message["result"]

                # the server may still be starting: load the page until it answers
                kelas, deadline = "", time.monotonic() + 60
                while "-first-byte" not in kelas and time.monotonic() < deadline:
                    if not kelas:
                        await call("Page.navigate", url=f"http://127.0.0.1:{port}/")
                    await asyncio.sleep(0.5)
                    result = await call("Runtime.evaluate", returnByValue=True,
                                        expression=KEADAAN)
                    kelas = result["result"].get("value") or ""
                await asyncio.sleep(1)  # let the first screen finish drawing
                shot = await call("Page.captureScreenshot", format="png")
                return kelas, base64.b64decode(shot["data"])

    try:
        kelas, png = asyncio.run(session())
    finally:
        for process in (browser, server):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
    (tmp_path / "layar.png").write_bytes(png)
    assert "lakip: dinsos-binjai-2024.toml" in kelas  # our page, by the name on its intro
    assert "-first-byte" in kelas, kelas  # the editor's screen reached the browser
    assert "intro:none" in kelas  # and the intro made way for it
    assert png.startswith(b"\x89PNG")
