import { SUM_STDIO_TASK, js, type HostileFixture } from './fixture.ts';

/** Stdio: prints one 50 MB line. */
export const fixture: HostileFixture = {
  task: SUM_STDIO_TASK,
  completion: js("process.stdout.write('3'.repeat(50 * 1024 * 1024));"),
  allowed: ['output_limit', 'memory_limit'],
};
