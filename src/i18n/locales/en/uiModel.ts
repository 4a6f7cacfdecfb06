/** The page's words for the model panel (spread into ui). */
export const uiModel = {
  model: {
    heading: 'Save and apply',
  },
} as const;
