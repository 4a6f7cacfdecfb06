/** The command line's lines for its rules command(s) (part of `cli`). */
export const cliRules = {} as const;
