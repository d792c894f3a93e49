/** What an account may do; carried in its tokens and checked by the roles guard. */
export enum Role {
  BENEFICIARY = 'BENEFICIARY',
  CONTRIBUTOR = 'CONTRIBUTOR',
  CURATOR = 'CURATOR',
  ADMIN = 'ADMIN',
}
