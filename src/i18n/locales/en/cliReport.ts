/** What the command line says about the HTML report (#18) (part of `cli`). */
export const cliReport = {
  reportSaved: 'Saved the report to {path}',
};
