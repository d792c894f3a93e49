/**
 * The training credit is exhausted when the balance is below Rp1. The Rp1
 * enrolment fee (charged while the balance allows it, waived otherwise) is
 * decided where it is written: the database function enroll_beneficiary.
 */
export const isExhausted = (balanceIdr: number): boolean => balanceIdr < 1;

/** Whether moving from `before` to `after` is the move that exhausts the credit (it happens once per exhaustion). */
export const exhausts = (beforeIdr: number, afterIdr: number): boolean => !isExhausted(beforeIdr) && isExhausted(afterIdr);
