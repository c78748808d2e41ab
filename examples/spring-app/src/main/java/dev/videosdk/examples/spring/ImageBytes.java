package dev.videosdk.examples.spring;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What an uploaded file is, judged by its first bytes rather than its name or the browser's Content-Type (like
 * the CLI's {@code --image}): the PNG, JPEG, WebP and GIF signatures the providers accept. Core's own media
 * sniffing is internal ({@code dev.videosdk.internal.download}), so the example keeps this small check itself.
 */
final class ImageBytes {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private ImageBytes() {
    }

    /** The image MIME type the bytes start with ({@code image/png}, {@code image/jpeg}, ...), or null for anything else. */
    static String mimeType(byte[] data) {
        if (startsWith(data, PNG)) {
            return "image/png";
        }
        if (startsWith(data, JPEG)) {
            return "image/jpeg";
        }
        if (data.length >= 12 && latin1(data, 0, 4).equals("RIFF") && latin1(data, 8, 4).equals("WEBP")) {
            return "image/webp";
        }
        if (data.length >= 6 && (latin1(data, 0, 6).equals("GIF87a") || latin1(data, 0, 6).equals("GIF89a"))) {
            return "image/gif";
        }
        return null;
    }

    private static boolean startsWith(byte[] data, byte[] signature) {
        return data.length >= signature.length && Arrays.equals(data, 0, signature.length, signature, 0, signature.length);
    }

    private static String latin1(byte[] data, int from, int length) {
        return new String(data, from, length, StandardCharsets.ISO_8859_1);
    }
}
