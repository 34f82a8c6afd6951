import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // The build test runs `astro build` twice; give it room on a 2-core machine.
    testTimeout: 120_000,
    allowOnly: !process.env.CI,
  },
});
