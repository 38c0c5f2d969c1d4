package se.utskick.associations;

import java.time.LocalDate;

/** A board letter's (or targeted mailing's) request for feedback and its deadline. */
public record Question(long letterId, String subject, String request, LocalDate deadline) {
}
