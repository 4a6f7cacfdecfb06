/** The page's words for the classify panel (spread into ui). */
export const uiClassify = {
  classify: {
    heading: 'Explain and predict',
  },
} as const;
