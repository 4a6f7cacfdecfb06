/** Why a column is an identifier or left unticked as a likely target (part of `message`). */
export const messageColumns = {
  kindIdentifierCodes:
    'Whole numbers of {digits} digits each with {count, plural, one {# different value} other {# different values}} (such as "{example}"): codes, not a measurement, so an identifier, not a feature. Change the kind to numeric if it measures something.',
  kindIdentifierNameAndCodes:
    'Named like an identifier and holds whole-number codes (such as "{example}"): an identifier, not a feature.',
  kindTarget:
    'Named like an outcome to predict or a model’s output: not ticked as a feature, so the segments do not just repeat it; tick it to cluster on it.',
  kindTargetAndNote:
    'Named like an outcome to predict or a model’s output: not ticked as a feature; tick it to cluster on it. Also: {note}',
  leftOutIdentifierKind: 'Marked as an identifier: not used as a feature.',
};
