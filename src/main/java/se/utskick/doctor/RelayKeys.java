package se.utskick.doctor;

import java.util.Locale;
import se.utskick.delivery.DeliveryConfig.StartTls;

/**
 * How the doctor's findings about one SMTP relay name it and its settings, so the fix points at the
 * key to change: the {@code smtp.*} keys and the parts "smtp", "smtp tls"… for the relay "default",
 * the relay's URL in {@code smtp.relays} and the parts "smtp NAME", "smtp NAME tls"… for the others.
 *
 * @param part        the check's name of the relay's first line ("smtp" or "smtp bulk")
 * @param host        where its host is set
 * @param hostAndPort where its host and port are set
 * @param tls         how implicit TLS is asked for
 * @param user        where its user is set
 * @param password    where its password is set
 */
record RelayKeys(String name, String part, String host, String hostAndPort, String tls, String user, String password) {

    static RelayKeys of(String name) {
        if (name.equals("default")) {
            return new RelayKeys(name, "smtp", "smtp.host", "smtp.host and smtp.port", "smtp.tls = true", "smtp.user",
                    "smtp.password (UTSKICK_SMTP_PASSWORD)");
        }
        String url = "the URL of " + name + " in smtp.relays";
        return new RelayKeys(name, "smtp " + name, "the host of " + url, "the host and port of " + url,
                "smtps:// in " + url, "the user of " + url + " (smtp://user@host)",
                "smtp.relays.password (" + name + "=…, UTSKICK_SMTP_RELAYS_PASSWORD)");
    }

    boolean isDefault() {
        return name.equals("default");
    }

    /** The name of one of the relay's lines: "smtp tls", "smtp bulk auth". */
    String part(String what) {
        return part + " " + what;
    }

    /** The STARTTLS setting with its value: {@code smtp.starttls = required} or {@code starttls=required in …}. */
    String startTls(StartTls value) {
        String v = value.name().toLowerCase(Locale.ROOT);
        return isDefault() ? "smtp.starttls = " + v : "?starttls=" + v + " in the URL of " + name + " in smtp.relays";
    }

    /** What an empty user is called: "smtp.user is empty". */
    String noUser() {
        return isDefault() ? "smtp.user is empty" : "no user in the URL of " + name + " in smtp.relays";
    }

    /** The sign-in keys in a few words, for a hint: "smtp.user, smtp.password". */
    String signIn() {
        return isDefault() ? "smtp.user, smtp.password" : "a user in the URL of " + name + " and smtp.relays.password";
    }
}
