// Shared by the provider (token lifetime) and the pages and email that tell people how long they have.
export const MAGIC_LINK_MINUTES = 60;
export const MAGIC_LINK_EXPIRES_IN = "1 hour";
