package se.utskick.letters;

import java.util.Map;
import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Markdown from associations (untrusted) to HTML for mail clients: raw HTML is escaped, not passed
 * through; links keep only http, https and mailto targets; images are shown as their alt text (no
 * remote images from submitted content); every element gets its style inline, because mail clients
 * drop style sheets. The renderer is immutable and thread-safe.
 */
final class MarkdownHtml {
    private static final String FONT = "font-family:Arial,Helvetica,sans-serif;";
    private static final Map<Class<? extends Node>, String> STYLES = Map.of(
            Paragraph.class, "margin:0 0 12px 0;font-size:16px;line-height:24px;",
            Heading.class, FONT + "margin:16px 0 8px 0;font-size:18px;line-height:24px;color:#222222;",
            Link.class, "color:#b3001b;text-decoration:underline;",
            BulletList.class, "margin:0 0 12px 0;padding-left:24px;",
            OrderedList.class, "margin:0 0 12px 0;padding-left:24px;",
            BlockQuote.class, "margin:0 0 12px 0;padding-left:12px;border-left:3px solid #dddddd;color:#555555;",
            Code.class, "font-family:Consolas,monospace;font-size:14px;background-color:#f2f2f2;");

    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new OnlyWebLinks())
            .attributeProviderFactory(ctx -> (node, tag, attrs) -> {
                String style = STYLES.get(node.getClass());
                if (style != null) {
                    attrs.put("style", style);
                }
            })
            .nodeRendererFactory(ctx -> new ImageAsText(ctx.getWriter()))
            .build();

    String render(Node document) {
        return renderer.render(document);
    }

    private static final class OnlyWebLinks implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            return Links.allowed(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return "";
        }
    }

    /** An image becomes its alt text: submitted content must not make the letter fetch remote images. */
    private record ImageAsText(org.commonmark.renderer.html.HtmlWriter html) implements NodeRenderer {
        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            StringBuilder alt = new StringBuilder();
            for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof org.commonmark.node.Text t) {
                    alt.append(t.getLiteral());
                }
            }
            html.text(alt.isEmpty() ? "[bild]" : "[" + alt + "]");
        }
    }
}
