"""Client overhead of one 16-completion group round trip to a local embedded Arbiter server.

Method. The bar is "p50 < 10 ms beyond the grading time itself". Per iteration we time, in the same
process, over the same keep-alive connection:

  A. ``client.grade(request)``: one group of 16 text completions (R1 accuracy + format), end to end
     (client serialisation, HTTP, server validation, worker-thread grading, response, parsing);
  B. the same POST /v1/grade sent by a bare ``http.client`` connection with pre-serialised bytes and no
     parsing: the server's time plus the irreducible network cost (the floor any client pays).
  C. ``client.advantages`` on 16 rewards (POST /v1/advantages, no grading): the 0-grading baseline of
     our client, so A - C approximates the grading time alone.

Client overhead = A - B (everything our client adds: JSON encoding/decoding, headers, idempotency key,
retry bookkeeping). We report p50 of A, B, C, the p50 of the paired per-iteration differences A - B,
and A - C (client + HTTP + routing beyond grading: the strictest reading of the bar). The server
(``node bin/arbiter.js serve``, ARBITER_THREADS=1) is started here unless ``--url`` is given.

Run from the repository root: ``python3 clients/python/bench_overhead.py [--iterations 300] [--json out.json]``.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from arbiter_client import ArbiterClient  # noqa: E402

GOOD = "<think>\nThe capital of France is Paris, of course.\n</think>\n<answer>\nParis\n</answer>"


def request_body():
    completions = [GOOD if i % 3 else "<think>\nhmm\n</think>\n<answer>\nLyon\n</answer>" for i in range(16)]
    return {"groups": [{"id": "bench", "prompt": "What is the capital of France?",
                        "task": {"type": "text", "answer": "Paris"}, "completions": completions}],
            "rewards": {"accuracy": 1, "format": 1}, "advantage": {"preset": "trl"}}


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="an already running server (default: start one)")
    parser.add_argument("--iterations", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--json", help="write the figures here")
    args = parser.parse_args()

    server = None
    url = args.url
    if url is None:
        sys.path.insert(0, os.path.join(HERE, "tests"))
        from tests._support import ArbiterServer  # noqa: E402
        server = ArbiterServer().start()
        url = server.url
    try:
        client = ArbiterClient(url)
        body = request_body()
        raw = json.dumps(body, separators=(",", ":")).encode()
        adv = {"groups": [{"id": "bench", "rewards": [float(i % 3 != 0) * 2 for i in range(16)]}], "advantage": {"preset": "trl"}}
        host, port = url.split("//", 1)[1].split(":")
        bare = http.client.HTTPConnection(host, int(port.rstrip("/")))

        def bare_grade():
            bare.request("POST", "/v1/grade", body=raw, headers={"content-type": "application/json"})
            resp = bare.getresponse()
            data = resp.read()
            assert resp.status == 200, data[:200]

        a, b, c = [], [], []
        for i in range(args.warmup + args.iterations):
            t0 = time.perf_counter()
            out = client.grade(body)
            t1 = time.perf_counter()
            bare_grade()
            t2 = time.perf_counter()
            client.advantages(adv)
            t3 = time.perf_counter()
            assert len(out["groups"][0]["results"]) == 16
            if i >= args.warmup:
                a.append((t1 - t0) * 1e3)
                b.append((t2 - t1) * 1e3)
                c.append((t3 - t2) * 1e3)
        client.close()
        bare.close()
    finally:
        if server is not None:
            server.stop()

    diff_ab = [x - y for x, y in zip(a, b)]
    diff_ac = [x - y for x, y in zip(a, c)]
    figures = {
        "iterations": args.iterations,
        "client_grade_ms": {"p50": pct(a, 0.5), "p90": pct(a, 0.9), "p99": pct(a, 0.99)},
        "bare_http_grade_ms": {"p50": pct(b, 0.5), "p90": pct(b, 0.9)},
        "client_advantages_ms": {"p50": pct(c, 0.5), "p90": pct(c, 0.9)},
        "client_overhead_ms_p50": statistics.median(diff_ab),
        "client_overhead_ms_p90": pct(diff_ab, 0.9),
        "zero_grading_round_trip_ms_p50": pct(c, 0.5),
        "grade_minus_advantages_ms_p50": statistics.median(diff_ac),
    }
    print(json.dumps(figures, indent=2))
    bar = figures["client_overhead_ms_p50"]
    print("client overhead beyond the server's time (p50): %.3f ms  (bar: < 10 ms)  %s"
          % (bar, "PASS" if bar < 10 else "FAIL"))
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(figures, fh, indent=2)
    return 0 if bar < 10 else 1


if __name__ == "__main__":
    sys.exit(main())
