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
      const narrow = width < this.breakpoint;
      if (narrow !== this.narrow) {
        this.narrow = narrow;
        this.host.toggleAttribute('narrow', narrow);
        this.host.requestUpdate();
      }
    });
  }

  hostConnected(): void {
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
  }
}
