"""HTTP transport over http.client: one keep-alive connection per thread, TCP_NODELAY, stale-socket
recovery. Errors are raised as the client's own classes; retries live in the client."""
from __future__ import annotations

import http.client
import socket
import ssl
import threading
from typing import Dict, List, Mapping, Optional, Tuple
from urllib.parse import urlsplit

from .errors import APIConnectionError, APITimeoutError

_STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError, ConnectionAbortedError)


class _HTTPConnection(http.client.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        try:
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:  # pragma: no cover - platform without TCP_NODELAY
            pass


class _HTTPSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        try:
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:  # pragma: no cover
            pass


class Transport:
    """Sends requests to one base URL (scheme, host, port and an optional path prefix)."""

    def __init__(self, base_url: str, *, ssl_context: Optional[ssl.SSLContext] = None) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("base_url must be http(s)://host[:port][/prefix], got %r" % base_url)
        self.scheme = parts.scheme
        self.host = parts.hostname
        self.port = parts.port or (443 if parts.scheme == "https" else 80)
        self.prefix = parts.path.rstrip("/")
        self._ssl_context = ssl_context
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: List[http.client.HTTPConnection] = []

    def new_connection(self, timeout: Optional[float]) -> http.client.HTTPConnection:
        if self.scheme == "https":
            return _HTTPSConnection(self.host, self.port, timeout=timeout, context=self._ssl_context)
        return _HTTPConnection(self.host, self.port, timeout=timeout)

    def _thread_connection(self, timeout: Optional[float]) -> Tuple[http.client.HTTPConnection, bool]:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.timeout = timeout
            if conn.sock is not None:
                conn.sock.settimeout(timeout)
            return conn, True
        conn = self.new_connection(timeout)
        self._local.conn = conn
        with self._lock:
            self._all.append(conn)
        return conn, False

    def _drop_thread_connection(self) -> None:
        conn = getattr(self._local, "conn", None)
        self._local.conn = None
        if conn is not None:
            conn.close()
            with self._lock:
                if conn in self._all:
                    self._all.remove(conn)

    def request(
        self,
        method: str,
        path: str,
        body: Optional[bytes],
        headers: Mapping[str, str],
        timeout: Optional[float],
    ) -> Tuple[int, Dict[str, str], bytes]:
        """One request on this thread's keep-alive connection: (status, lower-cased headers, body)."""
        url = self.prefix + path
        for _ in range(2):
            conn, reused = self._thread_connection(timeout)
            try:
                conn.request(method, url, body=body, headers=dict(headers))
                resp = conn.getresponse()
                data = resp.read()
            except _STALE as exc:
                self._drop_thread_connection()
                if reused:
                    continue  # the server closed an idle keep-alive socket: resend once on a fresh one
                raise APIConnectionError("connection to %s:%s broke: %s" % (self.host, self.port, exc)) from exc
            except socket.timeout as exc:
                self._drop_thread_connection()
                raise APITimeoutError("no answer from %s:%s within %ss" % (self.host, self.port, timeout)) from exc
            except (OSError, http.client.HTTPException) as exc:
                self._drop_thread_connection()
                raise APIConnectionError("cannot reach %s:%s: %s" % (self.host, self.port, exc)) from exc
            resp_headers = {k.lower(): v for k, v in resp.getheaders()}
            if resp.will_close:
                self._drop_thread_connection()
            return resp.status, resp_headers, data
        raise APIConnectionError("connection to %s:%s broke twice" % (self.host, self.port))  # pragma: no cover

    def open_stream(
        self, method: str, path: str, headers: Mapping[str, str], timeout: Optional[float]
    ) -> Tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
        """A request on a dedicated connection whose response is read incrementally (SSE)."""
        conn = self.new_connection(timeout)
        try:
            conn.request(method, self.prefix + path, headers=dict(headers))
            return conn, conn.getresponse()
        except socket.timeout as exc:
            conn.close()
            raise APITimeoutError("no answer from %s:%s within %ss" % (self.host, self.port, timeout)) from exc
        except (OSError, http.client.HTTPException) as exc:
            conn.close()
            raise APIConnectionError("cannot reach %s:%s: %s" % (self.host, self.port, exc)) from exc

    def close(self) -> None:
        with self._lock:
            conns, self._all = self._all, []
        for conn in conns:
            conn.close()
        self._local = threading.local()
