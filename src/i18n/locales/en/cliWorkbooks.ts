/** The command line's lines about workbooks (part of `cli`). */
export const cliWorkbooks = {
  sheetRead: 'Read sheet "{sheet}" of {count} ({names}); choose another with --sheet NAME.',
} as const;
