import Link from "next/link";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { JsonBlock } from "@/components/api-docs/json-block";
import { OperationSection, type DocOperation } from "@/components/api-docs/operation-section";
import { TitledSection } from "@/components/titled-section";

export const metadata = { title: "API" };

// Rendered from the same generated OpenAPI document /api/v1/openapi.json serves: one source, no
// remote viewer scripts (the CSP allows none, and the build works offline).
export default function ApiDocsPage() {
  const doc = buildOpenApiDocument();
  const base = doc.servers[0].url;
  const operations: DocOperation[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, raw]) => {
      const op = raw as Omit<DocOperation, "method" | "path" | "signedIn" | "requestBody"> & {
        security: unknown[];
        requestBody?: { content: { "application/json": { schema: unknown } } };
      };
      return { ...op, method, path, signedIn: op.security.length > 0, requestBody: op.requestBody?.content["application/json"].schema };
    }),
  );

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{doc.info.title}</h1>
        <p className="max-w-3xl text-zinc-200">{doc.info.description}</p>
        <p className="text-sm text-zinc-300">
          Version {doc.info.version} · OpenAPI {doc.openapi} ·{" "}
          <a href={`${base}/openapi.json`} className="text-gold underline hover:text-white">
            openapi.json
          </a>
        </p>
      </div>
      <TitledSection id="basics" title="Basics" panel className="space-y-2 text-sm text-zinc-200" headingClassName="text-lg font-semibold text-white">
        <p>
          Reading the catalog and seat availability needs no account. Holding and releasing seats needs the session cookie you get by{" "}
          <Link href="/sign-in" className="text-gold underline hover:text-white">
            signing in
          </Link>
          ; your first hold also sets a holder cookie, which names your holds (as on the seat map). Send both cookies with later calls.
        </p>
        <p>Every error answers with one shape and a code for programs; 429 answers carry a Retry-After header.</p>
      </TitledSection>
      <nav aria-label="Endpoints" className="text-sm">
        <h2 className="mb-2 text-lg font-semibold">Endpoints</h2>
        <ul className="grid gap-1 sm:grid-cols-2">
          {operations.map((op) => (
            <li key={op.operationId}>
              <a href={`#op-${op.operationId}`} className="font-mono text-zinc-200 hover:text-white">
                <span className="uppercase">{op.method}</span> {op.path}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="space-y-4">
        {operations.map((op) => (
          <OperationSection key={op.operationId} op={op} base={base} />
        ))}
      </div>
      <TitledSection id="schemas" title="Schemas">
        {Object.entries(doc.components.schemas).map(([name, schema]) => (
          <div key={name} className="space-y-1">
            <h3 id={`schema-${name}`} className="font-mono text-sm font-semibold">
              {name}
            </h3>
            <JsonBlock value={schema} label={`Schema ${name}`} />
          </div>
        ))}
      </TitledSection>
    </div>
  );
}
