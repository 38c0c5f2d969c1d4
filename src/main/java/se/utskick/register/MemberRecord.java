package se.utskick.register;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One row of {@code member}, as stored or as an import wants it to be; equal records mean no update. */
record MemberRecord(long id, String number, String firstName, String lastName, String email, String emailRaw,
                    EmailStatus emailStatus, String emailReason, LocalDateTime emailSince, String phone,
                    Integer associationId, LocalDate joined, MemberStatus status, LocalDate leftOn) {

    MemberRecord withId(long newId) {
        return new MemberRecord(newId, number, firstName, lastName, email, emailRaw, emailStatus, emailReason, emailSince,
                phone, associationId, joined, status, leftOn);
    }
}
