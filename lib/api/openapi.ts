import { z } from "zod";
import { apiOperations, errorDescriptions } from "./operations";
import { apiRegistry } from "./schemas";

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas (z.toJSONSchema): the
// named schemas become components, parameters are generated field by field. Pure and
// deterministic, so it can be built at build time and served as is.

const ref = (id: string) => `#/components/schemas/${id}`;

type JsonSchema = Record<string, unknown>;

// Each generated schema names its dialect and id; inside an OpenAPI 3.1 document the dialect is
// the document's and the component's name is its address.
function clean(schema: JsonSchema): JsonSchema {
  delete schema.$schema;
  delete schema.$id;
  return schema;
}

/** A schema as JSON Schema 2020-12, with registered sub-schemas as $refs to the components. */
function toSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const id = apiRegistry.get(schema)?.id;
  if (id) return { $ref: ref(id) };
  const out = clean(z.toJSONSchema(schema, { target: "draft-2020-12", metadata: apiRegistry, io, unrepresentable: "throw" }) as JsonSchema);
  // A named schema nested in an unnamed one would land in local $defs, which an OpenAPI
  // reader resolves against the document root: name the outer schema instead.
  if (out.$defs) throw new Error("Register a schema that contains named schemas (see lib/api/schemas.ts).");
  return out;
}

function parameters(where: "path" | "query", object: z.ZodObject | undefined) {
  if (!object) return [];
  return Object.entries(object.shape).map(([name, field]) => {
    const f = field as z.ZodType;
    const schema = toSchema(f, "input");
    const description = typeof schema.description === "string" ? schema.description : undefined;
    // A list in a query string is one comma-separated value (tags=imax,audio-description).
    const list = where === "query" && schema.type === "array" ? { style: "form", explode: false } : {};
    return { name, in: where, required: where === "path" || !f.safeParse(undefined).success, ...(description ? { description } : {}), ...list, schema };
  });
}

export function buildOpenApiDocument() {
  // "input": responses are documented without additionalProperties: false, so adding a field
  // later does not break a strict client; request bodies that refuse extra keys say so (.strict()).
  const { schemas } = z.toJSONSchema(apiRegistry, { target: "draft-2020-12", metadata: apiRegistry, uri: ref, io: "input", unrepresentable: "throw" }) as { schemas: Record<string, JsonSchema> };
  for (const s of Object.values(schemas)) clean(s);

  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of apiOperations) {
    const responses: Record<string, unknown> = {
      [op.response.status]: {
        description: op.response.description,
        content: { "application/json": { schema: op.response.schema ? toSchema(op.response.schema, "input") : { type: "object" } } },
      },
    };
    for (const status of op.errors) {
      responses[status] = {
        description: errorDescriptions[status],
        ...(status === 429 ? { headers: { "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" } } } } : {}),
        content: { "application/json": { schema: { $ref: ref("Error") } } },
      };
    }
    const operation = {
      operationId: op.operationId,
      summary: op.summary,
      description: op.description,
      tags: [op.tag],
      security: op.signedIn ? [{ sessionCookie: [] }] : [],
      parameters: [...parameters("path", op.params), ...parameters("query", op.query)],
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(op.body, "input") } } } } : {}),
      responses,
    };
    (paths[op.path] ??= {})[op.method] = operation;
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Marquee API",
      version: "1.0.0",
      description:
        "Read the catalog and a show's seats, and hold or release seats as a signed-in customer. Holds follow the same rules as the seat map; buying still happens on the site (checkout).",
    },
    servers: [{ url: "/api/v1" }],
    tags: [
      { name: "Catalog", description: "Theaters, movies and showtimes." },
      { name: "Seats", description: "Seat availability and holds." },
      { name: "Meta", description: "About this API." },
    ],
    paths,
    components: {
      schemas,
      securitySchemes: {
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description: "The Auth.js session cookie set when you sign in on the site (`__Secure-authjs.session-token` over https).",
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
