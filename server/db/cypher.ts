/**
 * Cypher lives in cypher/*.cypher, one file per query, named by what it does. This loader reads them
 * once; the names are a closed list so a typo is a type error, and a missing file fails at start.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

export const QUERY_NAMES = [
  'importLeaseHolder',
  'importJobStart',
  'importJobTakeOver',
  'importJobRenew',
  'importJobFinish',
  'importJobFind',
  'importJobsInterrupted',
  'importBatchRecord',
  'importBatchesOfJob',
  'importBatchForget',
  'importTimesOf',
  'importJobList',
  'importBeforeNodes',
  'importBeforeRelationships',
  'importUndoRelationships',
  'importUndoNodes',
  'schema',
  'auditAppend',
  'auditList',
  'factChangeAppend',
  'factChangeList',
  'claimById',
  'claimIdTaken',
  'entityById',
  'entityCreate',
  'entityReplace',
  'sourceGrades',
  'userCreate',
  'userByUsername',
  'userList',
  'userUpdate',
  'userDelete',
  'userLockAdmins',
  'userCount',
  'userSignedIn',
  'userByKey',
  'userKeysMissing',
  'userSetKey',
  'userDirectory',
  'userDeleteHandOver',
  'userDemoteShares',
  'sessionCreate',
  'sessionFind',
  'sessionTouch',
  'sessionEnd',
  'sessionEndAllOfUser',
  'sessionPurgeExpired',
  'serverInfo',
  'countFactions',
  'searchByName',
  'dryRunHeldNodes',
  'dryRunHeldRelationships',
  'sameAsExisting',
  'mergeRead',
  'mergeClaimsOf',
  'claimEndVersions',
  'claimCreateVersions',
  'mergeNodesWrite',
  'matchByName',
  'matchByNeighbours',
  'nodeWithSources',
  'expandNeighbourhood',
  'labelsOfIds',
  'importSources',
  'importNodes',
  'importRelationships',
  'importKnownRelationships',
  'importLock',
  'importUnlock',
  'importTouchingRelationships',
  'importRelationshipTimes',
  'importNodeTimes',
  'importMissingNodeTimes',
  'importMissingRelationshipTimes',
  'nodesByElementId',
  'terminateConsoleRun',
  'terminateConsoleRunById',
  'consoleRunsOnServer',
  'terminateTransactions',
  'nodesExist',
  'shortestPaths',
  'factionById',
  'mergerLineage',
  'relationshipsAmong',
  'searchKeyInputs',
  'setSearchKeys',
  'sourceClaims',
  'entitiesList',
  'investigationCreate',
  'investigationLock',
  'investigationAddRevision',
  'investigationRevision',
  'investigationRevisionList',
  'investigationDelete',
  'investigationUndelete',
  'investigationPurge',
  'investigationSources',
  'investigationNodesNow',
  'investigationEdgesNow',
  'investigationVisible',
  'investigationShareViewerEditors',
  'investigationShare',
  'investigationShareRefusedUsers',
  'investigationAdopt',
  'bulkCounts',
  'bulkEmptyLists',
  'bulkAwaitIndexes',
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

const cache = new Map<QueryName, string>();

export function cypher(name: QueryName): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = expandMarkers(readFileSync(`${CYPHER_DIR}${name}.cypher`, 'utf8'));
    cache.set(name, text);
  }
  return text;
}

/**
 * Transaction time (contract/knownTime.ts), written once: `{{knownOn x}}` in a query file stands for
 * "x was known at $knownUntil" (`recordedAt < $knownUntil <= supersededAt`), and a null $knownUntil
 * for "x is current". A fact without `recordedAt` was known from the start (''), one without
 * `supersededAt` is current ('~', which sorts after every ISO instant, as does a null $knownUntil), so
 * with $knownUntil null the test is `supersededAt IS NULL` in effect. Every query using it takes the
 * parameter `knownUntil` (services pass null when no knownOn was asked).
 */
export const KNOWN_ON_MARKER = /\{\{knownOn ([A-Za-z_][A-Za-z0-9_]*)\}\}/g;

export function expandMarkers(text: string): string {
  return text.replace(
    KNOWN_ON_MARKER,
    (_, x: string) =>
      `(coalesce(${x}.recordedAt, '') < coalesce($knownUntil, '~') AND coalesce($knownUntil, '~') <= coalesce(${x}.supersededAt, '~'))`,
  );
}

/** Statements of a multi-statement file (schema.cypher), split on `;` at the end of a line. */
export function statements(name: QueryName): string[] {
  return cypher(name)
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
    .filter(Boolean);
}

export function loadAllCypher(): void {
  for (const name of QUERY_NAMES) cypher(name);
}
