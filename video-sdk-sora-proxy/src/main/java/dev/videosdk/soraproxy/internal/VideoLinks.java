package dev.videosdk.soraproxy.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the result video's link in a gateway's assistant text. Tiers, first hit wins, and within
 * a tier the last link (the result comes at the end of the text):
 * <ol>
 *   <li>{@code <video src>}, then {@code <source src>} (HTML entities decoded);</li>
 *   <li>markdown links whose URL looks like a video ({@code .mp4 .webm .mov .m3u8}, query allowed);</li>
 *   <li>bare URLs that look like a video;</li>
 *   <li>any other markdown link, then any bare URL.</li>
 * </ol>
 * Never picked: links inside a fenced <code>```json</code> block (the prompt echo), the request's
 * own input URLs, and known non-video links (the 22codex "preview"/"raw data" links).
 */
final class VideoLinks {
    private static final Pattern JSON_FENCE = Pattern.compile("```json.*?(```|\\z)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern VIDEO_TAG = Pattern.compile("<video[^>]*?\\ssrc\\s*=\\s*['\"]([^'\"]+)['\"]", Pattern.CASE_INSENSITIVE);
    private static final Pattern SOURCE_TAG = Pattern.compile("<source[^>]*?\\ssrc\\s*=\\s*['\"]([^'\"]+)['\"]", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKDOWN = Pattern.compile("\\[([^\\]\\n]*)\\]\\((https?://[^\\s)]+)\\)");
    private static final Pattern BARE = Pattern.compile("https?://[^\\s)\\]>\"'<`]+");
    private static final Pattern VIDEO_PATH = Pattern.compile("(?i)\\.(mp4|webm|mov|m3u8)(\\?.*)?$");
    private static final String TRAILING = ".,;:!?)]}~*";

    private VideoLinks() {
    }

    /** The video link in {@code text}, ignoring {@code inputs} (the request's own image URLs). */
    static Optional<URI> find(String text, Collection<String> inputs) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String searchable = JSON_FENCE.matcher(text).replaceAll(" ");
        List<List<String>> tiers = List.of(
                captures(VIDEO_TAG, searchable, 1).stream().map(VideoLinks::unescapeHtml).toList(),
                captures(SOURCE_TAG, searchable, 1).stream().map(VideoLinks::unescapeHtml).toList(),
                markdown(searchable, true),
                bare(searchable).stream().filter(VideoLinks::looksLikeVideo).toList(),
                markdown(searchable, false),
                bare(searchable));
        for (List<String> tier : tiers) {
            for (int i = tier.size() - 1; i >= 0; i--) {
                String candidate = tier.get(i);
                if (inputs.contains(candidate) || isNonVideo(candidate)) {
                    continue;
                }
                Optional<URI> uri = toUri(candidate);
                if (uri.isPresent()) {
                    return uri;
                }
            }
        }
        return Optional.empty();
    }

    /** A URL string as a URI if it is an absolute http(s) URL. */
    static Optional<URI> toUri(String candidate) {
        try {
            URI uri = new URI(candidate.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The MIME type a link's file extension suggests; {@code video/mp4} when it has none. */
    static String mimeTypeOf(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        if (path.endsWith(".webm")) return "video/webm";
        if (path.endsWith(".mov")) return "video/quicktime";
        if (path.endsWith(".m3u8")) return "application/vnd.apple.mpegurl";
        return "video/mp4";
    }

    private static List<String> captures(Pattern p, String text, int group) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(group));
        }
        return out;
    }

    private static List<String> markdown(String text, boolean videoOnly) {
        List<String> out = new ArrayList<>();
        Matcher m = MARKDOWN.matcher(text);
        while (m.find()) {
            String label = m.group(1);
            String url = m.group(2);
            if (label.contains("预览") || label.contains("原始数据")) {
                continue;
            }
            if (looksLikeVideo(url) == videoOnly) {
                out.add(url);
            }
        }
        return out;
    }

    private static List<String> bare(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = BARE.matcher(text);
        while (m.find()) {
            String url = m.group();
            int end = url.length();
            while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) {
                end--;
            }
            out.add(url.substring(0, end));
        }
        return out;
    }

    private static boolean looksLikeVideo(String url) {
        String path = url;
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }
        return VIDEO_PATH.matcher(path).find();
    }

    private static boolean isNonVideo(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.contains("task-preview=") || lower.contains("task-source=");
    }

    private static String unescapeHtml(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
