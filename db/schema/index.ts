export * from "./auth";
export * from "./venue";
export * from "./catalog";
export * from "./orders";
export * from "./ops";
export * from "./local-payments";
export * from "./waitlist";
export * from "./pricing";
