package se.utskick.register;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The register's rules about addresses, published once for the features that ask them set-based in
 * SQL (audience resolution, the reminders' choice of people, delivery's resend of failed rows).
 * Each fragment is a boolean SQL expression over one {@code member} row, built from
 * {@link EmailStatus#usable()}: a new address state is either usable or needs fixing, in every
 * feature at once ({@code AddressRuleAgreementTest} asserts they agree on every state).
 *
 * <ul>
 *   <li><b>usable</b>: an ACTIVE member whose address can receive mail;</li>
 *   <li><b>needs fixing</b>: an ACTIVE member whose address cannot (whatever the reason: missing,
 *       invalid, bounced, or any state added later). The two never overlap, and together they are
 *       every active member.</li>
 * </ul>
 * The {@code alias} arguments name the {@code member} table in the caller's query; they are
 * constants of the caller's SQL, never input.
 */
public final class AddressRule {
    /** {@link #usable(String)} for the alias {@code m}. */
    public static final String USABLE = usable("m");
    /** {@link #needsFixing(String)} for the alias {@code m}. */
    public static final String NEEDS_FIXING = needsFixing("m");

    private AddressRule() {
    }

    /** The address alone can receive mail: {@code alias.email_status IN (…usable states…)}. */
    public static String usableAddress(String alias) {
        String states = Arrays.stream(EmailStatus.values()).filter(EmailStatus::usable)
                .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        return alias + ".email_status IN (" + states + ")";
    }

    /** An ACTIVE member with a usable address. */
    public static String usable(String alias) {
        return alias + ".status = 'ACTIVE' AND " + usableAddress(alias);
    }

    /** An ACTIVE member whose address is not usable: what the membership officer must fix. */
    public static String needsFixing(String alias) {
        return alias + ".status = 'ACTIVE' AND NOT (" + usableAddress(alias) + ")";
    }

    /** The same rule in Java, for one member. */
    public static boolean usable(MemberStatus status, EmailStatus email) {
        return status == MemberStatus.ACTIVE && email.usable();
    }

    /** The same rule in Java, for one member. */
    public static boolean needsFixing(MemberStatus status, EmailStatus email) {
        return status == MemberStatus.ACTIVE && !email.usable();
    }
}
