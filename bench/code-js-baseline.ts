/**
 * The bare isolated-vm cost of a batch of runs, for bench/code-js.ts (run as its child): the same programs and inputs, one fresh
 * context per completion, no supervisor, no prelude, no limits beyond the isolate's timeout. Run as a child
 * (`--no-node-snapshot`); receives `{ kind, source, inputs, completions, distinct? }` and answers `{ perSecond }`.
 * With `distinct`, every completion's source gets a unique comment, so nothing compiled is reused between them.
 */
import ivm from 'isolated-vm';

interface BaselineJob {
  readonly kind: 'call' | 'stdio';
  readonly source: string;
  /** call: JSON of the argument list; stdio: the standard input. */
  readonly inputs: readonly string[];
  readonly completions: number;
  readonly distinct?: boolean;
}

function runBatch(job: BaselineJob): number {
  let isolate = new ivm.Isolate({ memoryLimit: 128 });
  const started = performance.now();
  for (let i = 0; i < job.completions; i++) {
    // Released contexts are reclaimed lazily; like the runner, replace the isolate every 200 completions.
    if (i > 0 && i % 200 === 0) {
      isolate.dispose();
      isolate = new ivm.Isolate({ memoryLimit: 128 });
    }
    const context = isolate.createContextSync();
    const source = job.distinct === true ? `${job.source}\n// completion ${i}` : job.source;
    if (job.kind === 'call') {
      context.evalSync(source, { timeout: 1000 });
      for (const args of job.inputs) context.evalSync(`JSON.stringify(solve(...${args}))`, { timeout: 1000 });
    } else {
      const script = isolate.compileScriptSync(`(function (input, print) {${source}\n})`);
      const main = script.runSync(context, { reference: true }) as ivm.Reference;
      context.evalSync('globalThis.out = ""; globalThis.print = (s) => { out += s + "\\n"; }');
      const print = context.global.getSync('print', { reference: true }) as ivm.Reference;
      for (const input of job.inputs) {
        main.applySync(undefined, [input, print.derefInto()], { timeout: 1000 });
        context.evalSync('(() => { const o = out; out = ""; return o; })()');
      }
      main.release();
      print.release();
      script.release();
    }
    context.release();
  }
  const seconds = (performance.now() - started) / 1000;
  isolate.dispose();
  return job.completions / seconds;
}

if (process.send !== undefined) {
  process.on('message', (job: BaselineJob) => {
    process.send?.({ perSecond: runBatch(job) }, () => process.disconnect());
  });
}
