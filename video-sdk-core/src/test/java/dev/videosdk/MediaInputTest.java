package dev.videosdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MediaInputTest {

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void sniffMimeType_judgesByTheFirstBytes_notTheName() {
        assertThat(MediaInput.sniffMimeType(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0)))
                .hasValue("image/png");
        assertThat(MediaInput.sniffMimeType(bytes(0xFF, 0xD8, 0xFF, 0xE0))).hasValue("image/jpeg");
        assertThat(MediaInput.sniffMimeType("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).hasValue("image/webp");
        assertThat(MediaInput.sniffMimeType("GIF89a......".getBytes(StandardCharsets.ISO_8859_1))).hasValue("image/gif");
        assertThat(MediaInput.sniffMimeType(bytes(0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'))).hasValue("video/mp4");
        assertThat(MediaInput.sniffMimeType(bytes(0x1A, 0x45, 0xDF, 0xA3, 0, 0, 0, 0))).hasValue("video/webm");
    }

    @Test
    void sniffMimeType_textHtmlAndUnknownBytes_areEmpty() {
        assertThat(MediaInput.sniffMimeType("just some text".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(MediaInput.sniffMimeType("<!DOCTYPE html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(MediaInput.sniffMimeType("{\"error\":1}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(MediaInput.sniffMimeType(new byte[0])).isEmpty();
        assertThat(MediaInput.sniffMimeType(bytes(0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b))).isEmpty();
    }
}
