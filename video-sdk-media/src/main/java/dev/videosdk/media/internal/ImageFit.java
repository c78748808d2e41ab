package dev.videosdk.media.internal;

import dev.videosdk.media.MediaException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Places a decoded frame (already scaled by FFmpeg so that it fits inside, or covers, the target)
 * centred on a black canvas of the target size, which pads or crops it, and writes it as a JPEG.
 */
public final class ImageFit {
    private ImageFit() {
    }

    /** Decodes {@code png}, fits it to {@code width}×{@code height} and writes a JPEG of quality 1–100 to {@code out}. */
    public static void writeJpeg(byte[] png, int width, int height, int quality, Path out) throws IOException {
        BufferedImage canvas = centred(decode(png), width, height);
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out.toFile())) {
            write(canvas, quality, ios);
        }
    }

    /** Re-encodes a PNG frame, at its own size, as a JPEG of quality 1–100. */
    public static byte[] jpegBytes(byte[] png, int quality) throws IOException {
        BufferedImage frame = decode(png);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            write(centred(frame, frame.getWidth(), frame.getHeight()), quality, ios);
        }
        return out.toByteArray();
    }

    /** The frame centred on a black RGB canvas of the given size (padding or cropping it). */
    private static BufferedImage centred(BufferedImage frame, int width, int height) {
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(frame, (width - frame.getWidth()) / 2, (height - frame.getHeight()) / 2, null);
        } finally {
            g.dispose();
        }
        return canvas;
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage frame = ImageIO.read(new ByteArrayInputStream(png));
        if (frame == null) {
            throw new MediaException("FFmpeg's frame could not be decoded", List.of(), null);
        }
        return frame;
    }

    private static void write(BufferedImage image, int quality, ImageOutputStream ios) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
