// Taro build-time constants for component tests (filled by the miniapp work).
