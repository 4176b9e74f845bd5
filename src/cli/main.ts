/** Entry point of the `arbiter` command (bin/arbiter.js, `npm run arbiter`, `npm start`). */
import { buildProgram, exitCodeOf } from './program.ts';

// `arbiter grade in.jsonl | head`: the reader closing the pipe ends the run quietly, as for any filter.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeOf(error, process.stderr);
}
