package se.utskick.web;

import se.utskick.associations.Outreach;

/**
 * The outreach overview's chart as inline SVG drawn on the server, like {@link Charts}: one bar per
 * association (its approved outward-facing events), a line at the yearly goal and a tick at the
 * pace expected by today; green on track, red behind. Every bar carries its number as text, so
 * it reads without colour. Every text in it is escaped here.
 */
final class OutreachChart {
    private static final int WIDTH = 640;
    private static final int LABEL = 200;
    private static final int ROW = 24;

    private OutreachChart() {
    }

    static String svg(Outreach o) {
        int rows = o.rows().size();
        int height = (rows + 1) * ROW + 10;
        int max = Math.max(o.goal(), o.rows().stream().mapToInt(Outreach.Row::approved).max().orElse(0));
        double scale = (WIDTH - LABEL - 50) / (double) Math.max(1, max);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" aria-labelledby=\"outreach-title\"><title id=\"outreach-title\">")
                .append(Html.escape("Utåtriktade arrangemang " + o.year() + " per förening, mål " + o.goal())).append("</title>");
        int y = 0;
        for (Outreach.Row r : o.rows()) {
            text(svg, 0, y + 16, r.name(), "start", r.onTrack() ? "#222222" : "#b71c1c");
            double w = r.approved() * scale;
            svg.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 4).append("\" width=\"").append(fmt(w))
                    .append("\" height=\"16\" fill=\"").append(r.onTrack() ? "#2e7d32" : "#c62828").append("\"><title>")
                    .append(Html.escape(r.name() + ": " + r.approved() + " av " + r.goal() + (r.onTrack() ? ", i fas" : ", efter")))
                    .append("</title></rect>");
            double pace = LABEL + r.expectedByNow() * scale;
            svg.append("<line x1=\"").append(fmt(pace)).append("\" x2=\"").append(fmt(pace)).append("\" y1=\"").append(y + 2)
                    .append("\" y2=\"").append(y + 22).append("\" stroke=\"#555555\" stroke-width=\"2\"/>");
            text(svg, LABEL + w + 6, y + 16, r.approved() + (r.onTrack() ? "" : " (efter)"), "start", "#222222");
            y += ROW;
        }
        double goal = LABEL + o.goal() * scale;
        svg.append("<line x1=\"").append(fmt(goal)).append("\" x2=\"").append(fmt(goal)).append("\" y1=\"0\" y2=\"").append(y)
                .append("\" stroke=\"#000000\" stroke-dasharray=\"4 3\"/>");
        text(svg, LABEL, y + 18, "Streckad linje: målet " + o.goal() + ". Grått streck: i fas hittills (" + o.expectedByNow() + ").",
                "start", "#555555");
        return svg.append("</svg>").toString();
    }

    private static void text(StringBuilder svg, double x, int y, String s, String anchor, String fill) {
        svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(y).append("\" font-size=\"13\" font-family=\"sans-serif\" fill=\"")
                .append(fill).append("\" text-anchor=\"").append(anchor).append("\">").append(Html.escape(s)).append("</text>");
    }

    private static String fmt(double d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d);
    }
}
