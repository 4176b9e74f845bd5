"""The verl and OpenRLHF adapters with the reference call shapes, also loaded by file path as the
trainers load them."""
import asyncio
import importlib.util
import inspect
import math
import os
import unittest
from unittest import mock

from tests._support import GOOD, PACKAGE_ROOT, shared_server
from arbiter_client import verl
from arbiter_client.openrlhf import reward_func

server = None
DEAD = "http://127.0.0.1:9"
KEYS = ["score", "acc", "pred", "accuracy", "format", "unscorable", "status"]
VERL_NOISE = dict(reward_router_address=None, reward_model_tokenizer=None, sandbox_fusion_url=None,
                  concurrent_semaphore=None, memory_limit_mb=1024)


def setUpModule():
    global server
    server = shared_server()


def load_by_path(name):
    """importlib from a file, as verl's get_custom_reward_fn and OpenRLHF's remote_url=*.py do."""
    path = os.path.join(str(PACKAGE_ROOT), "arbiter_client", name)
    spec = importlib.util.spec_from_file_location("custom_module_" + name[:-3], path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_clean(test, row, keys=KEYS):
    test.assertEqual(list(row), keys)
    for key, value in row.items():
        test.assertIsNotNone(value, key)
        if isinstance(value, float):
            test.assertTrue(math.isfinite(value), key)
        else:
            test.assertIsInstance(value, str, key)


class VerlTest(unittest.TestCase):
    def test_keyword_and_positional(self):
        kw = verl.compute_score(data_source="trivia", solution_str=GOOD, ground_truth="Paris",
                                extra_info={"index": 3, "split": "train"}, base_url=server.url, **VERL_NOISE)
        pos = verl.compute_score("trivia", GOOD, "Paris", {"index": 3}, base_url=server.url)
        self.assertEqual(kw, pos)
        self.assertEqual(kw, {"score": 2.0, "acc": 1.0, "pred": "Paris", "accuracy": 1.0, "format": 1.0,
                              "unscorable": 0.0, "status": "correct"})
        assert_clean(self, kw)

    def test_same_keys_for_every_sample_never_none(self):
        cases = [
            ("t", "Lyon", "Paris", None),                              # incorrect
            ("t", "", "Paris", None),                                  # empty
            ("t", "x", "", None),                                      # invalid_reference: unscorable
            ("t", "x", None, None),                                    # no reference at all
            ("t", "(B)", {"answer": "B", "choices": ["x", "y"]}, {}),  # dict ground truth as a task
            ("t", "B", "ignored", {"task": {"type": "text", "answer": "B"}}),  # task in extra_info
        ]
        rows = [verl.compute_score(*c, base_url=server.url, fallback_score=-1.0) for c in cases]
        for row in rows:
            assert_clean(self, row)
        self.assertEqual([r["status"] for r in rows],
                         ["incorrect", "no_answer", "invalid_reference", "invalid_reference", "correct", "correct"])
        self.assertEqual(rows[2]["score"], -1.0)
        self.assertEqual(rows[3]["score"], -1.0)

    def test_unreachable_never_raises(self):
        with self.assertLogs("arbiter_client.verl", "WARNING"):
            row = verl.compute_score("t", GOOD, "Paris", None, base_url=DEAD, max_retries=0)
        assert_clean(self, row)
        self.assertEqual((row["score"], row["status"], row["unscorable"]), (0.0, "client_error", 1.0))
        with mock.patch.dict(os.environ, {"ARBITER_FALLBACK_SCORE": "-0.5"}), self.assertLogs("arbiter_client.verl"):
            self.assertEqual(verl.compute_score("t", GOOD, "Paris", base_url=DEAD, max_retries=0)["score"], -0.5)

    def test_batch_one_request_and_custom_rewards(self):
        before = server.metric("/v1/grade")
        rows = verl.compute_score_batch(
            data_sources=["t"] * 4, solution_strs=[GOOD, "Lyon", GOOD, "x"], ground_truths=["Paris", "Paris", "Rome", "Rome"],
            extra_infos=[{"index": 0}, {"index": 0}, {"index": 1}, {"index": 1}], base_url=server.url,
            rewards='{"accuracy": 1, "repetition": 1}', **VERL_NOISE)
        self.assertEqual(server.metric("/v1/grade") - before, 1)
        keys = ["score", "acc", "pred", "accuracy", "repetition", "unscorable", "status"]
        for row in rows:
            assert_clean(self, row, keys)
        self.assertEqual([r["acc"] for r in rows], [1.0, 0.0, 0.0, 0.0])

    def test_async_and_load_by_path(self):
        self.assertTrue(inspect.iscoroutinefunction(verl.compute_score_async))
        row = asyncio.run(verl.compute_score_async("t", GOOD, "Paris", None, base_url=server.url))
        self.assertEqual(row["score"], 2.0)
        module = load_by_path("verl.py")
        self.assertEqual(module.compute_score("t", GOOD, "Paris", None, base_url=server.url), row)


class OpenRLHFTest(unittest.TestCase):
    def test_reward_func_shape_and_echoed_prompt(self):
        prompt = "<|im_start|>user\nCapital of France?<|im_end|>\n<|im_start|>assistant\n"
        out = reward_func([prompt + GOOD + "<|im_end|>", prompt + "Lyon"], [prompt, prompt], ["Paris", "Paris"],
                          base_url=server.url)
        self.assertEqual(out["rewards"], [2.0, 0.0])  # format 1: the echoed prompt and <|im_end|> were removed
        self.assertEqual(out["scores"], [1.0, 0.0])
        self.assertEqual(set(out["extra_logs"]), {"accuracy", "format", "correct", "unscorable", "client_error"})
        for values in out["extra_logs"].values():
            self.assertEqual(len(values), 2)
            self.assertTrue(all(isinstance(v, float) and math.isfinite(v) for v in values))
        self.assertEqual(reward_func([], [], []), {"rewards": [], "scores": [], "extra_logs": {}})

    def test_by_path_and_fallback_with_the_same_keys(self):
        module = load_by_path("openrlhf.py")
        ok = module.reward_func(["Q " + GOOD], ["Q "], ["Paris"], base_url=server.url)
        with mock.patch.dict(os.environ, {"ARBITER_FALLBACK_REWARD": "-1"}), self.assertLogs("arbiter_client.openrlhf"):
            bad = module.reward_func(["Q " + GOOD], ["Q "], ["Paris"], base_url=DEAD, max_retries=0)
        self.assertEqual(bad["rewards"], [-1.0])
        self.assertEqual(set(bad["extra_logs"]), set(ok["extra_logs"]))
        self.assertEqual(bad["extra_logs"]["client_error"], [1.0])


if __name__ == "__main__":
    unittest.main()
