/**
 * The test user's name, as `probe --username` and the wizard's test-user question take it: a user
 * principal name (name@domain), which is what Entra's ROPG endpoint signs in with.
 */
const UPN_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export const NOT_A_UPN = "is not a user principal name — use the test user's sign-in name, e.g. adele@contoso.com";

export function isUserPrincipalName(value: string): boolean {
  return UPN_PATTERN.test(value);
}
