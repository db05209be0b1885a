import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { movieBySlug } from "@/db/queries/catalog";
import { cinemaBySlug } from "@/db/queries/cinemas";
import { MoviePage } from "../../../movie-page";
import type { ListingSearch } from "../../../programme-page";

type Props = { params: Promise<{ theater: string; movie: string }>; searchParams: Promise<ListingSearch> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { theater, movie: slug } = await params;
  const db = await getDb();
  const [cinema, movie] = await Promise.all([cinemaBySlug(db, theater), movieBySlug(db, slug)]);
  return { title: movie && cinema ? `${movie.title} at ${cinema.name}` : "Movie not found" };
}

/** A movie at a cinema the URL names: its times there first, then the other cinemas'. */
export default async function CinemaMoviePage({ params, searchParams }: Props) {
  const { theater, movie } = await params;
  const cinema = await cinemaBySlug(await getDb(), theater);
  if (!cinema) notFound();
  return <MoviePage slug={movie} chosen={cinema} path={`/c/${cinema.slug}/movies/${movie}`} search={await searchParams} />;
}
