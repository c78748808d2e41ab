package dev.videosdk.internal.download;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tells media from what is not media, by the {@code Content-Type} header and the first bytes
 * (magic numbers): MP4/QuickTime {@code ftyp} (or a leading {@code moov}/{@code mdat}/{@code free}
 * box), WebM/Matroska {@code 1A 45 DF A3}, JPEG {@code FF D8 FF}, PNG, WebP {@code RIFF....WEBP},
 * GIF {@code GIF87a}/{@code GIF89a}.
 */
public final class MediaCheck {
    /** Bytes needed to recognise every signature above. */
    static final int SNIFF_BYTES = 12;

    /** What the first bytes are. */
    enum Kind {
        MP4, WEBM, JPEG, PNG, WEBP, GIF, TEXT, UNKNOWN;

        boolean isMedia() {
            return this != TEXT && this != UNKNOWN;
        }
    }

    private MediaCheck() {
    }

    /**
     * The MIME type the first bytes announce ({@code video/mp4}, {@code video/webm}, {@code image/jpeg},
     * {@code image/png}, {@code image/webp}, {@code image/gif}), or null for anything else.
     */
    public static String mimeTypeOf(byte[] head) {
        return switch (sniff(head, head.length)) {
            case MP4 -> "video/mp4";
            case WEBM -> "video/webm";
            case JPEG -> "image/jpeg";
            case PNG -> "image/png";
            case WEBP -> "image/webp";
            case GIF -> "image/gif";
            case TEXT, UNKNOWN -> null;
        };
    }

    /** The kind a MIME type promises, or {@link Kind#UNKNOWN} when it names no signature we know. */
    static Kind expected(String mimeType) {
        String m = base(mimeType);
        return switch (m) {
            case "video/mp4", "video/quicktime", "video/x-m4v", "audio/mp4", "image/heic" -> Kind.MP4;
            case "video/webm", "video/x-matroska", "audio/webm" -> Kind.WEBM;
            case "image/jpeg", "image/jpg" -> Kind.JPEG;
            case "image/png" -> Kind.PNG;
            case "image/webp" -> Kind.WEBP;
            case "image/gif" -> Kind.GIF;
            default -> Kind.UNKNOWN;
        };
    }

    /** True when a {@code Content-Type} header announces text: JSON, HTML, XML or {@code text/*}. */
    static boolean isTextType(String contentType) {
        String m = base(contentType);
        return m.startsWith("text/") || m.equals("application/json") || m.endsWith("+json") || m.equals("application/xml")
                || m.endsWith("+xml") || m.equals("application/xhtml+xml") || m.equals("application/javascript");
    }

    /** True when the header announces JSON. */
    static boolean isJsonType(String contentType) {
        String m = base(contentType);
        return m.equals("application/json") || m.endsWith("+json") || m.equals("text/json");
    }

    /** What the first {@code n} bytes of {@code b} are. */
    static Kind sniff(byte[] b, int n) {
        if (n >= 8 && (box(b, "ftyp") || box(b, "moov") || box(b, "mdat") || box(b, "free") || box(b, "wide") || box(b, "skip"))) {
            return Kind.MP4;
        }
        if (n >= 4 && (b[0] & 0xff) == 0x1A && (b[1] & 0xff) == 0x45 && (b[2] & 0xff) == 0xDF && (b[3] & 0xff) == 0xA3) {
            return Kind.WEBM;
        }
        if (n >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Kind.JPEG;
        }
        if (n >= 8 && (b[0] & 0xff) == 0x89 && ascii(b, 1, "PNG") && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Kind.PNG;
        }
        if (n >= 12 && ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return Kind.WEBP;
        }
        if (n >= 6 && (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a"))) {
            return Kind.GIF;
        }
        return looksLikeText(b, n) ? Kind.TEXT : Kind.UNKNOWN;
    }

    /** True when the bytes open like JSON, HTML/XML or a short plain-text message. */
    static boolean looksLikeText(byte[] b, int n) {
        int i = 0;
        if (n >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            i = 3; // UTF-8 byte order mark
        }
        while (i < n && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        if (i < n && (b[i] == '{' || b[i] == '[' || b[i] == '<')) {
            return true;
        }
        int limit = Math.min(n, 512);
        for (int k = i; k < limit; k++) {
            int c = b[k] & 0xff;
            if (c < 0x09 || (c > 0x0d && c < 0x20) || c == 0x7f) {
                return false;
            }
        }
        return limit > i; // printable only: a text message
    }

    private static boolean box(byte[] b, String type) {
        return ascii(b, 4, type);
    }

    private static boolean ascii(byte[] b, int at, String s) {
        byte[] want = s.getBytes(StandardCharsets.US_ASCII);
        if (b.length < at + want.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (b[at + i] != want[i]) {
                return false;
            }
        }
        return true;
    }

    private static String base(String mime) {
        if (mime == null) {
            return "";
        }
        int semi = mime.indexOf(';');
        return (semi < 0 ? mime : mime.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
