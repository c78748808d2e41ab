package dev.videosdk.spi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body built in memory (for uploads of a few megabytes, such as
 * input images).
 *
 * @param contentType the content type with its boundary
 * @param bytes       the encoded body
 */
public record MultipartBody(String contentType, byte[] bytes) {

    /** A builder with a random boundary. */
    public static Builder builder() {
        return new Builder("videosdk-" + UUID.randomUUID());
    }

    /** Builds a {@link MultipartBody}. */
    public static final class Builder {
        private final String boundary;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        private Builder(String boundary) {
            this.boundary = boundary;
        }

        /** Adds a text field. */
        public Builder field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
            write(value);
            write("\r\n");
            return this;
        }

        /** Adds a file part with its file name and MIME type. */
        public Builder file(String name, String fileName, String mimeType, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: " + mimeType + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }

        /** Closes the body. */
        public MultipartBody build() {
            write("--" + boundary + "--\r\n");
            return new MultipartBody("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }
    }
}
