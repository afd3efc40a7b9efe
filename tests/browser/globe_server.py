"""The real server (uvicorn) in a thread on an ephemeral port, for the browser tests."""

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

#: How long a page may take to say it is ready before a test calls it hung. These are hang
#: guards, not speed checks (the globe's load time is a ratio in benchmarks/test_czml_speed.py),
#: so they leave room for a slow machine under the CI's load, where the suite shares two cores
#: with the benchmarks' untimed pass. Measured with SwiftShader on 2026-12-05, on a machine
#: about 2.5x slower than the reference one, for the small test run: the lean look ready in
#: 15-20 s idle; the default look (MSAA, sky and atmosphere, about 3 s a frame, the imagery
#: tiles coming in one or two a frame) in 35-48 s idle and past 60 s in CI.
READY_TIMEOUT_MS = 180_000
#: The default look, for the README's picture: each frame costs several times a lean one's.
DEFAULT_LOOK_READY_TIMEOUT_MS = 300_000


@contextmanager
def running_server(runs_dir: Path) -> Iterator[str]:
    """Serve ``runs_dir`` on 127.0.0.1 at a port the system picks; yields the base URL."""
    import uvicorn

    from goldendome.api.web import web_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(web_app(runs_dir), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def open_globe(page: Any, url: str, timeout_ms: int = READY_TIMEOUT_MS) -> dict[str, Any]:
    """Load a globe page and wait for its own ready flag (layers loaded, tiles in)."""
    page.goto(url)
    page.wait_for_function(
        "window.goldendome && (window.goldendome.ready || window.goldendome.error)",
        timeout=timeout_ms,
    )
    state: dict[str, Any] = page.evaluate(
        "({error: goldendome.error, counts: goldendome.counts, seconds: goldendome.loadSeconds})"
    )
    assert state["error"] is None, state["error"]
    return state


#: Reads the drawn frame: render, then read the pixels in the same task; shares of pixels.
PIXEL_SHARES = """() => {
  const viewer = goldendome.viewer;
  viewer.scene.render(viewer.clock.currentTime);
  const gl = viewer.scene.context._gl;
  const w = gl.drawingBufferWidth, h = gl.drawingBufferHeight;
  const px = new Uint8Array(w * h * 4);
  gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, px);
  let ocean = 0, black = 0;
  for (let i = 0; i < px.length; i += 4) {
    const r = px[i], g = px[i + 1], b = px[i + 2];
    if (b >= 40 && b > r + 25 && b > g + 5) ocean++;
    if (r + g + b < 30) black++;
  }
  const n = w * h;
  return {ocean: ocean / n, black: black / n, width: w, height: h};
}"""
