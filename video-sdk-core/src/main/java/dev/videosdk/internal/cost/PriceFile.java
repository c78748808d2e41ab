package dev.videosdk.internal.cost;

import dev.videosdk.Price;
import dev.videosdk.PriceTable;
import dev.videosdk.Resolution;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the price table file format described on {@link PriceTable}. */
public final class PriceFile {
    /** The table shipped in core, next to this class. */
    static final String SHIPPED = "prices.csv";
    private static final String HEADER = "kind,provider,model,resolution,audio,amount,unit,per,source,read_on,note";
    private static final int COLUMNS = 11;
    private static volatile PriceTable shipped;

    private PriceFile() {
    }

    /** The shipped table, read once. */
    public static PriceTable shipped() {
        PriceTable table = shipped;
        if (table == null) {
            try (InputStream in = PriceFile.class.getResourceAsStream(SHIPPED)) {
                if (in == null) {
                    throw new IllegalStateException("the shipped price table " + SHIPPED + " is missing from video-sdk-core");
                }
                table = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "video-sdk");
            } catch (IOException e) {
                throw new UncheckedIOException("the shipped price table cannot be read", e);
            }
            shipped = table;
        }
        return table;
    }

    /** Parses {@code text}; {@code name} prefixes the version and names the input in errors. */
    public static PriceTable parse(String text, String name) {
        List<Price> prices = new ArrayList<>();
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        String version = name;
        boolean header = false;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("# version:")) {
                version = name + " " + line.substring("# version:".length()).strip();
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.replace(" ", "").equals(HEADER)) {
                    throw error(name, i, "the first line must be the header \"" + HEADER + "\", but was \"" + line + "\"");
                }
                header = true;
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != COLUMNS) {
                throw error(name, i, "a row must have " + COLUMNS + " fields, but had " + f.length);
            }
            for (int k = 0; k < f.length; k++) {
                f[k] = f[k].strip();
            }
            switch (f[0]) {
                case "price" -> prices.add(price(name, i, f));
                case "rate" -> rates.put(f[6], amount(name, i, f[5], false));
                default -> throw error(name, i, "kind must be price or rate, but was \"" + f[0] + "\"");
            }
        }
        return new PriceTable(version, prices, rates);
    }

    private static Price price(String name, int i, String[] f) {
        Resolution resolution;
        try {
            resolution = f[3].equals("*") ? null : Resolution.parse(f[3]);
        } catch (IllegalArgumentException e) {
            throw error(name, i, e.getMessage());
        }
        Boolean audio = switch (f[4]) {
            case "on" -> Boolean.TRUE;
            case "off" -> Boolean.FALSE;
            case "*" -> null;
            default -> throw error(name, i, "audio must be on, off or *, but was \"" + f[4] + "\"");
        };
        Price.Per per = switch (f[7].toLowerCase(Locale.ROOT)) {
            case "second" -> Price.Per.SECOND;
            case "video" -> Price.Per.VIDEO;
            default -> throw error(name, i, "per must be second or video, but was \"" + f[7] + "\"");
        };
        if (f[8].isEmpty()) {
            throw error(name, i, "source must not be empty: every price names where it was read");
        }
        LocalDate readOn;
        try {
            readOn = LocalDate.parse(f[9]);
        } catch (DateTimeParseException e) {
            throw error(name, i, "read_on must be a date like 2026-11-30, but was \"" + f[9] + "\"");
        }
        return Price.builder().provider(f[1]).model(f[2]).resolution(resolution).audio(audio)
                .amount(amount(name, i, f[5], true)).unit(f[6]).per(per).source(f[8]).readOn(readOn)
                .note(f[10].isEmpty() ? null : f[10]).build();
    }

    private static BigDecimal amount(String name, int i, String text, boolean unknownAllowed) {
        if (unknownAllowed && text.equals("unknown")) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.signum() < 0) {
                throw error(name, i, "amount must be zero or more, but was " + text);
            }
            return amount;
        } catch (NumberFormatException e) {
            throw error(name, i, "amount must be a decimal" + (unknownAllowed ? " or unknown" : "") + ", but was \"" + text + "\"");
        }
    }

    private static IllegalArgumentException error(String name, int line, String message) {
        return new IllegalArgumentException("price table " + name + " line " + (line + 1) + ": " + message);
    }
}
