/** The command line's lines for segment rates and distributions (part of `cli`). */
export const cliProfiles = {
  rateLine:
    '      {description} ({points, number, ::sign-always .0} points, ×{lift, number, ::.00})',
  ratesVerdictLine: '      {verdict}',
} as const;
