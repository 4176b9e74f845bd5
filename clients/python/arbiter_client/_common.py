"""Helpers shared by the trainer adapters."""
from __future__ import annotations

import atexit
import json
import math
import os
import threading
from typing import Any, Dict, Mapping, Optional, Tuple

from .client import ArbiterClient

_CLIENTS: Dict[Tuple[Any, ...], ArbiterClient] = {}
_CLIENTS_LOCK = threading.Lock()


@atexit.register
def close_shared_clients() -> None:
    """Closes the keep-alive connections of the shared clients (also run at exit)."""
    with _CLIENTS_LOCK:
        clients = list(_CLIENTS.values())
        _CLIENTS.clear()
    for client in clients:
        client.close()


def shared_client(
    base_url: Optional[str] = None, api_key: Optional[str] = None, timeout: float = 300.0, max_retries: int = 3
) -> ArbiterClient:
    """One client per (url, key, timeout, retries) per process: adapters called per sample reuse its
    keep-alive connections instead of opening one per call."""
    key = (base_url or os.environ.get("ARBITER_URL"), api_key or os.environ.get("ARBITER_API_KEY"), timeout, max_retries)
    with _CLIENTS_LOCK:
        client = _CLIENTS.get(key)
        if client is None:
            client = ArbiterClient(base_url, api_key, timeout=timeout, max_retries=max_retries)
            _CLIENTS[key] = client
        return client


def message_text(content: Any) -> str:
    """The text of a message's ``content``: a string, or a list of parts (``{"type": "text", "text"}``)."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            part.get("text") or "" if isinstance(part, dict) else str(part) for part in content
        )
    return str(content)


def completion_text(completion: Any) -> str:
    """TRL completion → text: a string as is; a message list → the last assistant message's content
    (the last message when none is marked assistant); a dict with ``content``/``text`` → that."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, dict):
        return message_text(completion.get("content", completion.get("text")))
    if isinstance(completion, (list, tuple)):
        if not completion:
            return ""
        for message in reversed(completion):
            if isinstance(message, dict) and message.get("role") == "assistant":
                return message_text(message.get("content"))
        last = completion[-1]
        return message_text(last.get("content") if isinstance(last, dict) else last)
    return "" if completion is None else str(completion)


def wire_prompt(prompt: Any) -> Any:
    """A prompt in the wire form: a string, or ``[{role, content: str}]`` (multimodal parts flattened)."""
    if prompt is None or isinstance(prompt, str):
        return prompt
    if isinstance(prompt, (list, tuple)):
        out = []
        for message in prompt:
            if isinstance(message, dict):
                out.append({"role": str(message.get("role", "user")), "content": message_text(message.get("content"))})
            else:
                out.append({"role": "user", "content": str(message)})
        return out
    return str(prompt)


def as_task(value: Any, default_type: str = "text") -> Optional[Dict[str, Any]]:
    """A reference (ground truth, label, task column) → a wire task, or None when there is none.

    A dict with ``type`` is a task as is; a dict without it is merged over ``{"type": default_type}``;
    a JSON string of an object is parsed; a list is a list of accepted answers; anything else becomes
    ``{"type": default_type, "answer": str(value)}``.
    """
    if value is None:
        return None
    if isinstance(value, str):
        stripped = value.strip()
        if stripped.startswith("{") and stripped.endswith("}"):
            try:
                parsed = json.loads(stripped)
            except ValueError:
                parsed = None
            if isinstance(parsed, dict):
                return as_task(parsed, default_type)
        return {"type": default_type, "answer": value}
    if isinstance(value, Mapping):
        task = dict(value)
        if "type" not in task:
            task = {"type": default_type, **task}
        return task
    if isinstance(value, (list, tuple)):
        answers = [str(v) for v in value if v is not None]
        return {"type": default_type, "answer": answers} if answers else None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return {"type": default_type, "answer": str(value)}


def finite(value: Any, fallback: float) -> float:
    """``value`` as a finite float, else ``fallback`` (None, NaN, inf, non-numbers)."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        f = float(value)
        return f if math.isfinite(f) else fallback
    return fallback


def env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError:
        return default


def env_json(name: str) -> Any:
    raw = os.environ.get(name)
    if not raw:
        return None
    return json.loads(raw)
