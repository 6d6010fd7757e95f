/**
 * Keys pressed inside the console belong to the console: none reaches the canvas's shortcuts (the
 * page's keydown listener, panels/help.ts), so typing `MATCH (h) RETURN h` never hides, pins, lays out
 * or plays anything. Escape says what it does: the first one closes the editor's completion list if it
 * is open (CodeMirror's own), else shows "Esc again closes the console" and leaves the focus where it
 * is, so the next key still types; a second Escape in a row closes the console. The ` key closes it
 * too, from anywhere in it but a text field or the editor (where it is a backtick).
 */

export interface ConsoleKeyActions {
  /** Closes the console (and moves the focus to its toggle button). */
  close(): void;
  /** Shows or hides the hint that a second Escape closes the console. */
  escapeHint(shown: boolean): void;
}

/** Fields where keys type text: there, ` is a character, not the console's shortcut. */
function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el?.tagName) return false;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select' || el.isContentEditable) return true;
  return tag === 'input' && !['checkbox', 'radio', 'button', 'range', 'file'].includes((el as HTMLInputElement).type);
}

/** Routes the keys pressed inside `host` (the console panel); see the file comment. */
export function routeConsoleKeys(host: HTMLElement, act: ConsoleKeyActions): void {
  let armed = false;
  const disarm = () => {
    if (!armed) return;
    armed = false;
    act.escapeHint(false);
  };

  // Whether a completion list was showing when the key went down (CodeMirror closes it before the
  // key reaches the bubbling listener below; it also takes an Escape while a list is only pending).
  let listShown = false;
  host.addEventListener(
    'keydown',
    () => {
      listShown = host.querySelector('.cm-tooltip-autocomplete') !== null;
    },
    { capture: true },
  );

  host.addEventListener('keydown', (e) => {
    e.stopPropagation(); // never a canvas shortcut
    if (e.key === 'Escape' && !listShown && !e.isComposing) {
      e.preventDefault();
      if (armed) {
        disarm();
        act.close();
      } else {
        armed = true;
        act.escapeHint(true);
      }
      return;
    }
    if (['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) return; // a modifier alone changes nothing
    disarm();
    if (e.key === '`' && !e.defaultPrevented && !typingIn(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      act.close();
    }
  });
  host.addEventListener('pointerdown', disarm);
  host.addEventListener('focusout', (e) => {
    if (!host.contains(e.relatedTarget as Node | null)) disarm();
  });
}
