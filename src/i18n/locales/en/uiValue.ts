/** The page's words for the value panel (spread into ui). */
export const uiValue = {
  value: {
    heading: 'Customer value',
  },
} as const;
