"""Server-Sent Events parsing (the ``text/event-stream`` format), independent of the transport."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional

__all__ = ["ServerSentEvent", "iter_sse"]


@dataclass
class ServerSentEvent:
    """One event: ``event`` (``group`` or ``done`` for job streams), raw ``data`` text and ``id``."""

    event: str = "message"
    data: str = ""
    id: Optional[str] = None
    retry: Optional[int] = None

    def json(self) -> Any:
        """``data`` parsed as JSON (job streams send JSON)."""
        return json.loads(self.data) if self.data else None


def iter_sse(lines: Iterable[str]) -> Iterator[ServerSentEvent]:
    """Yields the events of a stream given its lines (with or without line endings).

    Comments (``: heartbeat``) are skipped; multi-line ``data`` is joined with newlines; an event is
    dispatched at a blank line, and one left unterminated at the end of the stream is dropped (as
    browsers do: it may be truncated).
    """
    event = None
    data: list = []
    last_id: Optional[str] = None
    retry: Optional[int] = None
    seen = False
    for raw in lines:
        line = raw.rstrip("\r\n") if isinstance(raw, str) else raw
        if line == "":
            if seen and (data or event is not None):
                yield ServerSentEvent(event or "message", "\n".join(data), last_id, retry)
            event, data, seen = None, [], False
            continue
        if line.startswith(":"):
            continue
        field, sep, value = line.partition(":")
        if sep and value.startswith(" "):
            value = value[1:]
        seen = True
        if field == "event":
            event = value
        elif field == "data":
            data.append(value)
        elif field == "id":
            if "\0" not in value:
                last_id = value
        elif field == "retry":
            try:
                retry = int(value)
            except ValueError:
                pass
