import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { promoCodeById } from "@/db/queries/pricing-admin";
import { theaterById } from "@/db/queries/venue";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { managesTheater } from "@/lib/auth/theater-scope";
import { promoEditorData, promoFormValues } from "@/lib/pricing-admin/promo-editor-data";
import { PromoCodeForm } from "@/components/admin/pricing/promo-code-form";
import { savePromoCodeAction } from "../actions";
import { BackLink } from "@/components/back-link";

export const metadata = { title: "Promo code" };

export default async function EditPromoCodePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminPage();
  const db = await getDb();
  const { id } = await params;
  const promo = await promoCodeById(db, id);
  // Another theater's code reads as no code at all (issue 19).
  const theater = promo && managesTheater(actor, promo.theaterId) ? await theaterById(db, promo.theaterId) : null;
  if (!promo || !theater) notFound();
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
