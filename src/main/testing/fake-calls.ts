// What the fake electron records, in order, and its cancellable event object.
/** Everything the fake records, in order; tests read and reset it. */
export const calls: string[] = [];

class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}
export const newEvent = () => new FakeEvent();
