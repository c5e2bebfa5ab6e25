package stipanel.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PDF as poppler's pdftotext reads it: per page its size, its text in the order it is drawn, and every word with
 * its box (in points from the top left), so a test can see what a printed page holds.
 */
public record PdfPages(List<Page> pages) {

    public record Word(double xMin, double yMin, double xMax, double yMax, String text) {

        /**
         * Whether two words are drawn over each other: their boxes overlap across, and their middles are closer than
         * half a line (the boxes of two lines of a paragraph touch; text running into the next row's is on top of it).
         */
        boolean overlaps(Word o) {
            double dx = Math.min(xMax, o.xMax) - Math.max(xMin, o.xMin);
            double dy = Math.abs((yMin + yMax) - (o.yMin + o.yMax)) / 2;
            return dx > 1 && dy < Math.min(yMax - yMin, o.yMax - o.yMin) / 2;
        }
    }

    public record Page(int number, double width, double height, String text, List<Word> words) {

        /** The page's text without any white space, for finding text a layout broke over lines. */
        public String compact() {
            return PdfPages.compact(text);
        }

        /** How often {@code s} (white space ignored) occurs on the page. */
        public int count(String s) {
            String needle = PdfPages.compact(s);
            String hay = compact();
            int n = 0;
            for (int i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length())) {
                n++;
            }
            return n;
        }

        /** Pairs of words drawn over each other: text overlapping other text. */
        public List<String> overlappingWords() {
            List<String> overlaps = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                for (int j = i + 1; j < words.size(); j++) {
                    if (words.get(i).overlaps(words.get(j))) {
                        overlaps.add("'" + words.get(i).text() + "' / '" + words.get(j).text() + "'");
                    }
                }
            }
            return overlaps;
        }

        /** The printed size of the CJK text on the page: a CJK character is one em wide. */
        public List<Double> cjkFontSizes() {
            List<Double> sizes = new ArrayList<>();
            for (Word w : words) {
                if (w.text().length() >= 2 && w.text().chars().allMatch(c -> c >= 0x4E00 && c <= 0x9FFF)) {
                    sizes.add((w.xMax() - w.xMin()) / w.text().length());
                }
            }
            return sizes;
        }
    }

    private static final Pattern PAGE = Pattern.compile("<page width=\"([\\d.]+)\" height=\"([\\d.]+)\">(.*?)</page>",
            Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile(
            "<word xMin=\"([\\d.-]+)\" yMin=\"([\\d.-]+)\" xMax=\"([\\d.-]+)\" yMax=\"([\\d.-]+)\">([^<]*)</word>");

    public static PdfPages read(Path pdf) {
        Path pdftotext = ExternalTool.require("pdftotext", "poppler-utils");
        String[] texts = ExternalTool.run(60, pdftotext.toString(), "-raw", pdf.toString(), "-").split("\f");
        String boxes = ExternalTool.run(60, pdftotext.toString(), "-bbox", pdf.toString(), "-");
        List<Page> pages = new ArrayList<>();
        Matcher page = PAGE.matcher(boxes);
        while (page.find()) {
            List<Word> words = new ArrayList<>();
            Matcher word = WORD.matcher(page.group(3));
            while (word.find()) {
                words.add(new Word(Double.parseDouble(word.group(1)), Double.parseDouble(word.group(2)),
                        Double.parseDouble(word.group(3)), Double.parseDouble(word.group(4)), unescape(word.group(5))));
            }
            int n = pages.size();
            pages.add(new Page(n + 1, Double.parseDouble(page.group(1)), Double.parseDouble(page.group(2)),
                    n < texts.length ? texts[n] : "", words));
        }
        return new PdfPages(pages);
    }

    /** Text without white space, the ideographic space (　) included. */
    public static String compact(String text) {
        return text.replaceAll("[\\s\u3000]+", "");
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
