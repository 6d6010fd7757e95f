/**
 * Investigations in the page (issue 9), wired in one place for main.ts: the session (what is open),
 * autosave with its conflict dialog, the top bar's title, status and Share, the sidebar with revisions
 * and the bin, the changes-since-the-snapshot notice, and the browser history, which also opens what
 * the page's URL names: `?investigation=<id>` (`&mode=read`: read-only without sign-in; with sign-in
 * the user's own access) or a recipe (state/url.ts).
 */
import { ApiError } from '../api.ts';
import { currentUser } from '../auth/currentUser.ts';
import type { Canvas } from '../graph/canvas.ts';
import { investigationFromQuery, readViewStateFromUrl, viewStateToQuery } from '../state/url.ts';
import { Autosave } from './autosave.ts';
import { mountInvestigationBar } from './bar.ts';
import { mountBrowserHistory } from './browserHistory.ts';
import { mountChangesNotice } from './changesNotice.ts';
import { showConflictDialog, showToast } from './dialogs.ts';
import { createRevisionsPanel } from './revisions.ts';
import { InvestigationSession } from './session.ts';
import { mountInvestigationsSidebar } from './sidebar.ts';
import { copyTitle } from './sidebarRows.ts';
import { INVESTIGATION_NOT_FOUND_WORDS } from './words.ts';

export interface InvestigationsUi {
  session: InvestigationSession;
  autosave: Autosave;
}

/** Mounts it all: `sidebar` in the left panel, `bar` in the top bar. Opens what the URL names. */
export function mountInvestigations(
  canvas: Canvas,
  hosts: { sidebar: HTMLElement; bar: HTMLElement },
): InvestigationsUi {
  const session = new InvestigationSession(canvas);
  let busy = false;
  canvas.on('busy', (b) => (busy = b));
  const autosave = new Autosave(session, { busy: () => busy });
  mountInvestigationBar(hosts.bar, session, autosave);
  const revisions = createRevisionsPanel(session);
  const sidebar = mountInvestigationsSidebar(hosts.sidebar, session, autosave, revisions);
  mountChangesNotice(session, autosave);
  const history = mountBrowserHistory(session, autosave);

  autosave.on('conflict', (conflict) =>
    showConflictDialog(conflict.currentVersion, {
      async reload() {
        await session.open(session.current!.id);
      },
      async saveCopy() {
        const current = session.current!;
        const copy = await session.api.create(session.documentNow(copyTitle(current.title)));
        session.adopt(copy);
        autosave.reset('saved');
        await sidebar.refresh();
      },
    }),
  );

  void history.start(async () => {
    const link = investigationFromQuery(window.location.search);
    if (link) {
      try {
        // With sign-in the server decides who may change it: `mode=read` (an older link, or one a
        // reader copied from their address bar) does not take an editor's access away.
        await session.open(link.id, { readOnly: link.readOnly && !currentUser().auth, cause: 'restore' });
      } catch (error) {
        // 404 is also the answer for another's unshared investigation (it must not tell which).
        showToast(
          error instanceof ApiError && error.status === 404
            ? INVESTIGATION_NOT_FOUND_WORDS
            : `Could not open the investigation: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      return;
    }
    const initial = readViewStateFromUrl();
    if (viewStateToQuery(initial) !== '') await canvas.restore(initial);
  });
  return { session, autosave };
}
