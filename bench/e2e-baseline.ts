/**
 * The in-process baseline of bench/e2e, run as its own process from an esbuild bundle (as `arbiter serve`
 * runs from dist/), so that it pays what the servers pay and no more: under tsx every Error would map its
 * stack through source maps, which slows the verifiers that throw and catch.
 * Usage: node <bundle>/e2e-baseline.js <requests.json> <threads>  → prints {"seconds": [...], "cpuMs": [...]} (first request: warm-up, not timed; cpuMs: the process's CPU time, all threads).
 */
import { readFileSync } from 'node:fs';
import type { GradeRequest } from '../src/core/schemas/request.ts';
import { createInProcessGrader } from '../src/grading/in-process-grader.ts';

const [file, threads] = process.argv.slice(2);
const requests = JSON.parse(readFileSync(String(file), 'utf8')) as GradeRequest[];
const grader = createInProcessGrader({ threads: Number(threads), completionTimeoutMs: 10_000 });
const seconds: number[] = [];
const cpuMs: number[] = [];
for (const [n, request] of requests.entries()) {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await grader.grade(request);
  const cpu = process.cpuUsage(cpuBefore);
  if (n > 0) {
    seconds.push((performance.now() - started) / 1000);
    cpuMs.push((cpu.user + cpu.system) / 1000);
  }
}
await grader.close();
console.log(JSON.stringify({ seconds, cpuMs }));
