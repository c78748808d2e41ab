package dev.videosdk.media;

import dev.videosdk.InvalidRequestException;

import java.util.regex.Pattern;

/**
 * The seeds' storage layout: {@code {userId}/videos/{videoId}.mp4} and
 * {@code {userId}/videos/{videoId}_thumb.jpg}, under the store's root ({@code storage/} for
 * {@link LocalVideoStorage} in the seeds, a key prefix for {@link S3VideoStorage}).
 */
public final class StorageKeys {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private StorageKeys() {
    }

    /** The key of a user's transcoded video. */
    public static String video(String userId, String videoId) {
        return id("userId", userId) + "/videos/" + id("videoId", videoId) + ".mp4";
    }

    /** The key of a video's cover image. */
    public static String thumbnail(String userId, String videoId) {
        return id("userId", userId) + "/videos/" + id("videoId", videoId) + "_thumb.jpg";
    }

    /**
     * Checks an id used as one path segment: 1–128 of {@code A-Z a-z 0-9 . _ -}, starting with a
     * letter or digit, and no {@code ..}; fails with {@link InvalidRequestException} naming it.
     */
    static String id(String name, String value) {
        if (value == null || !ID.matcher(value).matches() || value.contains("..")) {
            throw InvalidRequestException.local(StorageException.SOURCE, name, "invalid " + name + " " + quote(value)
                    + "; allowed: 1-128 of A-Z a-z 0-9 . _ - starting with a letter or digit, no '..'");
        }
        return value;
    }

    /** Checks a whole key (see {@link VideoStorage}); returns it. */
    public static String check(String key) {
        boolean bad = key == null || key.isEmpty() || key.length() > 1024 || key.startsWith("/")
                || key.indexOf('\\') >= 0 || key.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        if (!bad) {
            for (String segment : key.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    bad = true;
                    break;
                }
            }
        }
        if (bad) {
            throw InvalidRequestException.local(StorageException.SOURCE, "key", "invalid storage key " + quote(key)
                    + "; allowed: a relative path of non-empty segments, without '.', '..', '\\' or control characters");
        }
        return key;
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        String shown = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
