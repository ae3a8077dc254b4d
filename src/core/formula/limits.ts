/** Hard limits that keep parsing bounded in time and stack, whatever the input. */
export const FORMULA_LIMITS = {
  maxLength: 10_000,
  maxDepth: 64,
  maxTokens: 2_000,
  /** Lexer errors beyond this are dropped: one bad paste should not produce thousands of messages. */
  maxErrors: 20,
} as const;
