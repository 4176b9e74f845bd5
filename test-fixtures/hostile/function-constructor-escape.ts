import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Climbs to the Function constructor to reach the host process and its require. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("const real = ({}).constructor.constructor('return this')();\nconst host = real.process.mainModule.require('child_process');\nfunction add(a, b) { return host.execSync('echo 3').toString(); }"),
  allowed: ['runtime_error'],
};
