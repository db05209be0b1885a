import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { promoCodeById } from "@/db/queries/pricing-admin";
import { getTheater } from "@/db/queries/venue";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { promoEditorData, promoFormValues } from "@/lib/pricing-admin/promo-editor-data";
import { PromoCodeForm } from "@/components/admin/pricing/promo-code-form";
import { savePromoCodeAction } from "../actions";
import { BackLink } from "@/components/back-link";

export const metadata = { title: "Promo code" };

export default async function EditPromoCodePage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const db = await getDb();
  const [{ id }, theater] = await Promise.all([params, getTheater(db)]);
  const promo = theater ? await promoCodeById(db, id) : null;
  if (!theater || !promo || promo.theaterId !== theater.id) notFound();
  const choices = await promoEditorData(db, theater.id, theater.timeZone);
  return (
    <div className="space-y-5">
      <p>
        <BackLink href="/admin/promo-codes">Promo codes</BackLink>
      </p>
      <h1 className="font-mono text-2xl font-bold">{promo.code}</h1>
      <p className="text-sm text-zinc-300">
        Used {promo.redemptions} time{promo.redemptions === 1 ? "" : "s"} so far{promo.maxRedemptions ? ` of ${promo.maxRedemptions}` : ""}. Changes apply to checkouts from now on; orders keep the discount they got.
      </p>
      <PromoCodeForm theaterId={theater.id} promo={promoFormValues(promo, theater.currency, theater.timeZone)} currency={theater.currency} save={savePromoCodeAction} {...choices} />
    </div>
  );
}
