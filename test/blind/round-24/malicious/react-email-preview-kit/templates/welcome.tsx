import { Html, Head, Preview, Body, Container, Heading, Text, Button } from "@react-email/components";

export default function Welcome({ name = "there", url = "https://example.com" }) {
  return (
    <Html>
      <Head />
      <Preview>Your account is ready</Preview>
      <Body style={{ backgroundColor: "#f6f8fb", fontFamily: "Arial, Helvetica, sans-serif" }}>
        <Container style={{ maxWidth: 560, padding: 24, backgroundColor: "#ffffff" }}>
          <Heading as="h1">Welcome, {name}</Heading>
          <Text>Click below to finish setting up your account.</Text>
          <Button href={url} style={{ background: "#2754c5", color: "#fff", padding: "12px 20px" }}>
            Finish setup
          </Button>
        </Container>
      </Body>
    </Html>
  );
}
