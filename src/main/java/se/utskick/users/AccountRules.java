package se.utskick.users;

import java.util.regex.Pattern;

/** What an account's name, display name and password must be, and how a client address is kept; each refusal says the rule. */
final class AccountRules {
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final int MAX_PASSWORD_LENGTH = 1000;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,40}");

    private AccountRules() {
    }

    static boolean isUsername(String name) {
        return name != null && USERNAME.matcher(name).matches();
    }

    /** The display name, stripped; the username when none is given. */
    static String displayName(String displayName, String username) {
        String display = displayName == null || displayName.isBlank() ? username : displayName.strip();
        if (display.length() > 100 || display.chars().anyMatch(Character::isISOControl)) {
            throw new UsersException("the display name must be one line of at most 100 characters");
        }
        return display;
    }

    static String username(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new UsersException("the username '" + username + "' must be 2 to 40 of a-z, 0-9, '.', '_' and '-'"
                    + " (lower case, no spaces), e.g. anna.k");
        }
        return username;
    }

    static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new UsersException("the password must be at least " + MIN_PASSWORD_LENGTH
                    + " characters; a few unrelated words make a good one");
        }
        if (password.length > MAX_PASSWORD_LENGTH) {
            throw new UsersException("the password must be at most " + MAX_PASSWORD_LENGTH + " characters");
        }
    }

    static UsersException noSuchUser(String username) {
        return new UsersException("there is no user '" + username + "' (see: users list)");
    }

    /** The client address as stored and audited: only the characters of an IP address, at most 64. */
    static String clientAddress(String clientAddress) {
        String a = clientAddress == null ? "" : clientAddress.strip().replaceAll("[^0-9A-Za-z.:%_-]", "");
        a = a.length() > 64 ? a.substring(0, 64) : a;
        return a.isEmpty() ? "unknown" : a;
    }
}
