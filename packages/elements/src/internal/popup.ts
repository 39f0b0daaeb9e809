// The one wrapper of @floating-ui/dom: places a popup next to its trigger, keeps it there
// while the page scrolls, closes on Escape or a tap outside, and gives focus back.
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';

export interface PopupOptions {
  trigger: HTMLElement;
  popup: HTMLElement;
  /** Called once when the popup should close (Escape, tap outside); the caller hides it. */
  onClose: () => void;
}

export class Popup {
  private stopAutoUpdate: (() => void) | null = null;
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.close(true);
    }
  };
  private readonly onPointer = (e: PointerEvent) => {
    const path = e.composedPath();
    if (!path.includes(this.options.popup) && !path.includes(this.options.trigger)) this.close(false);
  };

  constructor(private readonly options: PopupOptions) {
    const { trigger, popup } = options;
    this.stopAutoUpdate = autoUpdate(trigger, popup, () => void this.place());
    popup.addEventListener('keydown', this.onKey);
    document.addEventListener('pointerdown', this.onPointer, true);
  }

  private async place(): Promise<void> {
    const { trigger, popup } = this.options;
    const { x, y } = await computePosition(trigger, popup, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        // Never wider or taller than the screen: no horizontal scrolling on a 320 px phone.
        size({
          padding: 8,
          apply({ availableWidth, availableHeight, elements }) {
            elements.floating.style.setProperty('--gk-popup-max-width', `${Math.max(0, availableWidth)}px`);
            elements.floating.style.setProperty('--gk-popup-max-height', `${Math.max(120, availableHeight)}px`);
          },
        }),
      ],
    });
    popup.style.setProperty('--gk-popup-x', `${x}px`);
    popup.style.setProperty('--gk-popup-y', `${y}px`);
  }

  /** Closes; with `restoreFocus` (Escape, the close button) focus goes back to the trigger. */
  close(restoreFocus: boolean): void {
    if (!this.stopAutoUpdate) return;
    this.stopAutoUpdate();
    this.stopAutoUpdate = null;
    this.options.popup.removeEventListener('keydown', this.onKey);
    document.removeEventListener('pointerdown', this.onPointer, true);
    this.options.onClose();
    if (restoreFocus) this.options.trigger.focus();
  }
}
