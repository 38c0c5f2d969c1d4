package se.utskick.delivery;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import se.utskick.ConfigException;

/**
 * Header values built from data: every one is checked for CR, LF and NUL before it is written, so
 * nothing a member or an association typed can start a header of its own; non-ASCII text becomes
 * RFC 2047 encoded-words (UTF-8, Q or B as the text needs); address domains go out in IDNA ASCII
 * form (RFC 5890). Thread-safe; the only state is a bounded cache of converted domains.
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

    /**
     * The text as is if it is printable ASCII, else RFC 2047 §4.1 "B" encoded-words in UTF-8, each
     * at most 64 characters, separated by folding white space; a character is never split across
     * words (§5). Written here rather than with MimeUtility.encodeText, which looks up its encoder
     * through ServiceLoader on every call: too slow for a header per recipient.
     */
    static String encoded(String what, String text) {
        singleLine(what, text);
        if (printableAscii(text) && !text.contains("=?")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() * 2);
        java.io.ByteArrayOutputStream word = new java.io.ByteArrayOutputStream(WORD_BYTES + 4);
        text.codePoints().forEach(cp -> {
            byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            if (word.size() + b.length > WORD_BYTES) {
                flushWord(out, word);
            }
            word.writeBytes(b);
        });
        flushWord(out, word);
        return out.toString();
    }

    /** 39 bytes → 52 base64 characters + 12 of the wrapper = 64. */
    private static final int WORD_BYTES = 39;

    private static void flushWord(StringBuilder out, java.io.ByteArrayOutputStream word) {
        if (word.size() == 0) {
            return;
        }
        if (!out.isEmpty()) {
            out.append("\r\n ");
        }
        out.append("=?UTF-8?B?").append(java.util.Base64.getEncoder().encodeToString(word.toByteArray())).append("?=");
        word.reset();
    }

    /** A msg-id (RFC 5322 §3.6.4): {@code <left@right>}, printable ASCII without spaces or further brackets. */
    static String messageId(String what, String value) {
        singleLine(what, value);
        String v = value.strip();
        boolean ok = v.length() > 4 && v.length() <= 200 && v.startsWith("<") && v.endsWith(">") && v.indexOf('@') > 1
                && v.substring(1, v.length() - 1).chars().allMatch(ch -> ch > 32 && ch < 127 && ch != '<' && ch != '>');
        if (!ok) {
            throw new IllegalArgumentException(what + " is not a Message-ID such as <token@example.org>");
        }
        return v;
    }

    /** {@code "Display Name" <local@ascii-domain>}, the name RFC 2047 encoded or quoted. */
    static String mailbox(String what, String name, String address) {
        String addr = asciiAddress(what, address);
        if (name == null || name.isBlank()) {
            return "<" + addr + ">";
        }
        singleLine(what, name);
        boolean ascii = true;
        for (int i = 0; i < name.length() && ascii; i++) {
            ascii = name.charAt(i) < 128;
        }
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
        for (int i = 0; i < at; i++) {
            char ch = address.charAt(i);
            if (ch <= 32 || ch >= 127 || ch == '<' || ch == '>' || ch == ',') {
                throw new IllegalArgumentException(what + " has a local part that cannot be sent");
            }
        }
        String domain = address.substring(at + 1);
        String ascii = DOMAINS.get(domain);
        if (ascii == null) {
            ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            if (DOMAINS.size() < MAX_DOMAINS) {
                DOMAINS.put(domain, ascii);
            }
        }
        return address.substring(0, at + 1) + ascii;
    }

    /** Domains already converted (members share a few hundred providers); only successes, so a bad domain fails every time. */
    private static final Map<String, String> DOMAINS = new ConcurrentHashMap<>();
    private static final int MAX_DOMAINS = 10_000;

    private static boolean printableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 32 || ch >= 127) {
                return false;
            }
        }
        return true;
    }
}
