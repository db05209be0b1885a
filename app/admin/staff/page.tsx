import { getDb } from "@/db/client";
import { staffMembers } from "@/db/queries/staff";
import { theatersIn } from "@/db/queries/theaters";
import { requireChainAdminPage } from "@/lib/auth/require-admin-page";
import { STAFF_ROLE_NAMES } from "@/lib/auth/staff-input";
import { AdminTable } from "@/components/admin/admin-table";
import { RevokeStaffButton } from "@/components/admin/staff/revoke-staff-button";
import { StaffRoleForm } from "@/components/admin/staff/staff-role-form";
import { TitledSection } from "@/components/titled-section";
import { revokeStaffRoleAction, setStaffRoleAction } from "./actions";

export const metadata = { title: "Staff" };

export default async function StaffPage() {
  const actor = await requireChainAdminPage();
  const db = await getDb();
  const [staff, theaters] = await Promise.all([staffMembers(db), theatersIn(db, null)]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Staff</h1>
        <p className="text-sm text-zinc-300">Chain admins run every theater; site managers only the theaters given to them. A change applies from their next click.</p>
      </div>
      <AdminTable caption="Staff and their roles" columns={[{ label: "Person" }, { label: "Role" }, { label: "Theaters" }, { label: "Actions", visuallyHidden: true }]}>
        {staff.map((p) => (
          <tr key={p.id} className="border-t border-line align-top" data-testid="staff-row">
            <th scope="row" className="px-3 py-2 font-semibold break-all">
              {p.email}
              {p.name && <span className="block text-xs font-normal text-zinc-300">{p.name}</span>}
            </th>
            <td className="px-3 py-2 whitespace-nowrap">{STAFF_ROLE_NAMES[p.role]}</td>
            <td className="px-3 py-2">{p.role === "admin" ? "All theaters" : p.theaters.map((t) => t.name).join(", ") || "None (no access)"}</td>
            <td className="px-3 py-2">{p.id === actor.id ? <span className="text-sm text-zinc-300">You</span> : <RevokeStaffButton userId={p.id} email={p.email ?? "this person"} revoke={revokeStaffRoleAction} />}</td>
          </tr>
        ))}
      </AdminTable>
      <TitledSection id="give-role-heading" title="Give a role" panel className="max-w-2xl space-y-3">
        <p className="text-sm text-zinc-300">To change someone&apos;s theaters, give them the role again with the theaters they should run.</p>
        <StaffRoleForm theaters={theaters.map((t) => ({ id: t.id, name: t.name }))} save={setStaffRoleAction} />
      </TitledSection>
    </div>
  );
}
