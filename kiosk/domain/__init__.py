"""Pure domain logic: no I/O, no Qt. Everything here is unit-testable in microseconds."""
