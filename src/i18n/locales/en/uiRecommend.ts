/** The page's words for the recommend panel (spread into ui). */
export const uiRecommend = {
  recommend: {
    heading: 'Recommendations',
  },
} as const;
