import { Link, Text } from "@react-email/components";
import { ActionButton } from "./components/action-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/styles";

export type SignInLinkProps = {
  url: string;
  /** The site's host as the customer knows it, e.g. "marquee.example". */
  host: string;
  /** How long the link works, already phrased, e.g. "24 hours". */
  expiresIn?: string;
};

export function signInLinkSubject(p: Pick<SignInLinkProps, "host">) {
  return `Sign in to Marquee (${p.host})`;
}

export default function SignInLink(p: SignInLinkProps) {
  return (
    <EmailLayout title="Sign in to Marquee" preview={`Your sign-in link for ${p.host}`}>
      <Text style={styles.text}>Use the button below to sign in to {p.host}. The link works once{p.expiresIn ? ` and expires in ${p.expiresIn}` : ""}.</Text>
      <ActionButton href={p.url}>Sign in</ActionButton>
      <Text style={styles.muted}>
        If the button does not work, copy this address into your browser:{" "}
        <Link href={p.url} style={styles.link}>
          {p.url}
        </Link>
      </Text>
      <Text style={styles.muted}>If you did not ask to sign in, you can ignore this email: nobody can sign in without this link.</Text>
    </EmailLayout>
  );
}

SignInLink.PreviewProps = {
  url: "http://localhost:3000/api/auth/callback/resend?token=abc&email=ana%40example.com",
  host: "localhost:3000",
  expiresIn: "24 hours",
} satisfies SignInLinkProps;
