/** The page's words for the baskets panel (spread into ui). */
export const uiBaskets = {
  baskets: {
    heading: 'What sells together',
  },
} as const;
