/** Vitest global setup: one real Neo4j for the whole run, its address provided to the test files. */
import type { TestProject } from 'vitest/node';
import { startTestNeo4j } from './neo4j.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; how: string };
  }
}

export default async function setup(project: TestProject) {
  const neo = await startTestNeo4j();
  project.provide('neo4j', { uri: neo.uri, user: neo.user, password: neo.password, how: neo.how });
  return async () => {
    await neo.dispose();
  };
}
