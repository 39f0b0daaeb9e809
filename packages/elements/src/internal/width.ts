import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tells an element whether it is narrow, by measuring it with a ResizeObserver and reflecting
 * `narrow` on the host. Not a CSS container query: `container-type` makes the host's own
 * width ignore its content, so inside the floats, inline blocks and table cells of old CMS
 * templates it would collapse to nothing.
 */
export class WidthController implements ReactiveController {
  narrow = false;
  private readonly observer: ResizeObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly breakpoint: number,
  ) {
    host.addController(this);
    this.observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? 0;
      if (width === 0) return;
      // Applied in the next frame: changing layout inside the observer's callback would
      // resize what it observes again ("ResizeObserver loop" errors on the page).
      requestAnimationFrame(() => this.apply(width < this.breakpoint));
    });
  }

  private apply(narrow: boolean): void {
    if (narrow === this.narrow) return;
    this.narrow = narrow;
    this.host.toggleAttribute('narrow', narrow);
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
  }
}
