/**
 * The audit trail's actions in words, for admins who read the trail (the codes of contract/auth.ts
 * AUDIT_ACTIONS stay visible beside them, in small type, for whoever filters the JSON lines export).
 * Pure, so unit tests read it.
 */
import type { AuditAction } from '../../../contract/auth.ts';

const WORDS: Record<AuditAction, string> = {
  'session.signIn': 'Signed in',
  'session.signInFailed': 'Failed to sign in',
  'session.signOut': 'Signed out',
  'session.signInLimited': 'Sign-in refused: too many attempts',
  'session.passwordChange': 'Changed their password',
  'session.passwordChangeFailed': 'Failed to change their password',
  'user.create': 'Created a user',
  'user.update': 'Changed a user',
  'user.delete': 'Deleted a user',
  import: 'Imported into the database',
  'import.start': 'Started a large import (written in batches)',
  'import.rollback': 'Rolled back an import',
  'node.merge': 'Merged a duplicate node into another',
  'node.sameAs': 'Linked two nodes as the same entity',
  'node.add': 'Added a node',
  'node.edit': 'Edited a node',
  'claim.add': 'Added a claim',
  'claim.correct': 'Corrected a claim',
  'claim.retract': 'Retracted a claim',
  'source.add': 'Added a source',
  'source.edit': 'Edited a source',
  'investigation.create': 'Created an investigation',
  'investigation.import': 'Imported an investigation',
  'investigation.save': 'Saved an investigation',
  'investigation.delete': 'Put an investigation in the bin',
  'investigation.undelete': 'Took an investigation out of the bin',
  'investigation.restore': 'Restored an investigation to an old revision',
  'investigation.share': 'Shared an investigation',
};

/** "Shared an investigation" for 'investigation.share'; an unknown code as it is. */
export function auditActionWords(action: string): string {
  return (WORDS as Record<string, string>)[action] ?? action;
}
