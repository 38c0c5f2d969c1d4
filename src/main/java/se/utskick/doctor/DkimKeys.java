package se.utskick.doctor;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.utskick.UtskickException;

/**
 * DKIM keys as the doctor compares them: the configured private key (PKCS#8 DER) and a
 * selector's TXT record (RFC 6376 §3.6.1 tags; {@code p=} a base64 SubjectPublicKeyInfo). Two RSA
 * keys are one pair when their moduli are equal.
 */
final class DkimKeys {
    private DkimKeys() {
    }

    /**
     * The RSA private key in {@code file}, PKCS#8 DER as the signer reads it (a PEM file is refused with
     * the command that converts it); an {@link UtskickException} naming the file if it cannot be read.
     */
    static RSAPrivateKey privateKey(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN")) {
                throw new GeneralSecurityException("it is a PEM text file, but the signer reads PKCS#8 DER");
            }
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bytes));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new UtskickException("dkim.private.key.file (" + file + ") cannot be read as a PKCS#8 RSA private key: "
                    + e.getMessage(), e);
        }
    }

    /** The public half of {@code key}, when it carries its public exponent (every key openssl writes does). */
    static Optional<RSAPublicKey> publicKey(RSAPrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            return Optional.empty();
        }
        try {
            return Optional.of((RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** The TXT record to publish for {@code key}: {@code v=DKIM1; k=rsa; p=…}. */
    static String record(RSAPrivateKey key) {
        return publicKey(key).map(p -> "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(p.getEncoded()))
                .orElse("v=DKIM1; k=rsa; p=<the base64 public key: openssl rsa -in key.pem -pubout -outform der | base64 -w0>");
    }

    /** The tags of a DKIM key record, names lower-cased, values with white space removed. */
    static Map<String, String> tags(String record) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : record.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                tags.put(part.substring(0, eq).strip().toLowerCase(Locale.ROOT), part.substring(eq + 1).replaceAll("\\s", ""));
            }
        }
        return tags;
    }

    /** The RSA key of {@code p=}; an exception with the reason if it is not one. */
    static RSAPublicKey publishedKey(String p) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(p)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new UtskickException("its p= is not a base64 RSA public key (" + e.getMessage() + ")", e);
        }
    }

    static boolean samePair(RSAPrivateKey priv, RSAPublicKey pub) {
        BigInteger n = priv.getModulus();
        return n.equals(pub.getModulus())
                && (!(priv instanceof RSAPrivateCrtKey crt) || crt.getPublicExponent().equals(pub.getPublicExponent()));
    }
}
