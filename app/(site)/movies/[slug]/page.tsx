import { getDb } from "@/db/client";
import { movieBySlug } from "@/db/queries/catalog";
import { rememberedCinema } from "@/lib/catalog/chosen-cinema";
import { MoviePage } from "../../c/movie-page";
import type { ListingSearch } from "../../c/programme-page";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<ListingSearch> };

export async function generateMetadata({ params }: Props) {
  const movie = await movieBySlug(await getDb(), (await params).slug);
  return { title: movie?.title ?? "Movie not found" };
}

/**
 * The movie URL from before there were several cinemas (links in old emails, bookmarks): it keeps
 * working as the movie page at the visitor's remembered cinema (none remembered: every cinema
 * alike). It does not redirect: the same page, one request; /c/<slug>/movies/<movie> is the one to share.
 */
export default async function MovieBySlugPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const chosen = await rememberedCinema(await getDb());
  return <MoviePage slug={slug} chosen={chosen} path={`/movies/${slug}`} search={await searchParams} />;
}
