import { Button, Section } from "@react-email/components";
import { styles } from "./styles";

/** The one call to action of an email, with room around it so it is easy to tap. */
export function ActionButton({ href, children }: { href: string; children: string }) {
  return (
    <Section style={{ margin: "20px 0" }}>
      <Button href={href} style={styles.button}>
        {children}
      </Button>
    </Section>
  );
}
