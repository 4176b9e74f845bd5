// Import direction of STYLE.md ("Layout"): core <- config, advantages, sandboxes <- verifiers <- grading <- worker, cli;
// queue <- worker, api; api sees the Grader interface only. Runs inside `npm test`; any violation fails CI.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'core-is-a-leaf',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^(src/(?!core/)|sandboxes/)' },
    },
    {
      name: 'config-advantages-sandboxes-see-core-only',
      severity: 'error',
      from: { path: '^(src/(config|advantages)/|sandboxes/)' },
      to: { path: '^(src/(?!core/)|sandboxes/)', pathNot: '^src/(config|advantages)/|^sandboxes/' },
    },
    {
      name: 'verifiers-below-grading',
      severity: 'error',
      from: { path: '^src/verifiers/' },
      to: { path: '^src/(grading|queue|worker|api|cli|client)/' },
    },
    {
      name: 'grading-below-ways-in',
      severity: 'error',
      from: { path: '^src/grading/' },
      to: { path: '^src/(queue|worker|api|cli|client)/' },
    },
    {
      name: 'api-sees-the-grader-interface-only',
      severity: 'error',
      from: { path: '^src/api/', pathNot: '^src/api/main\\.ts$' },
      to: { path: '^(src/(verifiers|cli|worker)/|sandboxes/)' },
    },
    {
      name: 'client-has-no-server-imports',
      severity: 'error',
      from: { path: '^src/client/' },
      to: { path: '^(src/(?!core/|client/)|sandboxes/)' },
    },
    {
      name: 'no-orphans-in-src',
      severity: 'warn',
      from: { orphan: true, pathNot: '\\.(test|d)\\.ts$' },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: 'node_modules' },
  },
};
