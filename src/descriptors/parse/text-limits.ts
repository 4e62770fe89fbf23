/** Bounds on what the parser accepts, so hostile text costs bounded time and memory. */
export interface TextLimits {
  /** Whole text, UTF-8 bytes. */
  maxTextBytes: number;
  /** One scalar, UTF-8 bytes. */
  maxScalarBytes: number;
  /** Nested collections (the root mapping is depth 1). */
  maxDepth: number;
  /** yaml's alias budget: resolved aliases times the aliases inside each (billion laughs). */
  maxAliasCount: number;
}

export const DEFAULT_TEXT_LIMITS: TextLimits = {
  // Real descriptors are a few KiB; the largest upstream example is under 10 KiB.
  maxTextBytes: 4 * 1024 * 1024,
  // Nova caps user_data at 65535 bytes, the largest value a descriptor legitimately carries.
  maxScalarBytes: 64 * 1024,
  maxDepth: 64,
  // Descriptors rarely use anchors at all; a few dozen covers hand-written reuse.
  maxAliasCount: 50,
};

export const resolveLimits = (limits: Partial<TextLimits> = {}): TextLimits => ({ ...DEFAULT_TEXT_LIMITS, ...limits });
