import { defineConfig } from 'vitest/config';

// Three kinds of tests (tests/README.md): unit tests need nothing; integration and end-to-end tests
// share one real Neo4j started by the global setup, and run one file at a time because they share it.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/globalNeo4j.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      {
        // Faults, floods and hostile input against the real Neo4j (and Neo4j processes of their own to
        // kill). `npm test` runs the short version; `npm run test:resilience` the long one.
        test: {
          name: 'resilience',
          include: ['tests/resilience/**/*.test.ts'],
          // After the others, not beside them: it kills Neo4j processes and floods its own app, and on two
          // cores that load would make the other projects' browser and database slow for no reason.
          sequence: { groupOrder: 1 },
          globalSetup: ['tests/support/globalNeo4j.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/globalNeo4j.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
