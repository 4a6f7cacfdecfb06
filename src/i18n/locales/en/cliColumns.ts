/** What `analyze` says of the columns it left out of the features (part of `cli`). */
export const cliColumns = {
  leftOutHeader: 'Left out of the features (--kind and --features override):',
  leftOutLine: '  - {column}: {reason}',
};
