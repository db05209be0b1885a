import "server-only";
import type { OrderDetail } from "@/db/queries/orders";

type Viewer = { id: string; role: "customer" | "admin" | "manager" } | null;

/**
 * Who may see an order, its PDF and its codes: the customer who placed it, or an admin.
 * Everyone else is told it does not exist (404), so order ids cannot be probed.
 */
export function canViewOrder(viewer: Viewer, detail: Pick<OrderDetail, "order">): boolean {
  if (!viewer) return false;
  return viewer.role === "admin" || (detail.order.userId !== null && detail.order.userId === viewer.id);
}
