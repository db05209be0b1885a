import { Text } from "@react-email/components";
import { styles } from "./styles";

/** Movie, place and time as a few short lines, the way a ticket stub reads. */
export function ShowFacts({ movieTitle, theaterName, screenName, startsAt }: { movieTitle: string; theaterName?: string; screenName?: string; startsAt: string }) {
  return (
    <>
      <Text style={{ ...styles.facts, fontWeight: 700, fontSize: "17px" }}>{movieTitle}</Text>
      <Text style={styles.facts}>{startsAt}</Text>
      {theaterName ? <Text style={styles.facts}>{screenName ? `${theaterName} · ${screenName}` : theaterName}</Text> : null}
    </>
  );
}
