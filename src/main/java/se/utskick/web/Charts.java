package se.utskick.web;

import java.util.List;
import java.util.Map;
import se.utskick.delivery.DeliveryState;

/**
 * Charts as inline SVG drawn on the server: no JavaScript, no external library, readable without
 * colour (every bar carries its number and a title for screen readers). Output is complete markup;
 * every text in it is escaped here.
 */
final class Charts {
    private static final Map<DeliveryState, String> COLOURS = Map.of(
            DeliveryState.SENT, "#2e7d32", DeliveryState.QUEUED, "#90a4ae", DeliveryState.DEFERRED, "#f9a825",
            DeliveryState.FAILED, "#c62828", DeliveryState.BOUNCED, "#6a1b9a", DeliveryState.CANCELLED, "#616161",
            DeliveryState.BLOCKED, "#e65100");
    private static final int WIDTH = 560;
    private static final int LABEL = 170;
    private static final int ROW = 26;

    private Charts() {
    }

    /** One row of a chart: a label and, per part, its count. */
    record Bar(String label, Map<DeliveryState, Long> parts) {
    }

    /** A rate in [0, 1] with the counts it comes from. */
    record Rate(String label, int hits, int of) {
        double value() {
            return of == 0 ? 0 : (double) hits / of;
        }
    }

    /** Stacked horizontal bars of delivery outcomes, one per letter, each scaled to its own total. */
    static String outcomes(String title, List<Bar> bars, Texts texts) {
        int legendRows = (DeliveryState.values().length + 2) / 3; // three a row, 20 px each
        StringBuilder svg = open(title, bars.size() + (legendRows * 20 + ROW - 1) / ROW);
        int y = 0;
        for (Bar b : bars) {
            long total = b.parts().values().stream().mapToLong(Long::longValue).sum();
            text(svg, 0, y + 17, b.label(), "start");
            double x = LABEL;
            for (DeliveryState s : DeliveryState.values()) {
                long n = b.parts().getOrDefault(s, 0L);
                if (n == 0 || total == 0) {
                    continue;
                }
                double w = (WIDTH - LABEL - 60) * (double) n / total;
                svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y + 4).append("\" width=\"").append(fmt(w))
                        .append("\" height=\"18\" fill=\"").append(COLOURS.get(s)).append("\"><title>")
                        .append(Html.escape(texts.get("delivery." + s.name()) + ": " + n)).append("</title></rect>");
                x += w;
            }
            text(svg, WIDTH - 55, y + 17, String.valueOf(total), "start");
            y += ROW;
        }
        DeliveryState[] states = DeliveryState.values();
        for (int i = 0; i < states.length; i++) {
            int lx = (i % 3) * 180;
            int ly = y + (i / 3) * 20;
            svg.append("<rect x=\"").append(lx).append("\" y=\"").append(ly + 6).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(COLOURS.get(states[i])).append("\"/>");
            text(svg, lx + 16, ly + 17, texts.get("delivery." + states[i].name()), "start");
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars of rates (e.g. feedback given per association), labelled with "hits of of". */
    static String rates(String title, List<Rate> rates) {
        StringBuilder svg = open(title, rates.size());
        int y = 0;
        for (Rate r : rates) {
            text(svg, 0, y + 17, r.label(), "start");
            double w = (WIDTH - LABEL - 70) * r.value();
            svg.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 4).append("\" width=\"").append(WIDTH - LABEL - 70)
                    .append("\" height=\"18\" fill=\"#e0e0e0\"/>");
            svg.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 4).append("\" width=\"").append(fmt(w))
                    .append("\" height=\"18\" fill=\"#1565c0\"><title>").append(Html.escape(r.label() + ": " + r.hits() + " / " + r.of()))
                    .append("</title></rect>");
            text(svg, WIDTH - 62, y + 17, r.hits() + " / " + r.of(), "start");
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int rows) {
        int h = Math.max(1, rows) * ROW + 6;
        return new StringBuilder("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(h)
                .append("\" aria-label=\"").append(Html.escape(title)).append("\" xmlns=\"http://www.w3.org/2000/svg\">")
                .append("<title>").append(Html.escape(title)).append("</title>");
    }

    private static void text(StringBuilder svg, double x, int y, String s, String anchor) {
        String shown = s.length() > 26 ? s.substring(0, 25) + "…" : s;
        svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(y).append("\" font-size=\"13\" fill=\"#212121\" text-anchor=\"")
                .append(anchor).append("\">").append(Html.escape(shown)).append("</text>");
    }

    private static String fmt(double d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d);
    }

}
