/**
 * Keyboard shortcuts and the help dialog that lists them. The list main.ts passes in is the one
 * source of both, so the dialog cannot disagree with the keys. Keys are ignored while typing in a
 * field, except Escape, which leaves the field.
 */
import { html, render } from 'lit';

export interface Shortcut {
  /** As keyName() spells them: "f", "shift+?", "ctrl+z", "delete". */
  keys: string[];
  /** How the dialog shows the keys. */
  shown: string;
  does: string;
  run(): void;
}

export function keyName(e: KeyboardEvent): string {
  const mods = [
    e.ctrlKey || e.metaKey ? 'ctrl' : '',
    e.altKey ? 'alt' : '',
    e.shiftKey && e.key.length > 1 ? 'shift' : '',
  ]
    .filter(Boolean)
    .join('+');
  const key = e.key === ' ' ? 'space' : e.key.toLowerCase();
  // Shifted printable characters ("?", "+") already say so in e.key; ctrl+shift+z keeps its shift.
  const shift = e.shiftKey && e.key.length === 1 && (e.ctrlKey || e.metaKey) ? 'shift+' : '';
  return mods ? `${mods}+${shift}${key}` : key;
}

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el?.tagName) return false;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select' || el.isContentEditable) return true;
  if (tag !== 'input') return false;
  const type = (el as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'range', 'file'].includes(type);
}

export interface HelpControls {
  toggle(): void;
  isOpen(): boolean;
}

export function mountHelp(host: HTMLElement, shortcuts: Shortcut[]): HelpControls {
  let returnFocus: HTMLElement | null = null;

  // A native modal <dialog>: showModal() makes the rest of the page inert (screen readers see only the
  // dialog, clicks and keys reach nothing behind it), Escape closes it, the browser puts it on top.
  // The browser still lets Tab leave the last control for its own toolbar; wrapTab keeps it inside.
  render(
    html`<dialog class="help-dialog" aria-labelledby="help-title" data-testid="help" @keydown=${wrapTab} @click=${(e: Event) => e.target === e.currentTarget && dialog().close()} @close=${() => returnFocus?.focus()}>
      <div class="dialog" tabindex="0">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            ${shortcuts.map((s) => html`<tr><td><kbd>${s.shown}</kbd></td><td>${s.does}</td></tr>`)}
          </tbody>
        </table>
        <p class="muted">Double-click a node to expand it; right-click for more. Drag to move, scroll to zoom.</p>
        <button class="close" @click=${() => dialog().close()}>Close</button>
      </div>
    </dialog>`,
    host,
  );
  const dialog = () => host.querySelector('dialog')!;

  /** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
  function wrapTab(e: KeyboardEvent): void {
    if (e.key !== 'Tab') return;
    const stops = [...dialog().querySelectorAll<HTMLElement>('[tabindex="0"], button')];
    const [first, last] = [stops[0], stops.at(-1)];
    const edge = e.shiftKey ? first : last;
    if (document.activeElement !== edge) return;
    e.preventDefault();
    (e.shiftKey ? last : first)?.focus();
  }

  function setOpen(value: boolean): void {
    const d = dialog();
    if (value === d.open) return;
    if (!value) {
      d.close();
      return;
    }
    returnFocus = document.activeElement as HTMLElement | null;
    d.showModal();
    d.querySelector<HTMLButtonElement>('button.close')?.focus();
  }

  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented) return;
    const name = keyName(e);
    // While the help is open the page is inert: Escape (the dialog's own) and ? close it, nothing else runs.
    if (dialog().open) {
      if (name === '?') {
        e.preventDefault();
        setOpen(false);
      }
      return;
    }
    if (typingIn(e.target)) {
      if (name === 'escape') (e.target as HTMLElement).blur();
      return;
    }
    // Enter and Space belong to the focused button or link.
    if (
      (name === 'enter' || name === 'space') &&
      (e.target as HTMLElement).closest?.('button, a, summary, [role=menuitem]')
    )
      return;
    const shortcut = shortcuts.find((s) => s.keys.includes(name));
    if (!shortcut) return;
    e.preventDefault();
    shortcut.run();
  });

  return { toggle: () => setOpen(!dialog().open), isOpen: () => dialog().open };
}
