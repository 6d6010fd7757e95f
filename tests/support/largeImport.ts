/**
 * Generated import files larger than one UNWIND batch or one committed batch: a chain of brigades, each
 * a member of the next, every link dated and cited. Valid by construction, connected, deterministic.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { inject } from 'vitest';

/** A file with more relationships than one UNWIND batch: a chain of `count` brigades, each a member of the next. */
export function largeFile(relationships: number, prefix = 'generated') {
  const brigades = relationships + 1;
  const id = (i: number) => `${prefix}-brigade-${i}`;
  return {
    sources: [{ id: `${prefix}-register`, name: 'Generated register', title: null }],
    nodes: Array.from({ length: brigades }, (_, i) => ({
      label: 'Faction',
      id: id(i),
      name: `Generated Brigade ${i}`,
      kind: 'armed group',
      sources: [`${prefix}-register`],
    })),
    relationships: Array.from({ length: relationships }, (_, i) => ({
      id: `${id(i)}-member-of-${id(i + 1)}`,
      type: 'MEMBER_OF',
      source: id(i),
      target: id(i + 1),
      from: `${2000 + (i % 20)}`,
      sources: [`${prefix}-register`],
    })),
  };
}

/**
 * `npm run import -- FILE` as its own process against the run's Neo4j, with a short lease (so its
 * death is noticed soon) and small batches: what a test kills to cut an import off between batches.
 */
export function startImportCli(
  path: string,
  { leaseMs, commitRows }: { leaseMs: number; commitRows: number },
): ChildProcess {
  const { uri, user, password } = inject('neo4j');
  return spawn(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', path], {
    env: {
      ...process.env,
      NEO4J_URI: uri,
      NEO4J_USER: user,
      NEO4J_PASSWORD: password,
      IMPORT_LEASE_MS: String(leaseMs),
      IMPORT_COMMIT_ROWS: String(commitRows),
    },
    stdio: 'ignore',
  });
}
