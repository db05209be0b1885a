import type { ReactNode } from "react";
import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import { styles } from "./styles";

/** The frame every Marquee email shares: brand band, one h1, the message, a short footer. */
export function EmailLayout({ title, preview, children }: { title: string; preview: string; children: ReactNode }) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <title>{title}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section style={styles.band}>
            <Text style={styles.brand}>Marquee</Text>
          </Section>
          <Section style={styles.content}>
            <Heading as="h1" style={styles.h1}>
              {title}
            </Heading>
            {children}
            <Hr style={styles.hr} />
            <Text style={styles.muted}>You are receiving this email because of activity on your Marquee account or booking.</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
