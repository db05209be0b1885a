import { InlineCode } from "./inline-code";
import { JsonBlock } from "./json-block";

type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Record<string, unknown> };
type Response = { description: string; content?: { "application/json"?: { schema: unknown } } };
export type DocOperation = {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  description: string;
  signedIn: boolean;
  parameters: Parameter[];
  requestBody?: unknown;
  responses: Record<string, Response>;
};

/** A named schema links to its entry in the Schemas section; anything else is shown in full. */
function SchemaView({ schema, label }: { schema: unknown; label: string }) {
  const ref = (schema as { $ref?: unknown } | null)?.$ref;
  if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
    const name = ref.slice("#/components/schemas/".length);
    return (
      <a href={`#schema-${name}`} className="font-mono text-gold underline hover:text-white">
        {name}
      </a>
    );
  }
  return <JsonBlock value={schema} label={label} />;
}

const methodColor: Record<string, string> = { get: "bg-emerald-300 text-ink", post: "bg-gold text-ink" };

/** One operation of the OpenAPI document, as the docs page shows it. */
export function OperationSection({ op, base }: { op: DocOperation; base: string }) {
  const headingId = `op-${op.operationId}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-xl border border-line bg-panel p-4">
      <h3 id={headingId} className="text-lg font-semibold">
        {op.summary}
      </h3>
      <p className="flex flex-wrap items-center gap-2 font-mono text-sm">
        <span className={`rounded px-2 py-0.5 text-xs font-bold uppercase ${methodColor[op.method] ?? "bg-zinc-200 text-ink"}`}>{op.method}</span>
        <span className="break-all">
          {base}
          {op.path}
        </span>
        <span className="rounded border border-line px-2 py-0.5 font-sans text-xs text-zinc-200">{op.signedIn ? "Signed-in customers" : "Public"}</span>
      </p>
      <p className="text-sm text-zinc-200">
        <InlineCode text={op.description} />
      </p>
      {op.parameters.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Parameters of {op.summary}</caption>
            <thead className="text-zinc-300">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Parameter</th>
                <th scope="col" className="py-1 pr-3 font-medium">In</th>
                <th scope="col" className="py-1 pr-3 font-medium">Type</th>
                <th scope="col" className="py-1 font-medium">Meaning</th>
              </tr>
            </thead>
            <tbody>
              {op.parameters.map((p) => (
                <tr key={`${p.in}:${p.name}`} className="border-t border-line align-top">
                  <td className="py-1 pr-3 font-mono">
                    {p.name}
                    {p.required ? "" : "?"}
                  </td>
                  <td className="py-1 pr-3">{p.in}</td>
                  <td className="py-1 pr-3 font-mono">{[p.schema.type, p.schema.format].filter(Boolean).join(" · ")}</td>
                  <td className="py-1 text-zinc-200">
                    <InlineCode text={p.description ?? ""} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {op.requestBody !== undefined && (
        <div className="space-y-1">
          <h4 className="text-sm font-semibold">Request body (JSON)</h4>
          <SchemaView schema={op.requestBody} label={`Request body schema of ${op.summary}`} />
        </div>
      )}
      <div className="space-y-1">
        <h4 className="text-sm font-semibold">Responses</h4>
        <ul className="space-y-1 text-sm">
          {Object.entries(op.responses).map(([status, r]) => (
            <li key={status}>
              <span className={`font-mono font-semibold ${status.startsWith("2") ? "text-emerald-300" : "text-red-200"}`}>{status}</span> —{" "}
              <InlineCode text={r.description} />
              {r.content?.["application/json"] && (
                <>
                  {" "}
                  · <SchemaView schema={r.content["application/json"].schema} label={`Response schema of ${op.summary}, ${status}`} />
                </>
              )}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
