/** The command line's lines for its classify command(s) (part of `cli`). */
export const cliClassify = {} as const;
