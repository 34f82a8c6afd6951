import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    allowOnly: !process.env.CI,
    projects: [
      {
        // Pure code, in this process: anything slower than a few seconds is a bug.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 10_000 },
      },
      {
        // Generated inputs against the parser's promises (`npm run fuzz` runs more of them).
        test: { name: 'property', include: ['tests/property/**/*.test.ts'], testTimeout: 120_000 },
      },
      {
        // Child processes: real `astro build`s and `npm run check`, on a 2-core machine.
        test: {
          name: 'processes',
          include: ['tests/processes/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
