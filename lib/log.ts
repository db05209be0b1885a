import pino from "pino";

// Structured JSON logs. Lazily built so tests and the build can change LOG_LEVEL first.
let logger: pino.Logger | undefined;

function build() {
  return pino({
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: { app: "marquee" },
    redact: { paths: ["*.password", "*.secret", "*.token", "*.authorization", "*.card", "req.headers.cookie"], censor: "[redacted]" },
  });
}

export const log = new Proxy({} as pino.Logger, {
  get(_t, prop) {
    logger ??= build();
    const value = Reflect.get(logger, prop);
    return typeof value === "function" ? value.bind(logger) : value;
  },
});
