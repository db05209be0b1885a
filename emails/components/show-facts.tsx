import { Text } from "@react-email/components";
import { styles } from "./styles";

/** Movie, place and time as a few short lines, the way a ticket stub reads; the show's tags (IMAX · Audio description) under the title. */
export function ShowFacts({ movieTitle, theaterName, screenName, startsAt, tags }: { movieTitle: string; theaterName?: string; screenName?: string; startsAt: string; tags?: string }) {
  return (
    <>
      <Text style={{ ...styles.facts, fontWeight: 700, fontSize: "17px" }}>{movieTitle}</Text>
      {tags ? <Text style={{ ...styles.facts, fontWeight: 700 }}>{tags}</Text> : null}
      <Text style={styles.facts}>{startsAt}</Text>
      {theaterName ? <Text style={styles.facts}>{screenName ? `${theaterName} · ${screenName}` : theaterName}</Text> : null}
    </>
  );
}
