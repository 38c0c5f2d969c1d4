package se.utskick.register;

import java.util.List;
import java.util.Random;

/** The vocabulary of the sample district: towns with their region and weight, names, domains. */
final class SampleNames {
    record Town(String name, Region region, int weight) {
    }

    static final List<Town> TOWNS = List.of(
            new Town("Karlstad", Region.SOUTH, 40), new Town("Hammarö", Region.SOUTH, 8),
            new Town("Kristinehamn", Region.SOUTH, 12), new Town("Säffle", Region.SOUTH, 7),
            new Town("Ölme", Region.SOUTH, 2), new Town("Grums", Region.SOUTH, 5),
            new Town("Kil", Region.SOUTH, 6), new Town("Forshaga", Region.SOUTH, 6),
            new Town("Årjäng", Region.SOUTH, 4), new Town("Storfors", Region.SOUTH, 3),
            new Town("Molkom", Region.SOUTH, 2), new Town("Väse", Region.SOUTH, 2),
            new Town("Skoghall", Region.SOUTH, 4), new Town("Deje", Region.SOUTH, 2),
            new Town("Värmlandsbro", Region.SOUTH, 1),
            new Town("Arvika", Region.NORTH, 12), new Town("Sunne", Region.NORTH, 7),
            new Town("Torsby", Region.NORTH, 6), new Town("Hagfors", Region.NORTH, 7),
            new Town("Filipstad", Region.NORTH, 6), new Town("Munkfors", Region.NORTH, 3),
            new Town("Eda", Region.NORTH, 4), new Town("Charlottenberg", Region.NORTH, 2),
            new Town("Ekshärad", Region.NORTH, 2), new Town("Sysslebäck", Region.NORTH, 1),
            new Town("Glava", Region.NORTH, 1), new Town("Koppom", Region.NORTH, 1),
            new Town("Lesjöfors", Region.NORTH, 2), new Town("Råda", Region.NORTH, 1),
            new Town("Östmark", Region.NORTH, 1));

    static final List<String> FIRST = List.of("Anna", "Åsa", "Märta", "Ingrid", "Karin", "Maria", "Sofia", "Elin",
            "Linnéa", "Maja", "Ebba", "Signe", "Agnes", "Björk", "Göta", "Kerstin", "Birgitta", "Margareta", "Lena",
            "Ulla", "Eva", "Sara", "Hanna", "Ida", "Frida", "Tove", "Märit", "Ylva", "Solveig", "Astrid", "Majken",
            "Erik", "Lars", "Björn", "Göran", "Jörgen", "Håkan", "Åke", "Sören", "Örjan", "Per", "Nils", "Olof",
            "Karl", "Johan", "Anders", "Mikael", "Stefan", "Jonas", "Oskar", "Viktor", "Elias", "Hugo", "Måns",
            "Tor", "Gösta", "Bengt", "Rune", "Östen", "Sixten", "Joel", "Ali", "Fatima", "Amir", "Leyla", "Noor");

    static final List<String> LAST = List.of("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
            "Olsson", "Persson", "Svensson", "Gustafsson", "Jönsson", "Håkansson", "Åkesson", "Öberg", "Ström",
            "Sjöberg", "Lindström", "Bäckström", "Nyström", "Löfgren", "Hägg", "Björklund", "Sandström", "Wåhlin",
            "Fröding", "Löfström", "Älvén", "Ågren", "Engström", "Höglund", "Brännström", "Dahlström", "Holmqvist",
            "Lundqvist", "Forsberg", "Sjödin", "Ekström", "Åström", "Törnqvist", "Mårtensson", "Göransson",
            "Jansson", "Berg", "Lind", "Axelsson", "Mohammadi", "Yilmaz", "Hassan", "Nordmark", "Fryksdal");

    /** Reserved example domains; two are IDN, one comes upper-cased, to exercise normalisation. */
    static final List<String> DOMAINS = List.of("example.org", "example.com", "example.net", "post.example",
            "bredband.example", "mail.example", "example.org", "example.com");
    static final List<String> IDN_DOMAINS = List.of("föreningen.example", "värmland.example");

    private SampleNames() {
    }

    /** The town of the i-th member: eight in each town first, then weighted at random. */
    static int town(Random rnd, int i) {
        if (i < TOWNS.size() * 8) {
            return i % TOWNS.size();
        }
        int total = TOWNS.stream().mapToInt(Town::weight).sum();
        int pick = rnd.nextInt(total);
        for (int t = 0; t < TOWNS.size(); t++) {
            pick -= TOWNS.get(t).weight();
            if (pick < 0) {
                return t;
            }
        }
        return 0;
    }

    /** A name as the local part of an address: lower case, å ä ö and é spelled in ASCII. */
    static String ascii(String name) {
        StringBuilder b = new StringBuilder();
        for (char ch : name.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            switch (ch) {
                case 'å', 'ä' -> b.append('a');
                case 'ö' -> b.append('o');
                case 'é' -> b.append('e');
                case ' ' -> b.append('-');
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
