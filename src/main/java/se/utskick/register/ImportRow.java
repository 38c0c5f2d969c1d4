package se.utskick.register;

import java.time.LocalDate;
import java.util.Set;

/** One member as a register export lists them, checked; {@code line} is where it starts in the file. */
record ImportRow(int line, String number, String firstName, String lastName, EmailCheck email, String phone,
                 String association, Region region, LocalDate joined, Set<RoleAssignment> roles) {
}
