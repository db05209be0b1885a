import "server-only";
import type { OrderDetail } from "@/db/queries/orders";
import type { TheaterScope } from "@/lib/auth/session-user";
import { managesTheater } from "@/lib/auth/theater-scope";

/** Who asks: a signed-in user, with the theaters they manage when they are a site manager. */
type Viewer = { id: string; role: "customer" | "admin" | "manager"; scope?: TheaterScope } | null;

/**
 * Who may see an order, its PDF and its codes: the customer who placed it, a chain admin, or a
 * site manager of its theater (issue 19: the box office prints the tickets it sold). Everyone
 * else is told it does not exist (404), so order ids cannot be probed.
 */
export function canViewOrder(viewer: Viewer, detail: Pick<OrderDetail, "order" | "theater">): boolean {
  if (!viewer) return false;
  if (viewer.role === "admin") return true;
  if (viewer.role === "manager" && viewer.scope && managesTheater({ scope: viewer.scope }, detail.theater.id)) return true;
  return detail.order.userId !== null && detail.order.userId === viewer.id;
}
