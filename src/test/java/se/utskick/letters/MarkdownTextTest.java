package se.utskick.letters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Guards the Markdown renderers: the text part reads as text (wrapped, lists and quotes marked,
 * links numbered once per address, unsafe links dropped to their words); the HTML part escapes raw
 * HTML, keeps only web and mail links, shows images as their alt text and styles inline.
 */
class MarkdownTextTest {
    private static final Parser PARSER = Parser.builder().build();

    private static String text(String md, Links links) {
        return MarkdownText.render(PARSER.parse(md), links);
    }

    private static String html(String md) {
        return new MarkdownHtml().render(PARSER.parse(md));
    }

    @Test
    void listsQuotesCodeAndHeadingsReadAsText() {
        String t = text("""
                ## Att göra

                1. Första punkten
                2. Andra punkten
                   - inuti

                > Citat från styrelsen

                    kod rad
                """, new Links());
        assertTrue(t.contains("Att göra\n--------"), t);
        assertTrue(t.contains("1. Första punkten\n2. Andra punkten\n   - inuti"), t);
        assertTrue(t.contains("> Citat från styrelsen"), t);
        assertTrue(t.contains("    kod rad"), t);
    }

    @Test
    void longParagraphsAreWrappedAndLongAddressesStandAlone() {
        String word = "https://varmland.example.org/" + "x".repeat(80);
        String t = text("ord ".repeat(40) + word + " slut", new Links());
        for (String line : t.split("\n")) {
            assertTrue(line.length() <= TextWrap.WIDTH || line.equals(word), line);
        }
        assertTrue(t.contains("\n" + word + "\n"), t);
    }

    @Test
    void theSameAddressGetsOneNumberAcrossItems() {
        Links links = new Links();
        String a = text("[ett](https://a.example.org) och [två](mailto:info@a.example.org)", links);
        String b = text("[igen](https://a.example.org)", links);
        assertEquals("ett [1] och två [2]", a);
        assertEquals("igen [1]", b);
        assertEquals(2, links.all().size());
    }

    @Test
    void unsafeLinksAreDroppedToTheirWords() {
        Links links = new Links();
        assertEquals("klicka", text("[klicka](javascript:alert(1))", links));
        assertEquals("fil", text("[fil](file:///etc/passwd)", links));
        assertTrue(links.all().isEmpty());
        String h = html("[klicka](javascript:alert(1)) [data](data:text/html,x)");
        assertFalse(h.contains("javascript:"), h);
        assertFalse(h.contains("data:"), h);
    }

    @Test
    void rawHtmlIsEscapedAndImagesBecomeTheirAltText() {
        String h = html("<img src=x onerror=alert(1)>\n\nText ![logga](https://spårare.example.org/p.gif) <iframe src=x>");
        assertFalse(h.contains("<img"), h);
        assertFalse(h.contains("<iframe"), h);
        assertTrue(h.contains("&lt;img src=x onerror=alert(1)&gt;"), h);
        assertTrue(h.contains("[logga]"), h);
    }

    @Test
    void htmlElementsCarryTheirStylesInline() {
        String h = html("Ett stycke med [länk](https://example.org).\n\n- punkt");
        assertTrue(h.contains("<p style=\""), h);
        assertTrue(h.contains("href=\"https://example.org\" style=\"color:"), h);
        assertTrue(h.contains("<ul style=\""), h);
    }
}
