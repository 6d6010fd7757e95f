/**
 * Who the page acts for (issue 10), for every part of the UI that shows or hides a control by role:
 * set once signed in (gate.ts), read by the sidebar, the bar, the user menu and the admin panel. The
 * server enforces every right; this only keeps buttons that could only fail off the page.
 */
import { type Role, roleAtLeast, type SessionUser } from '../../../contract/auth.ts';

let user: SessionUser = { username: 'local', role: 'admin', auth: false };
const listeners = new Set<(user: SessionUser) => void>();

/** The signed-in user (with sign-in off: the local admin, `auth: false`). */
export function currentUser(): SessionUser {
  return user;
}

/** Whether the signed-in user's role is at least `role` (viewer < analyst < admin). */
export function can(role: Role): boolean {
  return roleAtLeast(user.role, role);
}

/** Sets the user (after a sign-in) and tells the listeners; marks `<body>` with `role-<role>` for styles. */
export function setCurrentUser(next: SessionUser): void {
  user = next;
  const body = document.body.classList;
  for (const name of [...body]) if (name.startsWith('role-')) body.remove(name);
  body.add(`role-${next.role}`);
  body.toggle('single-user', !next.auth);
  for (const listener of listeners) listener(next);
}

/** Calls `listener` whenever the user changes; answers the function that stops it. */
export function onCurrentUser(listener: (user: SessionUser) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
