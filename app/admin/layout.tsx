import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { adminTheaters } from "@/lib/admin/current-theater";
import { AdminNav } from "@/components/admin/admin-nav";
import { chooseAdminTheaterForm } from "./theater/form-actions";

export const metadata = { title: { default: "Admin", template: "%s · Admin · Marquee" } };

// Layouts and pages render in parallel, so every admin page calls requireAdminPage() as well;
// this check keeps the shell itself (and the nav) from showing to anyone else.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireAdminPage();
  const { current, theaters } = await adminTheaters(actor);
  return (
    <div className="admin-area flex flex-col gap-6 lg:flex-row">
      <AdminNav chainAdmin={actor.scope.all} theaters={theaters.map((t) => ({ id: t.id, name: t.name }))} currentTheaterId={current?.id ?? null} chooseTheater={chooseAdminTheaterForm} />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
