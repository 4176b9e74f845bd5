"""Pure functions: retry policy, SSE parsing, error mapping, adapter helpers (no network)."""
import email.utils
import math
import unittest

from tests import _support  # noqa: F401  (puts the checkout on sys.path)
from arbiter_client import errors
from arbiter_client._common import as_task, completion_text, finite, wire_prompt
from arbiter_client.retry import (
    RetryPolicy, backoff_delay, parse_retry_after, retry_delay, should_retry_status,
)
from arbiter_client.sse import iter_sse


class RetryPolicyTest(unittest.TestCase):
    def test_retryable_statuses(self):
        for status in (408, 409, 429, 500, 502, 503, 504):
            self.assertTrue(should_retry_status(status), status)
        for status in (200, 400, 401, 404, 413, 415, 422):
            self.assertFalse(should_retry_status(status), status)
        self.assertFalse(should_retry_status(409, "JOB_CANCELLED"))
        self.assertTrue(should_retry_status(503, "GRADER_CLOSED"))

    def test_backoff_is_exponential_capped_and_jittered(self):
        no_jitter = [backoff_delay(n, rand=lambda: 0.0) for n in range(6)]
        self.assertEqual(no_jitter, [0.5, 1.0, 2.0, 4.0, 8.0, 8.0])
        self.assertEqual(backoff_delay(1, rand=lambda: 1.0), 0.75)  # up to 25 % less
        for n in range(8):
            d = backoff_delay(n)
            self.assertTrue(0.375 * min(2 ** n, 16) <= d <= 0.5 * min(2 ** n, 16), (n, d))
        self.assertEqual(backoff_delay(3, initial=0.1, maximum=0.5, jitter=0.0), 0.5)

    def test_parse_retry_after(self):
        self.assertIsNone(parse_retry_after({}))
        self.assertIsNone(parse_retry_after(None))
        self.assertEqual(parse_retry_after({"retry-after": "3"}), 3.0)
        self.assertEqual(parse_retry_after({"Retry-After": "0.25"}), 0.25)
        self.assertEqual(parse_retry_after({"retry-after-ms": "150", "retry-after": "9"}), 0.15)
        self.assertEqual(parse_retry_after({"retry-after": "-4"}), 0.0)
        self.assertIsNone(parse_retry_after({"retry-after": "soon"}))
        now = 1_700_000_000.0
        date = email.utils.formatdate(now + 7, usegmt=True)
        self.assertAlmostEqual(parse_retry_after({"retry-after": date}, now=now), 7.0, places=3)
        past = email.utils.formatdate(now - 7, usegmt=True)
        self.assertEqual(parse_retry_after({"retry-after": past}, now=now), 0.0)

    def test_retry_delay_prefers_a_sane_retry_after(self):
        self.assertEqual(retry_delay(0, {"retry-after": "2"}), 2.0)
        self.assertEqual(retry_delay(4, {"retry-after": "0"}), 0.0)
        # Absurd Retry-After (> max_retry_after): fall back to backoff.
        self.assertEqual(retry_delay(0, {"retry-after": "3600"}, rand=lambda: 0.0), 0.5)
        self.assertEqual(retry_delay(2, None, rand=lambda: 0.0), 2.0)
        self.assertEqual(RetryPolicy(initial=0.01, jitter=0.0).delay(2), 0.04)


class SSETest(unittest.TestCase):
    def test_events_comments_multiline_and_truncation(self):
        lines = [
            ": stream open\n", "\n",
            "id: 1\n", "event: group\n", 'data: {"index": 0,\n', 'data: "x": 1}\n', "\n",
            ": heartbeat\n", "\n",
            "id: 2\r\n", "event: done\r\n", 'data: {"status":"completed"}\r\n', "\r\n",
            "event: group\n", "data: truncated\n",  # no blank line: dropped
        ]
        events = list(iter_sse(lines))
        self.assertEqual([(e.event, e.id) for e in events], [("group", "1"), ("done", "2")])
        self.assertEqual(events[0].data, '{"index": 0,\n"x": 1}')
        self.assertEqual(events[0].json(), {"index": 0, "x": 1})
        self.assertEqual(events[1].json(), {"status": "completed"})


