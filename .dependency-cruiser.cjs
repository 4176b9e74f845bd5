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
    // The SDK (src/client) ships to trainers: no server code (api, queue, worker, grading, verifiers, …), no
    // Node built-ins, and from src/core only types (`import type` is erased: no TypeBox at run time). Its
    // tests may start a real server through test-fixtures/ and compare types with the API's, never import its code.
    {
      name: 'client-has-no-server-imports',
      severity: 'error',
      from: { path: '^src/client/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(src/(?!core/|client/)|sandboxes/)' },
    },
    {
      name: 'client-tests-see-server-types-only',
      severity: 'error',
      from: { path: '^src/client/.+\\.test\\.ts$' },
      to: { path: '^(src/(api|queue|worker|grading|verifiers|cli|config|advantages)/|sandboxes/)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'client-takes-only-types-from-core',
      severity: 'error',
      from: { path: '^src/client/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/core/', dependencyTypesNot: ['type-only'] },
    },
    {
      // Packages are out of sight here (node_modules is excluded from the cruise): src/client/standalone.test.ts
      // bundles the SDK for a neutral platform and checks that nothing but src/client is in it.
      name: 'client-uses-no-node-built-ins',
      severity: 'error',
      from: { path: '^src/client/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'], dependencyTypesNot: ['type-only'] },
    },
    {
      // bench/code-js-baseline.ts is run as a child process by bench/code-js.ts: nothing imports it.
      name: 'no-orphans-in-src',
      severity: 'warn',
      from: { orphan: true, pathNot: ['\\.(test|d)\\.ts$', '^bench/code-js-baseline\\.ts$'] },
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
