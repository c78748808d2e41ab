package dev.videosdk.soraproxy.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stream of assistant text ({@code delta.content} or {@code delta.reasoning_content}) as it
 * arrives in pieces: keeps the text, reads progress from each line as soon as the number in it is
 * complete, and notes queue, failure and content-policy lines. Lines inside a fenced
 * <code>```json</code> block (the prompt echo some gateways send) are not read for signals.
 */
final class TextChannel {
    /** Most text kept (characters); older text is dropped, the result link comes last. */
    static final int MAX_CHARS = 1 << 20;

    private static final Pattern KEYWORD = Pattern.compile("(?i)progress|进度");
    /** A number followed by a terminator: {@code %}, a run of dots ({@code 36..41..}) or, on a finished line, its end. */
    private static final Pattern NUMBER = Pattern.compile("(?<!\\d)(?<!\\d\\.)(\\d{1,3}(?:\\.\\d+)?)\\s*(%|\\.{2,}|$)");

    private final StringBuilder text = new StringBuilder();
    private int lineStart;
    private boolean inFence;
    private boolean fenceIsJson;
    private int progress = -1;
    private boolean queued;
    private String failureLine;
    private boolean contentPolicy;
    private boolean overloaded;

    /** Appends a piece of text and reads the lines it completes or extends. */
    void append(String piece) {
        if (piece == null || piece.isEmpty()) {
            return;
        }
        text.append(piece);
        int newline;
        while ((newline = text.indexOf("\n", lineStart)) >= 0) {
            readLine(text.substring(lineStart, newline), true);
            lineStart = newline + 1;
        }
        if (lineStart < text.length()) {
            readLine(text.substring(lineStart), false);
        }
        if (text.length() > MAX_CHARS) {
            int drop = text.length() - MAX_CHARS / 2;
            text.delete(0, drop);
            lineStart = Math.max(0, lineStart - drop);
        }
    }

    /** Reads the unterminated last line as finished (end of stream). */
    void finish() {
        if (lineStart < text.length()) {
            readLine(text.substring(lineStart), true);
            lineStart = text.length();
        }
    }

    private void readLine(String line, boolean complete) {
        String trimmed = line.strip();
        if (trimmed.startsWith("```")) {
            boolean inline = trimmed.length() > 6 && trimmed.endsWith("```");
            if (complete && !inline) {
                fenceIsJson = !inFence && trimmed.substring(3).strip().toLowerCase(Locale.ROOT).equals("json");
                inFence = !inFence;
            }
            return;
        }
        if (inFence && fenceIsJson) {
            return;
        }
        readProgress(line, complete);
        if (!complete) {
            return;
        }
        String plain = stripQuote(trimmed);
        String lower = plain.toLowerCase(Locale.ROOT);
        if (progress < 0 && (plain.contains("排队") || plain.contains("队列") || plain.startsWith("⌛") || lower.contains("queue"))) {
            queued = true;
        }
        if (lower.contains("content policy violation")) {
            contentPolicy = true;
        }
        if (lower.contains("under heavy load")) {
            overloaded = true;
        }
        if (failureLine == null && (plain.startsWith("❌") || plain.contains("错误") || plain.contains("生成失败"))) {
            failureLine = plain;
        }
    }

    private void readProgress(String line, boolean complete) {
        Matcher keyword = KEYWORD.matcher(line);
        if (!keyword.find()) {
            return;
        }
        String rest = line.substring(keyword.end());
        Matcher m = NUMBER.matcher(rest);
        while (m.find()) {
            if (m.group(2).isEmpty() && !complete) {
                continue;
            }
            double value = Double.parseDouble(m.group(1));
            if (value <= 100 && (int) value > progress) {
                progress = (int) value;
            }
        }
    }

    private static String stripQuote(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == '>' || Character.isWhitespace(s.charAt(i)))) {
            i++;
        }
        return s.substring(i);
    }

    /** The text so far (at most {@link #MAX_CHARS} of its end). */
    String text() {
        return text.toString();
    }

    /** Highest progress percent read so far, or -1. */
    int progress() {
        return progress;
    }

    /** True when a queue line was seen before any progress. */
    boolean queued() {
        return queued;
    }

    /** The first failure line (starting with ❌ or naming an error), or null. */
    String failureLine() {
        return failureLine;
    }

    /** True when the text reported a content-policy violation. */
    boolean contentPolicy() {
        return contentPolicy;
    }

    /** True when the text said the upstream is under heavy load. */
    boolean overloaded() {
        return overloaded;
    }
}
