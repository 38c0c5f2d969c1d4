package se.utskick.register;

import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

/** One generated member of the sample district; mutable while roles are handed out. */
final class SamplePerson {
    final String number;
    final String first;
    final String last;
    final int town;
    final String phone;
    /** The joined date as its epoch day (a 100,000-member sample holds every person at once: keep them small). */
    final int joined;
    String email;
    /** Null until the first role: most members hold none. */
    private Set<RoleAssignment> roles;

    private SamplePerson(String number, String first, String last, int town, String phone, int joined, String email) {
        this.number = number;
        this.first = first;
        this.last = last;
        this.town = town;
        this.phone = phone;
        this.joined = joined;
        this.email = email;
    }

    static SamplePerson random(Random rnd, int number, int town, Set<String> emails) {
        String first = pick(rnd, SampleNames.FIRST);
        String last = rnd.nextInt(12) == 0 ? pick(rnd, SampleNames.LAST) + "-" + pick(rnd, SampleNames.LAST) : pick(rnd, SampleNames.LAST);
        String phone = rnd.nextInt(10) < 7 ? String.format("07%d-%03d %02d %02d", rnd.nextInt(10), rnd.nextInt(1000),
                rnd.nextInt(100), rnd.nextInt(100)) : null;
        int dice = rnd.nextInt(100);
        String email = dice < 8 ? null : dice < 10 ? malformed(rnd, first, last) : address(rnd, first, last, emails);
        return new SamplePerson(Integer.toString(number), first, last, town, phone, (int) SampleRegister.joined(rnd).toEpochDay(), email);
    }

    /** Gives a role; a role holder always gets a usable address. */
    void give(Role role, String area, Random rnd, Set<String> emails) {
        if (roles == null) {
            roles = new LinkedHashSet<>();
        }
        roles.add(new RoleAssignment(role, area));
        if (email == null || EmailCheck.of(email).status() != EmailStatus.OK) {
            email = address(rnd, first, last, emails);
        }
    }

    String[] fields() {
        SampleNames.Town t = SampleNames.TOWNS.get(town);
        return new String[] {number, first, last, email, phone, t.name(), t.region().label(),
                java.time.LocalDate.ofEpochDay(joined).toString(), roles == null ? "" : RoleAssignment.formatColumn(roles)};
    }

    private static String address(Random rnd, String first, String last, Set<String> emails) {
        String base = switch (rnd.nextInt(4)) {
            case 0 -> SampleNames.ascii(first) + "." + SampleNames.ascii(last);
            case 1 -> SampleNames.ascii(first).charAt(0) + SampleNames.ascii(last);
            case 2 -> SampleNames.ascii(first) + "_" + SampleNames.ascii(last);
            default -> SampleNames.ascii(first) + SampleNames.ascii(last).substring(0, 2);
        };
        int odds = rnd.nextInt(100);
        String domain = odds < 3 ? pick(rnd, SampleNames.IDN_DOMAINS)
                : odds < 6 ? pick(rnd, SampleNames.DOMAINS).toUpperCase(java.util.Locale.ROOT)
                : pick(rnd, SampleNames.DOMAINS);
        String local = base;
        for (int n = 2; !emails.add(EmailCheck.normalise(local + "@" + domain)); n++) {
            local = base + n;
        }
        return local + "@" + domain;
    }

    private static String malformed(Random rnd, String first, String last) {
        String local = SampleNames.ascii(first) + "." + SampleNames.ascii(last);
        return switch (rnd.nextInt(6)) {
            case 0 -> local + "example.org";
            case 1 -> SampleNames.ascii(first) + ".." + SampleNames.ascii(last) + "@example.com";
            case 2 -> SampleNames.ascii(first) + " " + SampleNames.ascii(last) + "@example.org";
            case 3 -> local + "@example.org,";
            case 4 -> local + "@example,com";
            default -> local + "@example";
        };
    }

    private static <T> T pick(Random rnd, java.util.List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
