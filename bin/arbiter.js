#!/usr/bin/env node
// The `arbiter` command: runs the TypeScript sources through tsx (no build step between checkout and run).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
