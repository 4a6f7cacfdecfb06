/** What the exports write in the user's language (part of `message`; #18). */
export const messageExports = {
  exportSetAsideReason:
    '{reason, select, malformed {unreadable row} duplicate {duplicate row} missing {missing value} outlier {outlier} other {set aside}}',
  exportSetAsideReasonDetail:
    '{reason, select, malformed {unreadable row} duplicate {duplicate row} missing {missing value} outlier {outlier} other {set aside}}: {detail}',
};
