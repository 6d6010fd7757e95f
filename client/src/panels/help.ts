/**
 * Keyboard shortcuts and the help overlay that lists them. The list main.ts passes in is the one
 * source of both, so the overlay cannot disagree with the keys. Keys are ignored while typing in a
 * field, except Escape, which leaves the field.
 */
import { html, nothing, render } from 'lit';

export interface Shortcut {
  /** As keyName() spells them: "f", "shift+?", "ctrl+z", "delete". */
  keys: string[];
  /** How the overlay shows the keys. */
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
  let open = false;
  let returnFocus: HTMLElement | null = null;

  function setOpen(value: boolean): void {
    if (value === open) return;
    open = value;
    if (open) returnFocus = document.activeElement as HTMLElement | null;
    draw();
    if (open) host.querySelector<HTMLButtonElement>('button.close')?.focus();
    else returnFocus?.focus();
  }

  function draw(): void {
    render(
      open
        ? html`<div class="overlay" @click=${(e: Event) => e.target === e.currentTarget && setOpen(false)}>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help">
              <h2 id="help-title">Keyboard shortcuts</h2>
              <table>
                <tbody>
                  ${shortcuts.map((s) => html`<tr><td><kbd>${s.shown}</kbd></td><td>${s.does}</td></tr>`)}
                </tbody>
              </table>
              <p class="muted">Double-click a node to expand it; right-click for more. Drag to move, scroll to zoom.</p>
              <button class="close" @click=${() => setOpen(false)}>Close</button>
            </div>
          </div>`
        : nothing,
      host,
    );
  }

  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented) return;
    const name = keyName(e);
    if (open && name === 'escape') {
      e.preventDefault();
      return setOpen(false);
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

  draw();
  return { toggle: () => setOpen(!open), isOpen: () => open };
}
