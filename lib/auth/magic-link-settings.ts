// Shared by the provider (token lifetime) and the pages that tell people how long they have.
export const MAGIC_LINK_MINUTES = 60;
