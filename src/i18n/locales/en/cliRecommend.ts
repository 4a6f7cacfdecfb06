/** The command line's lines for its recommend command(s) (part of `cli`). */
export const cliRecommend = {} as const;
