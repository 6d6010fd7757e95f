/**
 * Who may open an investigation besides its owner: its shares, which only the owner sets, and the
 * handing over of the local user's investigations to the first admin when sign-in is turned on.
 *
 * Shares are stored on the (:Investigation) node as two lists of usernames, `readers` and `editors`
 * ('*' in either: everyone signed in), so the one access rule (cypher/investigationVisible.cypher) is a
 * list membership test.
 */
import type { Node } from 'neo4j-driver';
import type { z } from 'zod';
import type { Share, sharesRequest } from '../../contract/auth.ts';
import type { InvestigationSummary } from '../../contract/investigation.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from './audit.ts';
import { lockForSave, requireWriter, runFor, summaryOf, viewerOf } from './investigationRecords.ts';

export type SharesRequest = z.output<typeof sharesRequest>;

/**
 * Replaces the shares of investigation `id` with `request.shares` and answers its summary (with every
 * share, as its owner sees them). Only the owner shares. Every username but '*' must name a user.
 * Throws 404 INVESTIGATION_NOT_FOUND (none, in the bin, or not `actor`'s to see), 403 FORBIDDEN (not
 * the owner, or a viewer), 400 UNKNOWN_USERS naming the usernames no user has, 400 SELF_SHARE when
 * the owner names themself (an owner needs no share), 400 DISABLED_USERS naming disabled users (who
 * cannot sign in to use it; a share made now would wake with the account), 400 VIEWER_CANNOT_EDIT
 * naming viewers shared with for edit (everyone for edit stays allowed: it gives viewers read);
 * nothing is written on any of them. The audit entry's detail lists the new shares (`bob (read), * (edit)`).
 */
export async function shareInvestigation(
  db: Database,
  actor: Actor,
  id: string,
  request: SharesRequest,
): Promise<InvestigationSummary> {
  requireWriter(actor);
  const shares = request.shares;
  return db.write(
    'investigation-share',
    async (tx) => {
      const current = await lockForSave(tx, actor, id, undefined, 'owner');
      const named = shares.map((s) => s.username).filter((u) => u !== '*');
      const refused = await tx.run('investigationShareRefusedUsers', { usernames: named, owner: actor.username });
      const refusedFor = (why: string) =>
        refused.records.filter((r) => r.get('why') === why).map((r) => String(r.get('name')));
      const quoted = (names: string[]) => names.map((n) => JSON.stringify(n)).join(', ');
      const unknown = refusedFor('unknown');
      if (unknown.length > 0) {
        throw new AppError(400, 'UNKNOWN_USERS', `No user is named ${quoted(unknown)}`, {
          details: unknown.map((name) => ({ path: 'shares', message: `no user "${name}"` })),
        });
      }
      if (refusedFor('owner').length > 0) {
        throw new AppError(
          400,
          'SELF_SHARE',
          `${JSON.stringify(actor.username)} owns this investigation and needs no share`,
          {
            details: [{ path: 'shares', message: `"${actor.username}" is the owner` }],
          },
        );
      }
      const disabled = refusedFor('disabled');
      if (disabled.length > 0) {
        throw new AppError(
          400,
          'DISABLED_USERS',
          `${quoted(disabled)} ${disabled.length === 1 ? 'is disabled' : 'are disabled'}: ask an admin to enable them first`,
          { details: disabled.map((name) => ({ path: 'shares', message: `"${name}" is disabled` })) },
        );
      }
      const editors = shares.filter((s) => s.access === 'edit').map((s) => s.username);
      const viewers = await tx.run('investigationShareViewerEditors', { editors });
      if (viewers.records.length > 0) {
        const names = viewers.records.map((r) => String(r.get('name')));
        throw new AppError(
          400,
          'VIEWER_CANNOT_EDIT',
          `${names.map((n) => JSON.stringify(n)).join(', ')} ${names.length === 1 ? 'is a viewer' : 'are viewers'} ` +
            'and can only read: share read-only, or ask an admin to make them analysts',
          { details: names.map((name) => ({ path: 'shares', message: `"${name}" is a viewer` })) },
        );
      }
      const result = await tx.run('investigationShare', {
        id,
        readers: shares.filter((s) => s.access === 'read').map((s) => s.username),
        editors,
      });
      const node = result.records[0]?.get('i') as Node;
      await recordAudit(tx, actor, { action: 'investigation.share', ids: [id], detail: describeShares(shares) });
      return summaryOf(node, { user: viewerOf(actor), access: current.access });
    },
    runFor(actor),
  );
}

/** `shared with bob (read), everyone (edit)`, or `shared with nobody`: an audit entry's account of a share. */
export function describeShares(shares: Share[]): string {
  if (shares.length === 0) return 'shared with nobody';
  const who = (s: Share) => (s.username === '*' ? 'everyone' : s.username);
  return `shared with ${shares.map((s) => `${who(s)} (${s.access})`).join(', ')}`;
}

/**
 * Hands the investigations of the local user of a server without sign-in ('local'), and older ones
 * with no owner, to `adminUsername`; answers how many. main.ts calls it at start with AUTH=on, after
 * the first admin exists, so the work of a single-user laptop is not orphaned when sign-in is turned on.
 * Idempotent: a second call finds none.
 */
export async function adoptLocalInvestigations(db: Database, adminUsername: string): Promise<number> {
  const result = await db.write('investigation-adopt', (tx) => tx.run('investigationAdopt', { admin: adminUsername }));
  return Number(result.records[0]?.get('adopted') ?? 0);
}
