import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { AdminNav } from "@/components/admin/admin-nav";

export const metadata = { title: { default: "Admin", template: "%s · Admin · Marquee" } };

// Layouts and pages render in parallel, so every admin page calls requireAdminPage() as well;
// this check keeps the shell itself (and the nav) from showing to anyone else.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireAdminPage();
  return (
    <div className="admin-area flex flex-col gap-6 lg:flex-row">
      <AdminNav chainAdmin={actor.scope.all} />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
