package se.utskick.delivery;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import se.utskick.ConfigException;

/**
 * Header values built from data: every one is checked for CR, LF and NUL before it is written, so
 * nothing a member or an association typed can start a header of its own; non-ASCII text becomes
 * RFC 2047 encoded-words (UTF-8, Q or B as the text needs); address domains go out in IDNA ASCII
 * form (RFC 5890). Stateless and thread-safe.
 */
final class HeaderText {
    private HeaderText() {
    }

    /** The value, if it has no line break or NUL. */
    static String singleLine(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\r' || ch == '\n' || ch == 0) {
                throw new HeaderInjectionException(what);
            }
        }
        return value;
    }

    static String requireSingleLine(String key, String value) {
        try {
            return singleLine(key, value);
        } catch (HeaderInjectionException e) {
            throw new ConfigException("the configuration key " + key + " must be one line");
        }
    }

    static void requireAddress(String key, String address) {
        try {
            asciiAddress(key, address);
        } catch (HeaderInjectionException | IllegalArgumentException e) {
            throw new ConfigException("the configuration key " + key + " is '" + address
                    + "' but must be an e-mail address such as distriktet@varmland.example.org");
        }
    }

    /** RFC 2047 encoded-words when needed, else the text as is; folded by the encoder. */
    static String encoded(String what, String text) {
        singleLine(what, text);
        try {
            return MimeUtility.encodeText(text, "UTF-8", null);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code "Display Name" <local@ascii-domain>}, the name RFC 2047 encoded or quoted. */
    static String mailbox(String what, String name, String address) {
        String addr = asciiAddress(what, address);
        if (name == null || name.isBlank()) {
            return "<" + addr + ">";
        }
        singleLine(what, name);
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(name);
        String shown = ascii ? "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : encoded(what, name);
        return shown + " <" + addr + ">";
    }

    /** The address with its domain in IDNA ASCII form; the local part must be ASCII without spaces. */
    static String asciiAddress(String what, String address) {
        singleLine(what, address);
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new IllegalArgumentException(what + " is not an e-mail address");
        }
        String local = address.substring(0, at);
        if (!local.chars().allMatch(ch -> ch > 32 && ch < 127 && ch != '<' && ch != '>' && ch != ',')) {
            throw new IllegalArgumentException(what + " has a local part that cannot be sent");
        }
        String domain = IDN.toASCII(address.substring(at + 1), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        return local + "@" + domain;
    }
}
