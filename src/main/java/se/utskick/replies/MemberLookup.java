package se.utskick.replies;

import java.util.Optional;

/** Finding a member by address or number, from the register. */
public interface MemberLookup {

    /** The member whose current address is {@code normalisedEmail} (lower-case, trimmed). */
    Optional<Long> byEmail(String normalisedEmail);

    /** The member with this member number (for the ombudsman's commands). */
    Optional<Long> byNumber(String memberNumber);
}
