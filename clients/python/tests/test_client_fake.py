"""Retries, idempotency keys, timeouts, keep-alive and configuration, against a scripted HTTP server."""
import asyncio
import os
import time
import unittest
from unittest import mock

from tests._support import FakeServer, free_port, grade_body
from arbiter_client import (
    APIConnectionError, APITimeoutError, ArbiterClient, AsyncArbiterClient, BadRequestError, ConflictError,
    RateLimitError, RetryPolicy, ServiceUnavailableError,
)

OK = {"groups": [], "advantage": {"preset": "trl"}}
UNAVAILABLE = {"error": {"code": "GRADER_CLOSED", "message": "closing", "request_id": "r-503"}}
FAST = RetryPolicy(max_retries=2, initial=0.001, maximum=0.002)


class RetryTest(unittest.TestCase):
    def test_503_then_200_retries_with_the_same_idempotency_key(self):
        with FakeServer([(503, {"retry-after": "0.2"}, UNAVAILABLE), (200, {}, OK)]) as fake:
            with ArbiterClient(fake.url) as client:
                started = time.monotonic()
                self.assertEqual(client.grade(grade_body(["a"])), OK)
                elapsed = time.monotonic() - started
        self.assertEqual(len(fake.requests), 2)
        keys = [r["headers"].get("idempotency-key") for r in fake.requests]
        self.assertTrue(keys[0])
        self.assertEqual(keys[0], keys[1])
        self.assertEqual(fake.requests[0]["body"], fake.requests[1]["body"])
        self.assertGreaterEqual(elapsed, 0.2)  # Retry-After honoured
        self.assertLess(elapsed, 2.0)

    def test_each_logical_call_gets_its_own_key_and_submit_has_one(self):
        with FakeServer([(200, {}, OK)]) as fake:
            with ArbiterClient(fake.url) as client:
                client.grade(grade_body(["a"]))
                client.grade(grade_body(["a"]))
                client.submit(grade_body(["a"]))
                client.grade(grade_body(["a"]), idempotency_key="mine")
        keys = [r["headers"].get("idempotency-key") for r in fake.requests]
        self.assertEqual(len(set(keys[:3])), 3)
        self.assertEqual(keys[3], "mine")
        self.assertEqual(fake.requests[2]["path"], "/v1/jobs")

    def test_gives_up_after_max_retries(self):
        with FakeServer([(503, {"retry-after": "0"}, UNAVAILABLE)]) as fake:
            with ArbiterClient(fake.url, max_retries=2) as client, self.assertRaises(ServiceUnavailableError) as ctx:
                client.grade(grade_body(["a"]))
        self.assertEqual(len(fake.requests), 3)
        self.assertEqual(ctx.exception.code, "GRADER_CLOSED")
        self.assertEqual(ctx.exception.request_id, "r-503")
        self.assertEqual(len({r["headers"]["idempotency-key"] for r in fake.requests}), 1)

    def test_429_retry_after_ms_and_per_call_override(self):
        limited = {"error": {"code": "RATE_LIMITED", "message": "slow down", "request_id": "r"}}
        with FakeServer([(429, {"retry-after-ms": "10"}, limited)]) as fake:
            with ArbiterClient(fake.url, max_retries=5) as client, self.assertRaises(RateLimitError):
                client.grade(grade_body(["a"]), max_retries=1)
        self.assertEqual(len(fake.requests), 2)

    def test_4xx_and_final_409_are_not_retried(self):
        bad = {"error": {"code": "REQUEST_INVALID", "message": "x", "request_id": "r", "problems": [{"path": "x", "message": "unknown field"}]}}
        cancelled = {"error": {"code": "JOB_CANCELLED", "message": "cancelled", "request_id": "r"}}
        for status, body, cls in ((400, bad, BadRequestError), (409, cancelled, ConflictError)):
            with FakeServer([(status, {"retry-after": "0"}, body)]) as fake:
                with ArbiterClient(fake.url, max_retries=3) as client, self.assertRaises(cls):
                    client.grade(grade_body(["a"]))
            self.assertEqual(len(fake.requests), 1, status)

    def test_connection_refused_is_retried_then_raised(self):
        client = ArbiterClient("http://127.0.0.1:%d" % free_port(), retry_policy=FAST)
        sleeps = []
        client._sleep = sleeps.append
        with self.assertRaises(APIConnectionError) as ctx:
            client.advantages({"groups": [{"rewards": [1, 0]}]})
        self.assertNotIsInstance(ctx.exception, APITimeoutError)
        self.assertEqual(len(sleeps), 2)

    def test_timeout(self):
        with FakeServer([(200, {}, OK)], delay=0.5) as fake:
            client = ArbiterClient(fake.url, timeout=0.1, max_retries=1)
            client._sleep = lambda s: None
            with self.assertRaises(APITimeoutError):
                client.grade(grade_body(["a"]))
            client.close()
            self.assertEqual(len(fake.requests), 2)
            self.assertEqual(len({r["headers"]["idempotency-key"] for r in fake.requests}), 1)

    def test_keep_alive_reuses_one_connection(self):
        with FakeServer([(200, {}, OK)]) as fake:
            with ArbiterClient(fake.url) as client:
                for _ in range(5):
                    client.advantages({"groups": [{"rewards": [1, 0]}]})
        self.assertEqual(len({r["client_port"] for r in fake.requests}), 1)


class ConfigTest(unittest.TestCase):
    def test_option_over_env_over_default(self):
        with mock.patch.dict(os.environ, {"ARBITER_URL": "http://env-host:9000/", "ARBITER_API_KEY": "env-key"}):
            c = ArbiterClient()
            self.assertEqual((c.base_url, c.api_key), ("http://env-host:9000", "env-key"))
            c = ArbiterClient("http://opt:1", "opt-key")
            self.assertEqual((c.base_url, c.api_key), ("http://opt:1", "opt-key"))
        with mock.patch.dict(os.environ, {}, clear=True):
            c = ArbiterClient()
            self.assertEqual((c.base_url, c.api_key), ("http://127.0.0.1:8080", None))
        with self.assertRaises(ValueError):
            ArbiterClient("ftp://x")

    def test_bearer_key_and_path_prefix(self):
        with FakeServer([(200, {}, OK)]) as fake:
            with ArbiterClient(fake.url + "/arbiter/", api_key="k1") as client:
                client.advantages({"groups": [{"rewards": [1]}]})
        self.assertEqual(fake.requests[0]["headers"]["authorization"], "Bearer k1")
        self.assertEqual(fake.requests[0]["path"], "/arbiter/v1/advantages")


class AsyncRetryTest(unittest.TestCase):
    def test_async_client_retries_with_one_key(self):
        async def run(url):
            async with AsyncArbiterClient(url) as client:
                return await asyncio.gather(*(client.grade(grade_body(["a"])) for _ in range(3)))

        with FakeServer([(503, {"retry-after": "0"}, UNAVAILABLE), (200, {}, OK)]) as fake:
            self.assertEqual(asyncio.run(run(fake.url)), [OK, OK, OK])
        self.assertEqual(len(fake.requests), 4)
        keys = [r["headers"]["idempotency-key"] for r in fake.requests]
        self.assertEqual(len(set(keys)), 3)  # three logical calls, one retried with its own key


if __name__ == "__main__":
    unittest.main()
