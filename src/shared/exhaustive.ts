// Closes a switch over a union (event types above all) so that a new member fails to compile there.

/**
 * Call in the `default` of a switch that must handle every member: anything but `never` is a
 * compile error, naming the switch that forgot the new case. At run time it does nothing, because
 * a stream may carry a type this build does not know yet (a newer server) and that must not crash.
 */
export function exhaustive(_value: never): void {}
