// The hot path keeps small spans on the stack (bands, metric indexes) and fills every element before reading it,
// so the runtime need not zero them on every partner-quarter.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
