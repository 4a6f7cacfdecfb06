/** What the classify analysis says (part of `message`). */
export const messageClassify = {} as const;
