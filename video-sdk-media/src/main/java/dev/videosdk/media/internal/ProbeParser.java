package dev.videosdk.media.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videosdk.media.InvalidMediaException;
import dev.videosdk.media.MediaInfo;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what FFmpeg says about a file: {@code ffprobe -print_format json -show_format -show_streams}
 * output, or, when no {@code ffprobe} is available, the summary {@code ffmpeg -i} prints to stderr.
 */
public final class ProbeParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INPUT = Pattern.compile("^Input #0, (.+), from '");
    private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");
    private static final Pattern STREAM = Pattern.compile("^Stream #0:\\d+.*?: (Video|Audio): (.*)$");
    private static final Pattern SIZE = Pattern.compile("(?<![\\w.])(\\d{1,5})x(\\d{1,5})(?![\\w.])");
    private static final Pattern FPS = Pattern.compile("([\\d.]+)(k?) (fps|tbr)");

    private ProbeParser() {
    }

    /** Parses ffprobe's JSON; a file with no video stream is an {@link InvalidMediaException}. */
    public static MediaInfo fromFfprobeJson(byte[] json, long sizeBytes, List<String> stderr) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new InvalidMediaException("ffprobe wrote no readable JSON", stderr);
        }
        JsonNode video = null;
        JsonNode audio = null;
        for (JsonNode s : root.path("streams")) {
            String type = s.path("codec_type").asText();
            if (video == null && type.equals("video") && s.path("disposition").path("attached_pic").asInt() == 0) {
                video = s;
            } else if (audio == null && type.equals("audio")) {
                audio = s;
            }
        }
        JsonNode format = root.path("format");
        if (video == null || !format.has("format_name")) {
            throw new InvalidMediaException("no video stream found", stderr);
        }
        double seconds = format.path("duration").asDouble(video.path("duration").asDouble(0));
        double fps = rate(video.path("avg_frame_rate").asText());
        if (fps == 0) {
            fps = rate(video.path("r_frame_rate").asText());
        }
        return new MediaInfo(seconds(seconds), video.path("width").asInt(), video.path("height").asInt(), fps,
                video.path("codec_name").asText("unknown"), text(video, "pix_fmt"),
                audio == null ? null : audio.path("codec_name").asText("unknown"),
                format.path("format_name").asText(), format.path("size").asLong(sizeBytes));
    }

    /** Parses the stream summary of {@code ffmpeg -i <file>} (stderr lines, in order). */
    public static MediaInfo fromFfmpegSummary(List<String> lines, long sizeBytes) {
        String container = null;
        Duration duration = Duration.ZERO;
        String videoSpec = null;
        String audioCodec = null;
        for (String raw : lines) {
            String line = raw.strip();
            Matcher m = INPUT.matcher(line);
            if (m.find()) {
                container = m.group(1);
                continue;
            }
            m = DURATION.matcher(line);
            if (m.find()) {
                duration = seconds(Integer.parseInt(m.group(1)) * 3600.0 + Integer.parseInt(m.group(2)) * 60.0
                        + Double.parseDouble(m.group(3)));
                continue;
            }
            m = STREAM.matcher(line);
            if (m.find()) {
                if (m.group(1).equals("Video") && videoSpec == null && !line.contains("(attached pic)")) {
                    videoSpec = m.group(2);
                } else if (m.group(1).equals("Audio") && audioCodec == null) {
                    audioCodec = firstWord(m.group(2));
                }
            }
        }
        if (container == null) {
            throw new InvalidMediaException("not a media file FFmpeg can read", tail(lines));
        }
        if (videoSpec == null) {
            throw new InvalidMediaException("no video stream found", tail(lines));
        }
        List<String> parts = topLevelParts(videoSpec);
        String codec = firstWord(parts.get(0));
        String pixFmt = parts.size() > 1 && !SIZE.matcher(parts.get(1)).find() ? firstWord(parts.get(1)) : null;
        int width = 0;
        int height = 0;
        Matcher size = SIZE.matcher(videoSpec);
        if (size.find()) {
            width = Integer.parseInt(size.group(1));
            height = Integer.parseInt(size.group(2));
        }
        double fps = 0;
        Matcher rate = FPS.matcher(videoSpec);
        if (rate.find()) {
            fps = Double.parseDouble(rate.group(1)) * (rate.group(2).isEmpty() ? 1 : 1000);
        }
        return new MediaInfo(duration, width, height, fps, codec, pixFmt, audioCodec, container, sizeBytes);
    }

    private static List<String> tail(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - ProcessRunner.TAIL_LINES), lines.size());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    private static double rate(String fraction) {
        int slash = fraction.indexOf('/');
        try {
            if (slash < 0) {
                return fraction.isEmpty() ? 0 : Double.parseDouble(fraction);
            }
            double den = Double.parseDouble(fraction.substring(slash + 1));
            return den == 0 ? 0 : Double.parseDouble(fraction.substring(0, slash)) / den;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String firstWord(String s) {
        String t = s.strip();
        int end = 0;
        while (end < t.length() && (Character.isLetterOrDigit(t.charAt(end)) || t.charAt(end) == '_')) {
            end++;
        }
        return end == 0 ? t : t.substring(0, end);
    }

    /** Splits on commas that are not inside parentheses or brackets. */
    private static List<String> topLevelParts(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(s.substring(start).strip());
        return parts;
    }
}
