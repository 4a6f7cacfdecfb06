/** The page's words for the HTML report (#18) (spread into ui). */
export const uiReport = {
  htmlReport: {
    download: 'Download report (HTML)',
    hint: 'One page to mail or print: the file, its cleaning, the charts and the segment profiles, with no script and nothing fetched.',
  },
};
