"""The TRL adapter with TRL's exact call shapes (keyword-only, plain and conversational, partial groups)."""
import asyncio
import functools
import inspect
import math
import pickle
import unittest

from tests._support import GOOD, WRONG_FORMATTED, shared_server
from arbiter_client import trl as arbiter_trl
from arbiter_client.trl import ArbiterReward, BATCH_CACHE, arbiter_reward_async, async_reward_func, reward_funcs

server = None
G = 4


def setUpModule():
    global server
    server = shared_server()


def task_from_row(row):  # module-level: picklable
    return {"type": "text", "answer": row["solution"]}


class State:
    global_step = 7


class TRLAdapterTest(unittest.TestCase):
    def setUp(self):
        BATCH_CACHE.clear()

    def batch(self, conversational=False):
        prompts = ["What is the capital of France?"] * G + ["Capital of Italy?"] * G
        texts = [GOOD, WRONG_FORMATTED, "Paris", "no idea", "<think>\nx\n</think>\n<answer>\nRome\n</answer>", "Rome", "Milan", GOOD]
        solution = ["Paris"] * G + ["Rome"] * G
        if conversational:
            prompts = [[{"role": "user", "content": p}] for p in prompts]
            completions = [[{"role": "assistant", "content": t}] for t in texts]
        else:
            completions = texts
        return dict(prompts=prompts, completions=completions, completion_ids=[[1] * (i + 1) for i in range(2 * G)],
                    solution=solution, trainer_state=State())

    def test_keyword_call_plain_and_conversational_give_the_same_floats(self):
        reward = ArbiterReward("reward", base_url=server.url)
        plain = reward(**self.batch())
        conv = reward(**self.batch(conversational=True))
        self.assertEqual(plain, [2.0, 1.0, 1.0, 0.0, 2.0, 1.0, 0.0, 1.0])
        self.assertEqual(conv, plain)
        self.assertTrue(all(isinstance(v, float) for v in plain))

    def test_components_share_one_request_per_batch(self):
        acc, fmt = reward_funcs(["accuracy", "format"], base_url=server.url)
        self.assertEqual((acc.__name__, fmt.__name__), ("arbiter_accuracy", "arbiter_format"))
        before = server.metric("/v1/grade")
        kwargs = self.batch()
        a = acc(**kwargs)
        f = fmt(**kwargs)
        self.assertEqual(server.metric("/v1/grade") - before, 1)
        self.assertEqual(a, [1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0])
        self.assertEqual(f, [1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0])
        # The next batch is a new request.
        kwargs["completions"] = list(reversed(kwargs["completions"]))
        acc(**kwargs)
        fmt(**kwargs)
        self.assertEqual(server.metric("/v1/grade") - before, 2)

    def test_concurrent_components_wait_for_the_request_in_flight(self):
        funcs = reward_funcs(["accuracy", "format"], base_url=server.url)
        before = server.metric("/v1/grade")
        kwargs = self.batch()

        async def run():
            return await asyncio.gather(*(arbiter_reward_async(reward=f, **kwargs) for f in funcs))

        a, f = asyncio.run(run())
        self.assertEqual(server.metric("/v1/grade") - before, 1)
        self.assertEqual(a[0], 1.0)
        self.assertEqual(f[3], 0.0)

    def test_request_shape_groups_and_num_tokens(self):
        reward = ArbiterReward("reward", num_generations=2)
        b = self.batch()
        request, where = reward.build_request(b["prompts"], b["completions"], b["completion_ids"], step=3,
                                              columns={"solution": b["solution"], "step": [0] * 8})
        self.assertEqual(len(request["groups"]), 4)  # runs of 4 identical prompts cut every 2
        self.assertEqual([len(g["completions"]) for g in request["groups"]], [2, 2, 2, 2])
        self.assertEqual(request["groups"][0]["completions"][1], {"text": WRONG_FORMATTED, "num_tokens": 2})
        self.assertEqual(request["groups"][0]["task"], {"type": "text", "answer": "Paris"})
        self.assertTrue(request["groups"][0]["id"].startswith("s3-"))
        self.assertNotEqual(request["groups"][0]["id"], request["groups"][1]["id"])
        self.assertEqual(where[5], (2, 1))
        self.assertNotIn("rewards", request)

    def test_partial_group_across_two_ranks(self):
        # G = 4, per-device batch 2: rank 0 holds the first half of the group, rank 1 the second.
        reward = ArbiterReward("accuracy", base_url=server.url)
        full = self.batch()
        rank0 = {k: (v[:2] if isinstance(v, list) else v) for k, v in full.items()}
        rank1 = {k: (v[2:4] if isinstance(v, list) else v) for k, v in full.items()}
        self.assertEqual(reward(**rank0) + reward(**rank1), reward(**{k: (v[:4] if isinstance(v, list) else v) for k, v in full.items()}))

    def test_group_barrier_gives_both_ranks_whole_group_advantages(self):
        # G = 4, per-device batch 2, two ranks calling at once: without the barrier each rank's half
        # would be normalised alone; with it both get the advantages of the whole group.
        import threading

        full = self.batch()
        whole = ArbiterReward("advantage", base_url=server.url)(**{k: (v[:4] if isinstance(v, list) else v) for k, v in full.items()})
        alone = ArbiterReward("advantage", base_url=server.url)(**{k: (v[:2] if isinstance(v, list) else v) for k, v in full.items()})
        results = {}

        def rank(index):
            reward = ArbiterReward("advantage", base_url=server.url, num_generations=G, group_barrier=True, process_index=index, barrier_wait_ms=20000)
            part = {k: (v[2 * index:2 * index + 2] if isinstance(v, list) else v) for k, v in full.items()}
            request, _ = reward.build_request(part["prompts"], part["completions"], step=7, columns={"solution": part["solution"]})
            results[index] = (request["groups"][0]["group"], reward(**part))

        threads = [threading.Thread(target=rank, args=(i,)) for i in (0, 1)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        self.assertEqual(results[0][0]["offset"], 0)
        self.assertEqual(results[1][0]["offset"], 2)
        self.assertEqual(results[0][0]["id"], results[1][0]["id"])
        self.assertEqual(results[0][1] + results[1][1], whole)
        self.assertNotEqual(alone, whole[:2])

    def test_group_barrier_needs_num_generations_and_a_step(self):
        with self.assertRaises(ValueError):
            ArbiterReward("reward", group_barrier=True)
        reward = ArbiterReward("reward", base_url=server.url, num_generations=G, group_barrier=True)
        with self.assertRaises(ValueError):
            reward.build_request(["p"] * 2, ["a", "b"], step=None, columns={"solution": ["x", "x"]})

    def test_unscorable_and_missing_task_are_none_and_logging(self):
        logged_metrics, logged_extra = {}, {}
        reward = ArbiterReward("reward", base_url=server.url)
        out = reward(prompts=["p", "p", "q"], completions=["a", "b", "c"], solution=["", "", None],
                     log_metric=lambda k, v: logged_metrics.__setitem__(k, v),
                     log_extra=lambda k, v: logged_extra.__setitem__(k, v))
        self.assertEqual(out, [None, None, None])
        self.assertEqual(logged_extra["arbiter_status"], ["invalid_reference", "invalid_reference", "no_task"])
        self.assertEqual(logged_metrics["arbiter/unscorable_frac"], 1.0)
        self.assertIn("arbiter/call_ms", logged_metrics)

    def test_task_builder_task_column_and_unknown_kwargs(self):
        reward = ArbiterReward("accuracy", base_url=server.url, task_builder=task_from_row)
        out = reward(prompts=["p"] * 2, completions=["Paris", "Lyon"], solution=["Paris"] * 2, environments=None, foo=[1, 2],
                     step=[1, 2], columns=None)  # dataset columns may be named anything
        self.assertEqual(out, [1.0, 0.0])
        by_column = ArbiterReward("accuracy", base_url=server.url)
        out = by_column(prompts=["p"] * 2, completions=["(B)", "A"], task=[{"answer": "B", "choices": ["x", "y"]}] * 2)
        self.assertEqual(out, [1.0, 0.0])

    def test_on_error(self):
        dead = "http://127.0.0.1:9"
        with self.assertRaises(Exception):
            ArbiterReward("reward", base_url=dead, max_retries=0)(prompts=["p"], completions=["a"], solution=["a"])
        self.assertEqual(ArbiterReward("reward", base_url=dead, max_retries=0, on_error="none")(
            prompts=["p"], completions=["a"], solution=["a"]), [None])

    def test_picklable_and_names(self):
        reward = ArbiterReward("format", base_url=server.url, task_builder=task_from_row)
        clone = pickle.loads(pickle.dumps(reward))
        self.assertEqual(clone.__name__, "arbiter_format")
        self.assertEqual(clone(prompts=["p"], completions=[GOOD], solution=["Paris"]), [1.0])
        with self.assertRaises(ValueError):
            ArbiterReward("language")  # not in the default reward configuration

    def test_async_variant_is_detected_by_trl_test(self):
        self.assertFalse(inspect.iscoroutinefunction(ArbiterReward()))  # the trap
        func = async_reward_func("reward", base_url=server.url)
        self.assertIsInstance(func, functools.partial)
        self.assertTrue(inspect.iscoroutinefunction(func))
        func = pickle.loads(pickle.dumps(func))
        out = asyncio.run(func(prompts=["p"] * 2, completions=[GOOD, "Lyon"], solution=["Paris"] * 2))
        self.assertEqual(out, [2.0, 0.0])
        self.assertFalse(any(isinstance(v, float) and math.isnan(v) for v in out))
        self.assertIs(arbiter_trl.arbiter_reward_async, arbiter_reward_async)


if __name__ == "__main__":
    unittest.main()
