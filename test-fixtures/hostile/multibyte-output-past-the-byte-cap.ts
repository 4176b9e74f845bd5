import { SUM_STDIO_TASK, js, type HostileFixture } from './fixture.ts';

/**
 * Stdio: patches RegExp.prototype.exec and String.prototype.charCodeAt so that a byte count built on them would
 * see ASCII, then prints 30,000 three-byte characters: fewer characters than the 64 KiB cap, more bytes.
 */
export const fixture: HostileFixture = {
  task: SUM_STDIO_TASK,
  completion: js("RegExp.prototype.exec = () => null;\nString.prototype.charCodeAt = () => 65;\nprocess.stdout.write('€'.repeat(30000));\nconsole.log(3);"),
  allowed: ['output_limit'],
};
