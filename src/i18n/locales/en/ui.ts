/** The page's own words: headings, controls, accessible names, charts, hints. */
export const ui = {} as const;
