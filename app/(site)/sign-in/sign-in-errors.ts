// Auth.js sends people back to the sign-in page with ?error=<type>. Only these types are ever
// shown by name; anything else gets the general message, so no server detail leaks to the page.
const MESSAGES: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  OAuthAccountNotLinked: "That email address already signs in with another method. Use the email link below instead.",
  OAuthCallbackError: "Signing in with that provider did not finish. Try again, or use the email link.",
  AccessDenied: "That account can't sign in here.",
  MissingCSRF: "The sign-in form expired. Please try again.",
};

const GENERAL = "Signing in isn't working right now. Please try again in a moment.";

export function signInErrorMessage(type: string | string[] | undefined): string | null {
  const value = Array.isArray(type) ? type[0] : type;
  if (!value) return null;
  return MESSAGES[value] ?? GENERAL;
}
