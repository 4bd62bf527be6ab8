import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** A key combination such as `Alt+Shift+A`: modifiers, then one key (a letter, a digit, or a key name). */
export type Shortcut = string;

const MODIFIERS = ['Alt', 'Control', 'Meta', 'Shift'] as const;

/** Whether a key event is the combination `shortcut` (exact modifiers; letters by physical key). */
export function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut): boolean {
  const parts = shortcut.split('+').map((part) => part.trim());
  const key = parts.pop() ?? '';
  const wanted = new Set(parts.map((p) => (p === 'Ctrl' ? 'Control' : p)));
  const held = {Alt: event.altKey, Control: event.ctrlKey, Meta: event.metaKey, Shift: event.shiftKey};
  if (MODIFIERS.some((m) => held[m] !== wanted.has(m))) return false;
  if (/^[a-z]$/i.test(key)) return event.code === `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return event.code === `Digit${key}`;
  return event.key.toLowerCase() === key.toLowerCase();
}

/** Whether the key goes to something the agent types in (inputs, text areas, editable content). */
function typing(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type))
  );
}

/**
 * Page-wide keyboard shortcuts for its host: while `active()` says so, a
 * keydown anywhere in the document that matches one of `bindings()` runs
 * `onShortcut` with that binding's name (and the key does nothing else).
 * Keys typed into a field are left alone.
 */
export class ShortcutController<Name extends string> implements ReactiveController {
  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.repeat || !this.active() || typing(event)) return;
    for (const [name, shortcut] of Object.entries(this.bindings()) as [Name, Shortcut | null][]) {
      if (shortcut && matchesShortcut(event, shortcut)) {
        event.preventDefault();
        this.onShortcut(name);
        return;
      }
    }
  };

  constructor(
    host: ReactiveControllerHost,
    private readonly bindings: () => Partial<Record<Name, Shortcut | null>>,
    private readonly active: () => boolean,
    private readonly onShortcut: (name: Name) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.onKeydown);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onKeydown);
  }
}
