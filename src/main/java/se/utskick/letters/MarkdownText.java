package se.utskick.letters;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Markdown to plain text written for reading as text: paragraphs wrapped at {@link TextWrap#WIDTH},
 * list items with "- " or "1. ", quotes with "> ", code kept as written and indented, headings
 * underlined, links as "text [n]" with the addresses numbered in {@link Links} (listed at the end of
 * the letter). Raw HTML is kept as the literal text the author wrote. One instance per document.
 */
final class MarkdownText {
    private final Links links;
    private final List<String> lines = new ArrayList<>();

    private MarkdownText(Links links) {
        this.links = links;
    }

    static String render(Node document, Links links) {
        MarkdownText t = new MarkdownText(links);
        t.blocks(document, "");
        while (!t.lines.isEmpty() && t.lines.getLast().isEmpty()) {
            t.lines.removeLast();
        }
        return String.join("\n", t.lines);
    }

    private void blocks(Node parent, String indent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            block(n, indent, indent);
        }
    }

    private void block(Node n, String first, String rest) {
        switch (n) {
            case Paragraph p -> {
                lines.addAll(TextWrap.wrap(inline(p), first, rest));
                if (!(p.getParent() instanceof ListItem)) {
                    lines.add("");
                }
            }
            case Heading h -> {
                String t = inline(h);
                lines.add(first + t);
                lines.add(rest + (h.getLevel() <= 1 ? "=" : "-").repeat(Math.max(3, t.length())));
                lines.add("");
            }
            case BulletList l -> list(l, rest, false);
            case OrderedList l -> list(l, rest, true);
            case BlockQuote q -> blocks(q, rest + "> ");
            case FencedCodeBlock c -> literal(c.getLiteral(), rest + "    ");
            case IndentedCodeBlock c -> literal(c.getLiteral(), rest + "    ");
            case HtmlBlock h -> literal(h.getLiteral(), rest);
            case ThematicBreak t -> {
                lines.add(rest + "-".repeat(20));
                lines.add("");
            }
            default -> blocks(n, rest);
        }
    }

    private void list(Node list, String indent, boolean ordered) {
        int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            String marker = ordered ? (number++) + ". " : "- ";
            String cont = indent + " ".repeat(marker.length());
            boolean firstBlock = true;
            for (Node b = item.getFirstChild(); b != null; b = b.getNext()) {
                block(b, firstBlock ? indent + marker : cont, cont);
                firstBlock = false;
            }
        }
        if (!(list.getParent() instanceof ListItem)) {
            lines.add("");
        }
    }

    private void literal(String text, String indent) {
        for (String l : text.stripTrailing().split("\n", -1)) {
            lines.add(indent + l);
        }
        lines.add("");
    }

    /** The inline content of a block as one string; hard breaks as '\n' (kept by the wrapper). */
    private String inline(Node parent) {
        StringBuilder b = new StringBuilder();
        inline(parent, b);
        return b.toString().strip();
    }

    private void inline(Node parent, StringBuilder b) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            switch (n) {
                case Text t -> b.append(t.getLiteral());
                case Code c -> b.append(c.getLiteral());
                case HtmlInline h -> b.append(h.getLiteral());
                case SoftLineBreak s -> b.append(' ');
                case HardLineBreak h -> b.append('\n');
                case Image i -> {
                    b.append('[');
                    inline(i, b);
                    b.append(']');
                }
                case Link l -> {
                    inline(l, b);
                    if (Links.allowed(l.getDestination())) {
                        b.append(" [").append(links.number(l.getDestination().strip())).append(']');
                    }
                }
                default -> inline(n, b);
            }
        }
    }
}
