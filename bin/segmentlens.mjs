#!/usr/bin/env node
// The command line runs the TypeScript core directly (through tsx), so `npx segmentlens`
// works right after `npm install`, with no build step to remember.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
