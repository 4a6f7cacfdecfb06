/** The page's words for complete exports, their CSV dialect and segment names (#18; in ui). */
export const uiExports = {
  exportFile: {
    namesHint:
      'Each segment starts with a suggested name from its profile. Your names go into every download and the saved analysis.',
    noiseField: 'Name of the noise (segment -1)',
    reset: 'Reset',
    resetSegment: 'Reset the name of segment {id}',
    resetNoise: 'Reset the name of the noise',
    dialect: 'CSV format',
    dialectStandard: 'Standard (comma, decimal point)',
    dialectInput:
      'As the input file ({delimiter, select, semicolon {semicolon} tab {tab} pipe {vertical bar} other {comma}}, {decimal, select, comma {decimal comma} other {decimal point}})',
    dialectHint: 'Both are UTF-8 with a byte-order mark, so that Excel shows names in any script.',
    allHint:
      'Every row of the file, once: the analysed rows with their {segment} and {label}, and the rows set aside with an empty {segment} and their reason in {reason}.',
  },
};
