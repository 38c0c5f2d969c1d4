package se.utskick.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An independent DKIM verifier for the tests (RFC 6376 §3.4.2 relaxed header and §3.4.4 relaxed
 * body canonicalisation, rsa-sha256), written from the RFC and not sharing code with the signer,
 * so the test shows that what arrived verifies, not that the signer agrees with itself.
 */
final class DkimVerifier {
    private DkimVerifier() {
    }

    /** The tags of the DKIM-Signature, after checking body hash and signature; throws AssertionError if either fails. */
    static Map<String, String> verify(byte[] message, PublicKey key) throws Exception {
        String all = new String(message, StandardCharsets.ISO_8859_1);
        int split = all.indexOf("\r\n\r\n");
        List<String> headers = unfoldedHeaders(all.substring(0, split + 2));
        String body = all.substring(split + 4);
        String sigHeader = headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith("dkim-signature:"))
                .findFirst().orElseThrow(() -> new AssertionError("no DKIM-Signature"));
        Map<String, String> tags = tags(sigHeader.substring(sigHeader.indexOf(':') + 1));
        String bh = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(relaxedBody(body).getBytes(StandardCharsets.ISO_8859_1)));
        if (!bh.equals(tags.get("bh"))) {
            throw new AssertionError("body hash differs: " + bh + " vs " + tags.get("bh"));
        }
        StringBuilder signed = new StringBuilder();
        for (String name : tags.get("h").split(":")) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            for (int i = headers.size() - 1; i >= 0; i--) {
                if (headers.get(i).toLowerCase(Locale.ROOT).startsWith(n + ":")) {
                    signed.append(relaxedHeader(headers.get(i))).append("\r\n");
                    break;
                }
            }
        }
        String withoutB = sigHeader.replaceFirst("(?s)([;\\s]b=)[^;]*", "$1");
        signed.append(relaxedHeader(withoutB));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(signed.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!rsa.verify(Base64.getDecoder().decode(tags.get("b").replaceAll("\\s", "")))) {
            throw new AssertionError("DKIM signature does not verify over:\n" + signed);
        }
        return tags;
    }

    private static List<String> unfoldedHeaders(String block) {
        List<String> out = new ArrayList<>();
        for (String line : block.split("\r\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                out.set(out.size() - 1, out.getLast() + "\r\n" + line);
            } else if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }

    private static String relaxedHeader(String h) {
        int colon = h.indexOf(':');
        String value = h.substring(colon + 1).replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
        return h.substring(0, colon).strip().toLowerCase(Locale.ROOT) + ":" + value;
    }

    private static String relaxedBody(String body) {
        String[] lines = body.split("\r\n", -1);
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.replaceAll("[ \t]+", " ").replaceAll(" $", ""));
        }
        while (!out.isEmpty() && out.getLast().isEmpty()) {
            out.removeLast();
        }
        return out.isEmpty() ? "" : String.join("\r\n", out) + "\r\n";
    }

    private static Map<String, String> tags(String value) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : value.replace("\r\n", "").split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                tags.put(part.substring(0, eq).strip(), part.substring(eq + 1).replaceAll("\\s", ""));
            }
        }
        return tags;
    }
}
