"""A server with ARBITER_API_KEYS, and ARBITER_GRADE_WAIT_MS=0 so that POST /v1/grade answers 202."""
import json
import unittest
import urllib.request
from unittest import mock

from tests._support import GOOD, ArbiterServer, grade_body
from arbiter_client import ArbiterClient, AuthenticationError, NotFoundError

server = None


def setUpModule():
    global server
    server = ArbiterServer(ARBITER_API_KEYS="key-one,key-two", ARBITER_GRADE_WAIT_MS="0").start()


def tearDownModule():
    if server is not None:
        server.stop()


class AuthTest(unittest.TestCase):
    def test_missing_and_invalid_keys(self):
        for key, code in ((None, "AUTH_MISSING"), ("wrong", "AUTH_INVALID")):
            with ArbiterClient(server.url, key) as client:
                client.api_key = key  # no env fallback in this test
                with self.assertRaises(AuthenticationError) as ctx:
                    client.grade(grade_body([GOOD]))
            self.assertEqual((ctx.exception.status_code, ctx.exception.code), (401, code))
            self.assertTrue(ctx.exception.request_id)

    def test_valid_key_and_job_ownership(self):
        with ArbiterClient(server.url, "key-one") as one, ArbiterClient(server.url, "key-two") as two:
            job = one.submit(grade_body([GOOD]))
            self.assertEqual(one.wait(job["id"])["groups"][0]["results"][0]["status"], "correct")
            with self.assertRaises(NotFoundError):
                two.get(job["id"])

    def test_grade_follows_a_202_to_the_result(self):
        big = {"groups": [grade_body([GOOD, "Lyon"] * 8, id="g%d" % i)["groups"][0] for i in range(300)]}
        raw = urllib.request.Request(
            server.url + "/v1/grade", data=json.dumps(big).encode(),
            headers={"content-type": "application/json", "authorization": "Bearer key-one"}, method="POST")
        with urllib.request.urlopen(raw) as resp:
            self.assertEqual(resp.status, 202)  # the path the client must follow
        with ArbiterClient(server.url, "key-one") as client, mock.patch.object(client, "wait", wraps=client.wait) as wait:
            out = client.grade(big)
        wait.assert_called_once()
        self.assertEqual(len(out["groups"]), 300)
        self.assertEqual(out["groups"][299]["id"], "g299")
        self.assertEqual([r["reward"] for r in out["groups"][0]["results"]], [2, 0] * 8)


if __name__ == "__main__":
    unittest.main()
