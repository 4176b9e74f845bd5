"""Zero-dependency Python client for Arbiter, the RLVR grading service, with TRL, verl and OpenRLHF
adapters (``arbiter_client.trl``, ``arbiter_client.verl``, ``arbiter_client.openrlhf``)."""
__version__ = "0.1.0"

from .errors import (  # noqa: E402
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ArbiterError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServiceUnavailableError,
    UnprocessableEntityError,
)
from .retry import RetryPolicy  # noqa: E402
from .sse import ServerSentEvent  # noqa: E402
from .client import ArbiterClient, AsyncArbiterClient  # noqa: E402

__all__ = [
    "__version__",
    "ArbiterClient",
    "AsyncArbiterClient",
    "RetryPolicy",
    "ServerSentEvent",
    "ArbiterError",
    "APIConnectionError",
    "APITimeoutError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "ServiceUnavailableError",
]
