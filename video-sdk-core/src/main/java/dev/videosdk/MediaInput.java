package dev.videosdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An image or video given to a provider: a URL the provider fetches, bytes in memory, or a file.
 * Providers that only take URLs, or only inline data, say so in their capabilities; the SDK checks
 * before any call.
 *
 * <pre>{@code
 * MediaInput.url("https://example.com/cat.png");
 * MediaInput.file(Path.of("cat.png"));                 // MIME type from the extension
 * MediaInput.bytes(pngBytes, "image/png");
 * }</pre>
 */
public sealed interface MediaInput {

    /** The MIME type, when known (always known for bytes and files). */
    String mimeType();

    /** A publicly reachable URL. */
    static MediaInput url(String url) {
        return new Url(URI.create(url), null);
    }

    /** A publicly reachable URL. */
    static MediaInput url(URI url) {
        return new Url(url, null);
    }

    /** Bytes held in memory, with their MIME type (e.g. {@code image/png}). */
    static MediaInput bytes(byte[] data, String mimeType) {
        return new Bytes(data, mimeType);
    }

    /** A local file; the MIME type is taken from the file extension. */
    static MediaInput file(Path path) {
        return new File(path, guessMimeType(path.getFileName().toString()));
    }

    /** A local file with an explicit MIME type. */
    static MediaInput file(Path path, String mimeType) {
        return new File(path, mimeType);
    }

    /**
     * The MIME type a file's first bytes announce — judged by its content, not its name: {@code video/mp4}
     * (an ISO-BMFF {@code ftyp} box), {@code video/webm}, {@code image/jpeg}, {@code image/png},
     * {@code image/webp} or {@code image/gif}; empty for anything else (text, HTML, other formats). Twelve
     * bytes are enough; fewer may leave a type unrecognised.
     *
     * @param head the first bytes of the file (not null)
     */
    static Optional<String> sniffMimeType(byte[] head) {
        return Optional.ofNullable(dev.videosdk.internal.download.MediaCheck.mimeTypeOf(Objects.requireNonNull(head, "head")));
    }

    /** The MIME type for a file name's extension, or {@code application/octet-stream}. */
    static String guessMimeType(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) return "image/png";
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) return "image/jpeg";
        if (name.endsWith(".webp")) return "image/webp";
        if (name.endsWith(".gif")) return "image/gif";
        if (name.endsWith(".mp4")) return "video/mp4";
        if (name.endsWith(".mov")) return "video/quicktime";
        if (name.endsWith(".webm")) return "video/webm";
        return "application/octet-stream";
    }

    /**
     * A URL input.
     *
     * @param uri      the URL
     * @param mimeType the MIME type if known, else null
     */
    record Url(URI uri, String mimeType) implements MediaInput {
        /** Requires an http(s) URL. */
        public Url {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("gs") && !scheme.equals("data")) {
                throw InvalidRequestException.local("sdk", "image", "media URL must be http(s), gs or data, but was " + uri);
            }
        }
    }

    /**
     * Bytes held in memory.
     *
     * @param data     the content (copied)
     * @param mimeType its MIME type
     */
    record Bytes(byte[] data, String mimeType) implements MediaInput {
        /** Copies the data and requires a MIME type. */
        public Bytes {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(mimeType, "mimeType");
            if (data.length == 0) {
                throw InvalidRequestException.local("sdk", "image", "media bytes must not be empty, but was 0 bytes");
            }
            data = data.clone();
        }

        /** A copy of the content. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        /** Size in bytes. */
        public int size() {
            return data.length;
        }

        /** The content as standard Base64 without line breaks or {@code data:} prefix. */
        public String base64() {
            return Base64.getEncoder().encodeToString(data);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && b.mimeType.equals(mimeType) && java.util.Arrays.equals(b.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * mimeType.hashCode() + java.util.Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Bytes[" + mimeType + ", " + data.length + " bytes]";
        }
    }

    /**
     * A local file.
     *
     * @param path     the file
     * @param mimeType its MIME type
     */
    record File(Path path, String mimeType) implements MediaInput {
        /** Requires both parts. */
        public File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(mimeType, "mimeType");
        }

        /** Reads the file into a {@link Bytes} input; throws {@link UncheckedIOException} if unreadable. */
        public Bytes read() {
            try {
                return new Bytes(Files.readAllBytes(path), mimeType);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read media file " + path, e);
            }
        }
    }

    /**
     * The content as bytes: {@link Bytes} as is, {@link File} read from disk. A {@link Url} has no
     * local content; this throws {@link IllegalStateException} for it.
     */
    default Bytes toBytes() {
        if (this instanceof Bytes b) return b;
        if (this instanceof File f) return f.read();
        throw new IllegalStateException("a URL input has no local bytes: " + this);
    }
}
