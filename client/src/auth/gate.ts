/**
 * The sign-in screen in front of the app (issue 10). At load the page asks GET /api/session: signed in
 * (or sign-in off, AUTH=off) → the app; 401 → this screen and nothing else of the app (the rest of the
 * page is covered and inert). Later, any 401 (the session expired, was ended elsewhere, or the user was
 * disabled) brings the screen back over the app, saying why: the app stays underneath with its unsaved
 * work, so signing in again as the same user goes on where it stopped (autosave retries); signing in
 * as someone else reloads the page, since what is open was the other user's. The screen names who was
 * signed in and fills in their username; signing in as someone else is confirmed first (a second
 * submit), after a warning that the page's unsaved changes are dropped.
 *
 * Words for refusals: 401 "Wrong username or password"; 429 "Too many attempts: try again in N
 * minutes" (from Retry-After, else the server's message); anything else the server's own message.
 */
import { html, nothing, render } from 'lit';
import type { SessionUser } from '../../../contract/auth.ts';
import { ApiError, onUnauthenticated } from '../api.ts';
import { type AuthApi, authApi } from './authApi.ts';
import { setCurrentUser } from './currentUser.ts';

/** The page's parts the screen covers (made inert while it shows). */
const APP_PARTS = 'body > :not(#sign-in)';

/** Words for a refused sign-in. */
export function signInRefusal(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return 'Wrong username or password.';
    if (error.status === 429) {
      const minutes = error.more.retryAfter ? Math.max(1, Math.ceil(error.more.retryAfter / 60)) : null;
      return minutes
        ? `Too many attempts: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
        : `Too many attempts: ${error.message}`;
    }
    if (error.code === 'NETWORK' || error.status >= 500) return `The server cannot sign you in now: ${error.message}`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

function cover(host: HTMLElement, shown: boolean): void {
  host.hidden = !shown;
  document.body.classList.toggle('signed-out', shown);
  for (const el of document.querySelectorAll<HTMLElement>(APP_PARTS)) el.inert = shown;
}

/** The warning before signing in as another user over a page whose session ended. */
export function otherUserWarning(previous: string, next: string): string {
  return (
    `You are signing in as ${next}, not ${previous}: the page reloads for ${next}, and the unsaved ` +
    `changes on it are dropped. Sign in again to confirm, or sign in as ${previous} to keep them.`
  );
}

/** Whether two usernames are one (usernames are one whatever their case). */
const sameUser = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Shows the form until a sign-in succeeds; resolves with the user. `reason`: why it shows (a session
 * that ended), said above the form. `previous`: who was signed in (their name is filled in, and
 * signing in as someone else is confirmed first, since the page then reloads).
 */
function askToSignIn(
  host: HTMLElement,
  api: AuthApi,
  reason: string | null,
  previous: string | null = null,
): Promise<SessionUser> {
  return new Promise((resolve) => {
    let problem = '';
    let working = false;
    /** The other username the warning was shown for: signing in as them again goes ahead. */
    let warnedFor: string | null = null;

    async function submit(e: Event): Promise<void> {
      e.preventDefault();
      const form = e.target as HTMLFormElement;
      const data = new FormData(form);
      const username = String(data.get('username') ?? '').trim();
      if (previous && !sameUser(username, previous) && warnedFor?.toLowerCase() !== username.toLowerCase()) {
        warnedFor = username;
        problem = '';
        draw();
        return;
      }
      working = true;
      problem = '';
      draw();
      try {
        const user = await api.signIn(username, String(data.get('password') ?? ''));
        render(nothing, host);
        resolve(user);
        return;
      } catch (error) {
        problem = signInRefusal(error);
      } finally {
        working = false;
      }
      draw();
      host.querySelector<HTMLInputElement>('input[name=password]')?.select();
    }

    function draw(): void {
      render(
        html`<form class="sign-in" data-testid="sign-in" aria-labelledby="sign-in-title" @submit=${submit}>
          <h1 id="sign-in-title">Faction Atlas</h1>
          ${reason ? html`<p class="sign-in-reason" role="status" data-testid="sign-in-reason">${reason}</p>` : nothing}
          ${previous ? html`<p class="sign-in-previous" data-testid="sign-in-previous">You were signed in as <strong>${previous}</strong>.</p>` : nothing}
          <label>Username <input name="username" autocomplete="username" required maxlength="64" data-testid="sign-in-username"
            .defaultValue=${previous ?? ''} @input=${() => {
              if (!warnedFor) return;
              warnedFor = null;
              draw();
            }} /></label>
          ${warnedFor && previous ? html`<p class="warning" role="alert" data-testid="sign-in-other-user">${otherUserWarning(previous, warnedFor)}</p>` : nothing}
          <label>Password <input name="password" type="password" autocomplete="current-password" required maxlength="256" data-testid="sign-in-password" /></label>
          ${problem ? html`<p class="error" role="alert" data-testid="sign-in-error">${problem}</p>` : nothing}
          <button type="submit" data-testid="sign-in-submit" ?disabled=${working}>${working ? 'Signing in…' : 'Sign in'}</button>
        </form>`,
        host,
      );
    }
    draw();
    host.querySelector<HTMLInputElement>(previous ? 'input[name=password]' : 'input[name=username]')?.focus();
  });
}

/** The screen while the session cannot be checked (server or database away), with Retry. */
function askToRetry(host: HTMLElement, problem: string): Promise<void> {
  return new Promise((resolve) => {
    render(
      html`<div class="sign-in" data-testid="sign-in-unavailable">
        <h1>Faction Atlas</h1>
        <p class="error" role="alert">The server cannot check who you are: ${problem}</p>
        <button type="button" @click=${() => resolve()}>Retry</button>
      </div>`,
      host,
    );
  });
}

/**
 * Resolves with who the page acts for once known: at once when signed in or when sign-in is off,
 * else after the sign-in screen. From then on a 401 anywhere brings the screen back (see above).
 */
export async function signedIn(host: HTMLElement, api: AuthApi = authApi): Promise<SessionUser> {
  let user: SessionUser | null = null;
  cover(host, true);
  while (!user) {
    try {
      user = (await api.session()) ?? (await askToSignIn(host, api, null));
    } catch (error) {
      await askToRetry(host, error instanceof Error ? error.message : String(error));
    }
  }
  cover(host, false);
  setCurrentUser(user);
  const signedInAs = user;
  if (user.auth) watchSession(host, api, signedInAs);
  return user;
}

function watchSession(host: HTMLElement, api: AuthApi, user: SessionUser): void {
  let asking = false;
  onUnauthenticated(() => {
    if (asking) return;
    asking = true;
    // A modal dialog open now (admin panel, password, a save conflict) sits in the top layer, above
    // any z-index, and would hide the screen while inert itself: close it (a conflict is still said
    // in the bar; reopening the investigation from the list settles it).
    for (const dialog of document.querySelectorAll<HTMLDialogElement>('dialog[open]')) dialog.close();
    cover(host, true);
    const reason =
      'Your session has ended (it expired, or you were signed out). Sign in again to go on: ' +
      'what you have open stays here, and unsaved changes are saved once you are back.';
    void askToSignIn(host, api, reason, user.username).then((again) => {
      asking = false;
      if (again.username !== user.username || again.role !== user.role) {
        // Another user (or another role): the page shows what the last one could see. Start afresh.
        window.location.reload();
        return;
      }
      cover(host, false);
    });
  });
}
