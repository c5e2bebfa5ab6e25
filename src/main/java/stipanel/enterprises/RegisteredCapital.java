package stipanel.enterprises;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import stipanel.ingest.Cells;
import stipanel.ingest.RowRejectedException;

/**
 * 注册资本 as free text ({@code 500万元人民币}, {@code 500万元（认缴）}, {@code 6350万美元}, {@code 5000000元},
 * {@code 人民币500万元}) split into an amount in 万 of its currency and an ISO currency code (docs/source-rules.md "Enterprises").
 */
public record RegisteredCapital(BigDecimal amountWan, String currency) {

    private static final Map<String, String> CURRENCIES = new LinkedHashMap<>();

    static {
        CURRENCIES.put("人民币", "CNY");
        CURRENCIES.put("美元", "USD");
        CURRENCIES.put("港元", "HKD");
        CURRENCIES.put("港币", "HKD");
        CURRENCIES.put("欧元", "EUR");
        CURRENCIES.put("日元", "JPY");
        CURRENCIES.put("英镑", "GBP");
        CURRENCIES.put("新台币", "TWD");
        CURRENCIES.put("澳门元", "MOP");
        CURRENCIES.put("新加坡元", "SGD");
        CURRENCIES.put("澳大利亚元", "AUD");
        CURRENCIES.put("澳元", "AUD");
        CURRENCIES.put("加拿大元", "CAD");
        CURRENCIES.put("加元", "CAD");
        CURRENCIES.put("瑞士法郎", "CHF");
        CURRENCIES.put("韩元", "KRW");
    }

    /** ISO 4217 codes a 币种 column may give instead of a name. */
    private static final java.util.Set<String> ISO_CODES = java.util.Set.of("CNY", "RMB", "USD", "HKD", "EUR", "JPY",
            "GBP", "TWD", "MOP", "SGD", "AUD", "CAD", "CHF", "KRW");

    /**
     * A 币种 cell (docs/sources.md): a currency's name (人民币, 美元, 港元 …, with or without 元/币 spelled out) or its ISO
     * code; {@code null} for a missing cell; anything else rejects the row, for the capital beside it cannot be read.
     */
    public static String currencyNamed(String raw, String column) {
        if (Cells.isMissing(raw)) {
            return null;
        }
        String t = Cells.text(raw).replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
        if (ISO_CODES.contains(t)) {
            return t.equals("RMB") ? "CNY" : t;
        }
        String name = t.endsWith("元") || t.endsWith("币") || t.endsWith("镑") || t.endsWith("郎") ? t : t + "元";
        String code = CURRENCIES.get(t) != null ? CURRENCIES.get(t) : CURRENCIES.get(name);
        if (code == null) {
            throw new RowRejectedException("currency_unknown", column + "“" + Cells.text(raw)
                    + "”不是币种（应为人民币、美元、港元、欧元、日元等，或 ISO 代码如 USD），注册资本无法确定币种");
        }
        return code;
    }

    /**
     * Parses {@code raw} in {@code statedCurrency} (a 币种 column's ISO code, or null): the 币种 is the currency of an
     * amount that names none; an amount that names another currency than its 币种 rejects the row.
     */
    public static RegisteredCapital parse(String raw, String headerUnit, String column, String statedCurrency,
                                          String currencyColumn) {
        RegisteredCapital capital = parse(raw, headerUnit, column);
        if (capital == null || statedCurrency == null) {
            return capital;
        }
        Matcher m = TEXT.matcher(NOTE.matcher(Cells.text(raw).replaceAll("\\s", "")).replaceFirst(""));
        boolean namesCurrency = m.matches() && (m.group(1) != null || m.group(5) != null);
        if (namesCurrency && !capital.currency().equals(statedCurrency)) {
            throw new RowRejectedException("currency_conflict", column + "“" + Cells.text(raw) + "”的币种为 "
                    + capital.currency + "，与" + currencyColumn + " " + statedCurrency + " 不一致");
        }
        return new RegisteredCapital(capital.amountWan(), statedCurrency);
    }


    private static final String CURRENCY = "(人民币|美元|港元|港币|欧元|日元|英镑|新台币)?";
    private static final Pattern TEXT = Pattern.compile(
            CURRENCY + "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(亿|万|千|百)?(元)?" + CURRENCY);
    private static final Pattern NOTE = Pattern.compile("\\((认缴|实缴|实收|注册)\\)$|(认缴|实缴)$");

    /**
     * Parses {@code raw}; {@code headerUnit} is the unit the header states ({@code 注册资本（万元）}) for a bare
     * number. {@code null} for a missing cell; text that is no amount rejects the row.
     */
    public static RegisteredCapital parse(String raw, String headerUnit, String column) {
        if (Cells.isMissing(raw)) {
            return null;
        }
        String t = NOTE.matcher(Cells.text(raw).replaceAll("\\s", "")).replaceFirst("");
        Matcher m = TEXT.matcher(t);
        if (!m.matches() || (m.group(1) != null && m.group(5) != null)) {
            throw new RowRejectedException("money_invalid", column + "“" + Cells.text(raw) + "”不是金额");
        }
        BigDecimal amount = new BigDecimal(m.group(2).replace(",", ""));
        String multiplier = m.group(3);
        boolean bare = multiplier == null && m.group(4) == null && m.group(1) == null && m.group(5) == null;
        if (bare && headerUnit != null && !headerUnit.isEmpty()) {
            multiplier = switch (headerUnit.replace("人民币", "")) {
                case "万元" -> "万";
                case "亿元" -> "亿";
                case "千元" -> "千";
                case "元" -> null;
                default -> throw new RowRejectedException("unit_unknown", column + "：单位“" + headerUnit + "”不是金额单位");
            };
        } else if (bare) {
            throw new RowRejectedException("money_unit_missing", column + "“" + Cells.text(raw)
                    + "”没有单位（元、万元……），表头也未注明");
        }
        BigDecimal wan = switch (multiplier == null ? "" : multiplier) {
            case "亿" -> amount.multiply(BigDecimal.valueOf(10000));
            case "万" -> amount;
            case "千" -> amount.divide(BigDecimal.TEN, MathContext.DECIMAL64);
            case "百" -> amount.divide(BigDecimal.valueOf(100), MathContext.DECIMAL64);
            default -> amount.divide(BigDecimal.valueOf(10000), MathContext.DECIMAL64);
        };
        String currency = m.group(1) != null ? m.group(1) : m.group(5);
        BigDecimal amountWan = wan.stripTrailingZeros();
        if (amountWan.scale() < 0) {
            amountWan = amountWan.setScale(0);
        }
        return new RegisteredCapital(amountWan, currency == null ? "CNY" : CURRENCIES.get(currency));
    }
}
