/** The command line's lines for its value command(s) (part of `cli`). */
export const cliValue = {} as const;
