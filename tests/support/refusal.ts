import { AppError } from "@/lib/errors";

/** The AppError a promise is refused with; any other outcome fails the test. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  if (!(err instanceof AppError)) throw new Error(`expected a refusal, got ${String(err)}`);
  return err;
}
