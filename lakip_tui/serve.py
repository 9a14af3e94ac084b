"""`lakip serve FILE`: the editor in a browser, through textual-serve.

textual-serve starts one `lakip edit FILE` per browser tab and relays its screen over a
websocket. It has no login of its own: anyone who can open the address can edit the file. So it
listens on 127.0.0.1 unless told otherwise, and says how to reach it from another computer
safely: an SSH tunnel, which lets in only those who can log in to this machine. A second tab on
the same file meets the lock file and is offered read-only, as a second terminal is.
"""

from __future__ import annotations

import asyncio
import getpass
import ipaddress
import shlex
import socket
import sys
from pathlib import Path

from .clean import clean_text
from .errors import LakipError

LOOPBACK = "127.0.0.1"


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def warning(host: str, port: int) -> str:
    """What the user reads before the first browser connects (stderr)."""
    user = getpass.getuser()
    machine = socket.gethostname()
    lines = [
        "PERINGATAN: lakip serve tidak punya login sendiri. Siapa pun yang dapat membuka "
        "alamat ini dapat membaca dan menyunting berkas ini.",
    ]
    if _loopback(host):
        lines.append(f"Hanya komputer ini yang dapat membukanya: http://{LOOPBACK}:{port}")
    else:
        lines.append(f"Alamat {host} terbuka bagi jaringan: siapa pun di jaringan itu dapat "
                     "menyunting berkas. Gunakan hanya di jaringan tepercaya, atau lebih baik "
                     "jalankan tanpa --host dan pakai terowongan SSH.")
    lines.append("Dari komputer lain, buka lewat terowongan SSH (hanya yang dapat masuk SSH ke "
                 "mesin ini yang dapat memakainya):")
    lines.append(f"    ssh -N -L {port}:{LOOPBACK}:{port} {user}@{machine}")
    lines.append(f"lalu buka http://{LOOPBACK}:{port} di peramban komputer itu. "
                 "Ctrl+C menghentikan server.")
    return "\n".join(lines)


def editor_command(file: Path, plugins: list[str]) -> str:
    argv = [sys.executable, "-m", "lakip_tui", "edit", str(file.resolve())]
    for plugin in plugins:
        argv += ["--plugin", str(Path(plugin).resolve())]
    return shlex.join(argv)


def run_serve(args) -> int:
    from .project import Project

    file = Path(args.file)
    Project.load(file)  # a missing or broken file is said here, not in every browser tab
    if not 0 < args.port < 65536:
        raise LakipError(f"--port harus antara 1 dan 65535 (tertulis {args.port})")
    if args.stop_after is not None and args.stop_after <= 0:
        raise LakipError("--stop-after harus lebih dari 0 detik")
    try:
        from textual_serve.server import Server
    except ImportError:  # pragma: no cover - a dependency of the package
        raise LakipError("textual-serve belum terpasang (pip install textual-serve)") from None
    print(clean_text(warning(args.host, args.port)), file=sys.stderr, flush=True)
    server = Server(editor_command(file, args.plugin), host=args.host, port=args.port,
                    title=clean_text(f"lakip: {file.name}"))
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)  # Server.serve runs on the current loop
    if args.stop_after is not None:
        loop.call_later(args.stop_after, server.request_exit)
    try:
        server.serve()
    except OSError as exc:  # the port is taken, or the address is not this machine's
        raise LakipError(f"server tidak dapat dimulai di {args.host}:{args.port} "
                         f"({exc.strerror or exc})") from None
    finally:
        loop.close()
    return 0
