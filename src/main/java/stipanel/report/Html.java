package stipanel.report;

/** A page built as text: elements with attributes, and every text escaped, so delivered text can never be markup. */
final class Html {

    private final StringBuilder s = new StringBuilder();

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder e = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> e.append("&amp;");
                case '<' -> e.append("&lt;");
                case '>' -> e.append("&gt;");
                case '"' -> e.append("&quot;");
                case '\'' -> e.append("&#39;");
                default -> e.append(c);
            }
        }
        return e.toString();
    }

    /** Markup written as it is: only for the page's own fixed markup, never for data. */
    Html raw(String markup) {
        s.append(markup);
        return this;
    }

    Html text(String text) {
        s.append(escape(text));
        return this;
    }

    /** {@code <tag name="value" …>}; attributes come in name, value pairs. */
    Html open(String tag, String... attributes) {
        s.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                s.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
        s.append('>');
        return this;
    }

    Html close(String tag) {
        s.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding text. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    @Override
    public String toString() {
        return s.toString();
    }
}
