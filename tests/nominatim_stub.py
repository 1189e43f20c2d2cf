"""A tiny Nominatim look-alike on 127.0.0.1 for the online-geocoder tests (stdlib only).

:class:`NominatimStub` answers ``/search`` and ``/reverse`` in Nominatim's JSON format from a
small dict of places and records every request (arrival time on ``time.monotonic``, path,
parameters, user agent).  :func:`silent_server` accepts connections and never answers;
:func:`closed_port` gives a port nobody listens on.  Nothing here reaches beyond loopback.
"""

from __future__ import annotations

import json
import math
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

HOST = "127.0.0.1"


@dataclass
class StubRequest:
    """One request the stub received."""

    at: float
    path: str
    params: dict[str, str]
    user_agent: str | None


@dataclass
class NominatimStub:
    """A Nominatim-format HTTP server on an ephemeral loopback port.

    Parameters
    ----------
    places : list of dict
        Nominatim result records (``display_name``, ``lat``, ``lon`` as strings, ``name``...).
        ``/search?q=`` matches a record's ``name`` case-insensitively; ``/reverse`` returns the
        nearest record within ``radius`` degrees, else ``{"error": "Unable to geocode"}``.
    fail_queries : set of str
        Lower-cased queries answered with HTTP 500.
    """

    places: list[dict] = field(default_factory=list)
    fail_queries: set[str] = field(default_factory=set)
    radius: float = 0.5
    requests: list[StubRequest] = field(default_factory=list)

    def __post_init__(self) -> None:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                parts = urlsplit(self.path)
                params = dict(parse_qsl(parts.query))
                stub.requests.append(
                    StubRequest(time.monotonic(), parts.path, params, self.headers.get("User-Agent"))
                )
                status, body = stub.answer(parts.path, params)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer((HOST, 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def domain(self) -> str:
        """``host:port`` to pass as the geocoder's ``domain``."""
        return f"{HOST}:{self._server.server_address[1]}"

    def answer(self, path: str, params: dict[str, str]) -> tuple[int, object]:
        if path == "/search":
            query = params.get("q", "").casefold()
            if query in self.fail_queries:
                return 500, {"error": "internal"}
            hits = [p for p in self.places if p.get("name", "").casefold() == query]
            return 200, hits[: int(params.get("limit", 10))]
        if path == "/reverse":
            lat, lon = float(params["lat"]), float(params["lon"])
            best = min(
                self.places,
                key=lambda p: math.hypot(float(p["lat"]) - lat, float(p["lon"]) - lon),
                default=None,
            )
            if best is None or math.hypot(float(best["lat"]) - lat, float(best["lon"]) - lon) > self.radius:
                return 200, {"error": "Unable to geocode"}
            return 200, best
        return 404, {"error": "not found"}

    def __enter__(self) -> NominatimStub:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@contextmanager
def silent_server() -> Iterator[str]:
    """Yield ``host:port`` of a socket that accepts connections (kernel backlog) and never answers."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((HOST, 0))
    sock.listen(8)
    try:
        yield f"{HOST}:{sock.getsockname()[1]}"
    finally:
        sock.close()


def closed_port() -> str:
    """Return ``host:port`` of a loopback port that was free a moment ago (connections are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port = sock.getsockname()[1]
    return f"{HOST}:{port}"
