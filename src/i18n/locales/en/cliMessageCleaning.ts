/** The command line's wording of cleaning's notes: the flag that treats a code as missing. */
export const cliMessageCleaning = {
  sentinelFound:
    '{column}: {code} fills {share, number, ::percent .0} of the values, far from the others ({low, number, precise} to {high, number, precise}); it looks like a code for “no value” rather than a measurement. If it is one, add --missing-code "{column}={code}".',
  sentinelFoundNotClipped:
    '{column}: {code} fills {share, number, ::percent .0} of the values, far from the others ({low, number, precise} to {high, number, precise}); it looks like a code for “no value” rather than a measurement, so the outliers of {column} were left as they are. If it is one, add --missing-code "{column}={code}".',
} as const;
