import { requireAdmin } from "@/lib/auth/current-user";
import { parseAdminInput } from "@/lib/admin/action-result";
import { exportOrdersCsv, exportOrdersSchema } from "@/lib/admin/export-orders";
import { errorResponse } from "@/lib/errors";

// GET /admin/orders.csv?from=YYYY-MM-DD&to=YYYY-MM-DD: orders as a spreadsheet. Admins only.
export async function GET(req: Request) {
  try {
    const actor = await requireAdmin();
    const params = Object.fromEntries(new URL(req.url).searchParams);
    const { stream, filename } = await exportOrdersCsv(actor, parseAdminInput(exportOrdersSchema, params));
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
