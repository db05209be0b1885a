import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { cinemaBySlug } from "@/db/queries/cinemas";
import { ProgrammePage, type ListingSearch } from "../programme-page";

type Props = { params: Promise<{ theater: string }>; searchParams: Promise<ListingSearch> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const cinema = await cinemaBySlug(await getDb(), (await params).theater);
  return { title: cinema ? `Now showing at ${cinema.name}` : "Cinema not found" };
}

/** A cinema's programme at a URL that names it: the link to share. Opening it does not change the visitor's remembered cinema. */
export default async function CinemaPage({ params, searchParams }: Props) {
  const cinema = await cinemaBySlug(await getDb(), (await params).theater);
  if (!cinema) notFound();
  return <ProgrammePage cinema={cinema} search={await searchParams} />;
}
