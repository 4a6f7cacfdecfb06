import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileKernel, KERNELS, kernelModule } from '../../scripts/buildKernels';

describe('the WebAssembly kernels', () => {
  it.each(KERNELS)(
    '$output holds what $source compiles to (run `npm run build:kernels` if not)',
    async ({ source, output, constant }) => {
      const bytes = await compileKernel(source);
      expect(WebAssembly.validate(new Uint8Array(bytes))).toBe(true);
      expect(readFileSync(output, 'utf8')).toBe(kernelModule(constant, source, bytes));
    },
    60_000,
  );
});
