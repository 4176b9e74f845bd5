"""The sync and asyncio clients against a real Arbiter server (started by the test)."""
import asyncio
import unittest
import uuid

from tests._support import GOOD, WRONG_FORMATTED, grade_body, shared_server
from arbiter_client import (
    ArbiterClient, AsyncArbiterClient, BadRequestError, NotFoundError, UnprocessableEntityError,
)

server = None


def setUpModule():
    global server
    server = shared_server()


class LiveClientTest(unittest.TestCase):
    def setUp(self):
        self.client = ArbiterClient(server.url)

    def tearDown(self):
        self.client.close()

    def test_grade_round_trip(self):
        out = self.client.grade(grade_body([GOOD, WRONG_FORMATTED, "Lyon"], id="q1"))
        group = out["groups"][0]
        self.assertEqual(group["id"], "q1")
        self.assertEqual([r["status"] for r in group["results"]], ["correct", "incorrect", "incorrect"])
        self.assertEqual([r["reward"] for r in group["results"]], [2, 1, 0])
        self.assertEqual(group["results"][0]["components"], {"accuracy": 1, "format": 1})
        self.assertGreater(group["results"][0]["advantage"], 0)
        self.assertEqual(group["stats"]["count"], 3)
        self.assertEqual(out["advantage"]["preset"], "trl")

    def test_submit_get_stream(self):
        request = {"groups": [grade_body([GOOD, "x"], id="a")["groups"][0], grade_body(["Paris"], id="b")["groups"][0]],
                   "advantage": {"preset": "verl"}}
        accepted = self.client.submit(request)
        self.assertEqual(set(accepted), {"id", "status_url", "events_url"})
        events = list(self.client.stream(accepted["id"]))
        self.assertEqual([e.event for e in events], ["group", "group", "done"])
        indices = sorted(e.json()["index"] for e in events[:2])
        self.assertEqual(indices, [0, 1])
        self.assertEqual(events[-1].json(), {"status": "completed"})
        by_index = {e.json()["index"]: e.json()["result"] for e in events[:2]}
        self.assertEqual(by_index[0]["id"], "a")
        view = self.client.get(accepted["id"])
        self.assertEqual(view["status"], "completed")
        self.assertEqual(view["progress"], {"groups_done": 2, "groups_total": 2})
        self.assertEqual(view["result"]["groups"][0], by_index[0])
        # Resuming after the first event replays only the rest.
        rest = list(self.client.stream(accepted["id"], last_event_id=events[0].id))
        self.assertEqual([e.event for e in rest], ["group", "done"])
        # A finished job keeps its status when cancelled.
        self.assertEqual(self.client.cancel(accepted["id"])["status"], "completed")
        self.assertEqual(self.client.wait(accepted["id"]), view["result"])

    def test_invalid_request_is_bad_request_with_problems(self):
        body = {"groups": [{"task": {"type": "text"}, "completions": [1]}], "rewardz": {}}
        with self.assertRaises(BadRequestError) as ctx:
            self.client.grade(body)
        err = ctx.exception
        self.assertEqual((err.status_code, err.code), (400, "REQUEST_INVALID"))
        self.assertTrue(err.request_id)
        paths = {p["path"] for p in err.problems}
        self.assertEqual(paths, {"rewardz", "groups[0].task.answer", "groups[0].completions[0]"})

    def test_unknown_job_is_not_found(self):
        for call in (self.client.get, self.client.cancel, lambda i: list(self.client.stream(i))):
            with self.assertRaises(NotFoundError) as ctx:
                call("no-such-job")
            self.assertEqual(ctx.exception.code, "JOB_NOT_FOUND")

    def test_idempotency_key_same_job_and_reuse_error(self):
        key = str(uuid.uuid4())
        first = self.client.submit(grade_body(["Paris"]), idempotency_key=key)
        second = self.client.submit(grade_body(["Paris"]), idempotency_key=key)
        self.assertEqual(first["id"], second["id"])
        with self.assertRaises(UnprocessableEntityError) as ctx:
            self.client.submit(grade_body(["Lyon"]), idempotency_key=key)
        self.assertEqual(ctx.exception.code, "IDEMPOTENCY_KEY_REUSED")

    def test_advantages(self):
        out = self.client.advantages({"groups": [{"id": "g", "rewards": [1, 0, None]}], "advantage": {"preset": "trl"}})
        advs = out["groups"][0]["advantages"]
        self.assertAlmostEqual(advs[0], -advs[1], places=9)
        self.assertEqual(advs[2], 0)

    def test_get_reward(self):
        out = self.client.get_reward(["Q: " + GOOD], ["Q: "], ["Paris"])
        self.assertEqual(out["rewards"], [2])


class AsyncLiveTest(unittest.TestCase):
    def test_async_grade_submit_stream(self):
        async def run():
            async with AsyncArbiterClient(server.url) as client:
                graded = await asyncio.gather(*(client.grade(grade_body([GOOD, "Lyon"], id="g%d" % i)) for i in range(4)))
                job = await client.submit(grade_body([GOOD]))
                events = [e.event async for e in client.stream(job["id"])]
                return graded, events, await client.get(job["id"])

        graded, events, view = asyncio.run(run())
        self.assertEqual([g["groups"][0]["id"] for g in graded], ["g0", "g1", "g2", "g3"])
        self.assertEqual(events, ["group", "done"])
        self.assertEqual(view["status"], "completed")


if __name__ == "__main__":
    unittest.main()