class ErrorMappingTest(unittest.TestCase):
    def test_status_classes(self):
        cases = {
            400: errors.BadRequestError, 401: errors.AuthenticationError, 404: errors.NotFoundError,
            409: errors.ConflictError, 422: errors.UnprocessableEntityError, 429: errors.RateLimitError,
            500: errors.InternalServerError, 502: errors.InternalServerError, 503: errors.ServiceUnavailableError,
            413: errors.BadRequestError, 418: errors.APIStatusError,
        }
        for status, cls in cases.items():
            err = errors.status_error(status, {}, b"")
            self.assertIs(type(err), cls, status)
            self.assertIsInstance(err, errors.ArbiterError)
        self.assertTrue(issubclass(errors.ServiceUnavailableError, errors.InternalServerError))
        self.assertTrue(issubclass(errors.APITimeoutError, errors.APIConnectionError))

    def test_body_fields(self):
        body = (b'{"error":{"code":"REQUEST_INVALID","message":"bad","request_id":"r-1",'
                b'"problems":[{"path":"x","message":"unknown field"}]}}')
        err = errors.status_error(400, {"x-request-id": "other"}, body)
        self.assertEqual((err.code, err.request_id, err.status_code), ("REQUEST_INVALID", "r-1", 400))
        self.assertEqual(err.problems, [{"path": "x", "message": "unknown field"}])
        self.assertIn("REQUEST_INVALID", str(err))
        plain = errors.status_error(502, {"x-request-id": "r-2"}, b"<html>bad gateway</html>")
        self.assertEqual(plain.request_id, "r-2")
        self.assertIsNone(plain.code)

    def test_job_error(self):
        err = errors.job_error({"code": "REWARDS_INVALID", "message": "cache_length > max_length"}, "j1")
        self.assertIsInstance(err, errors.BadRequestError)
        self.assertEqual(err.code, "REWARDS_INVALID")
        self.assertIsInstance(errors.job_error({"code": "GRADER_CLOSED", "message": "x"}), errors.ServiceUnavailableError)


class HelperTest(unittest.TestCase):
    def test_completion_text(self):
        self.assertEqual(completion_text("abc"), "abc")
        self.assertEqual(completion_text([{"role": "assistant", "content": "x"}]), "x")
        msgs = [{"role": "assistant", "content": "a"}, {"role": "tool", "content": "t"}, {"role": "assistant", "content": "b"}]
        self.assertEqual(completion_text(msgs), "b")
        self.assertEqual(completion_text([{"role": "assistant", "content": [{"type": "text", "text": "p"}, {"type": "text", "text": "q"}]}]), "pq")
        self.assertEqual(completion_text([]), "")
        self.assertEqual(completion_text(None), "")

    def test_wire_prompt(self):
        self.assertEqual(wire_prompt("p"), "p")
        self.assertEqual(wire_prompt([{"role": "user", "content": [{"type": "text", "text": "hi"}]}]), [{"role": "user", "content": "hi"}])

    def test_as_task(self):
        self.assertEqual(as_task("Paris"), {"type": "text", "answer": "Paris"})
        self.assertEqual(as_task(42, "math"), {"type": "math", "answer": "42"})
        self.assertEqual(as_task(3.0, "math"), {"type": "math", "answer": "3"})
        self.assertEqual(as_task(["a", "b"]), {"type": "text", "answer": ["a", "b"]})
        self.assertEqual(as_task({"answer": "B", "choices": ["x", "y"]}), {"type": "text", "answer": "B", "choices": ["x", "y"]})
        self.assertEqual(as_task('{"type":"math","answer":"1/2"}'), {"type": "math", "answer": "1/2"})
        self.assertIsNone(as_task(None))

    def test_finite(self):
        self.assertEqual(finite(None, -1.0), -1.0)
        self.assertEqual(finite(float("nan"), 0.0), 0.0)
        self.assertEqual(finite(math.inf, 0.5), 0.5)
        self.assertEqual(finite(True, 0.0), 1.0)
        self.assertEqual(finite(2, 0.0), 2.0)


if __name__ == "__main__":
    unittest.main()
