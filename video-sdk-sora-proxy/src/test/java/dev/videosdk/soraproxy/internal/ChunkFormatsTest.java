package dev.videosdk.soraproxy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.VideoAsset;
import dev.videosdk.spi.ProviderData;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Progress and link extraction for every chunk format documented in openai.md §9.2 (A–G), each
 * fed whole, byte by byte and in 7-byte pieces.
 */
class ChunkFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A chat.completion.chunk with this content / reasoning (null = JSON null) and finish reason. */
    static String chunk(String content, String reasoning, String finish) {
        ObjectNode c = JSON.createObjectNode().put("id", "chatcmpl-" + Math.abs((content + reasoning).hashCode()))
                .put("object", "chat.completion.chunk").put("model", "sora");
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta").put("role", "assistant");
        delta.put("content", content);
        delta.put("reasoning_content", reasoning);
        delta.putNull("tool_calls");
        choice.put("finish_reason", finish);
        return "data: " + c + "\n\n";
    }

    static String content(String text) {
        return chunk(text, null, null);
    }

    static final String DONE = "data: [DONE]\n\n";

    private static JobStatus success(StreamHarness h) {
        assertThat(h.result).isCompleted();
        return h.result.join();
    }

    private static URI link(StreamHarness h) {
        JobStatus s = success(h);
        assertThat(s.state()).isEqualTo(JobState.SUCCEEDED);
        VideoAsset a = s.assets().get(0);
        assertThat(a.variant()).isEqualTo(VideoAsset.VIDEO);
        assertThat(a.provider()).isEqualTo("sora-proxy");
        assertThat(ProviderData.keyId(a)).isEqualTo("sora-proxy#1");
        return a.uri();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, Integer.MAX_VALUE})
    void styleA_reasoningProgress_andVideoTagInHtmlFence(int pieces) {
        String sse = chunk(null, "**Generation Process Begins**\n\nInitializing generation request...\n", null)
                + chunk(null, "\n**Video Generation Progress**: 45% (processing)\n", null)
                + ": keep-alive\n\n"
                + chunk(null, "\n**Video Generation Progress**: 90% (processing)\n", null)
                + chunk("```html\n<video src='https://host/tmp/abc.mp4?x=1&amp;y=2' controls></video>\n```", null, "STOP")
                + DONE;
        StreamHarness h = StreamHarness.run(sse, pieces);
        assertThat(h.progress()).containsExactly(45, 90);
        assertThat(h.updates).allMatch(u -> u.state() == JobState.RUNNING && "in_progress".equals(u.rawStatus()));
        assertThat(link(h)).isEqualTo(URI.create("https://host/tmp/abc.mp4?x=1&y=2"));
        assertThat(h.body.cancelled).as("closed after the final chunk").isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, Integer.MAX_VALUE})
    void styleB_quoteLineProgress_markdownLink_andOneMalformedChunk(int pieces) {
        String sse = "data: {\"id\":\"\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"sora-2\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"},\"finish_reason\":null}]}\n\n"
                + content("```json\n{\n    \"prompt\": \"进度：99% of a cat https://example.com/prompt.mp4\",\n    \"mode\": \"横屏模式\"\n}\n```\n\n")
                + content("> ⌛️ 任务正在队列中，请耐心等待...\n\n")
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"> 🏃 进度：12.5%\\n\\n\"}}]]}\n\n" // the doc's malformed chunk
                + content("> 🏃 进度：36.0%\n\n")
                + content("> 🏃 进度：98.7%\n\n")
                + content("> ✅ 视频生成成功，[点击这里](https://cdn.example/sora/uuid.mp4) 查看视频~~~\n\n")
                + "data: {\"id\":\"\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":14}}\n\n"
                + DONE;
        StreamHarness h = StreamHarness.run(sse, pieces);
        assertThat(h.updates.get(0).state()).isEqualTo(JobState.QUEUED);
        assertThat(h.progress()).containsExactly(null, 36, 98);
        assertThat(link(h)).isEqualTo(URI.create("https://cdn.example/sora/uuid.mp4"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, Integer.MAX_VALUE})
    void styleB_consecutiveDataLinesWithoutBlankLines_stillYieldEveryChunk(int pieces) {
        String sse = content("> 🏃 进度：40%\n\n").replace("\n\n", "\n")
                + content("> ✅ 视频生成成功，[点击这里](https://cdn.example/sora/b.mp4)\n\n").replace("\n\n", "\n")
                + "data: [DONE]\n";
        StreamHarness h = StreamHarness.run(sse, pieces);
        assertThat(h.progress()).containsExactly(40);
        assertThat(link(h)).isEqualTo(URI.create("https://cdn.example/sora/b.mp4"));
    }

    private static final String CODEX = "```json\n{\"prompt\": \"a cat\", \"orientation\": \"portrait\"}\n```\n"
            + "> ID: `task_01k7dzptgwf2z87wj2c3t36qk0`\n"
            + ">[数据预览](https://codex.example/t?task-preview=1) | [原始数据](https://codex.example/t?task-source=1)\n"
            + "> 排队中......\n> 生成中.\n>🏃 进度 36..41..60..";

    @ParameterizedTest
    @ValueSource(ints = {1, 7, Integer.MAX_VALUE})
    void styleC_dottedCounter_neverTakesPreviewOrRawLinks(int pieces) {
        StringBuilder sse = new StringBuilder();
        for (String piece : CODEX.split("(?<=\\.\\.)|(?<=\n)")) {
            sse.append(content(piece));
        }
        sse.append(content("76..\n> 生成完成 ✅\n> sid: s_68ec8accd80c8191ae1fc957\n")).append(DONE);
        StreamHarness h = StreamHarness.run(sse.toString(), pieces);
        assertThat(h.updates.get(0).state()).isEqualTo(JobState.QUEUED);
        assertThat(h.progress()).containsExactly(null, 36, 41, 60, 76);
        assertThatThrownBy(h.result::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(GenerationFailedException.class)
                .hasMessageContaining("without a video link")
                .hasMessageContaining("生成完成 ✅");
    }

    // Unconfirmed (openai.md §12): the 22codex final-link format. Checked with the search tool: the
    // gateway's own doc page (docs.22codex.xyz, "连续修改生成视频") still ends its example at
    // "> sid: s_..." with no link, so this test assumes a markdown link like the other gateways'.
    @ParameterizedTest
    @ValueSource(ints = {1, 7, Integer.MAX_VALUE})
    void styleC_withAFinalVideoLink_takesIt(int pieces) {
        String sse = content(CODEX + "..\n") + content("> [下载视频](https://cdn.codex.example/s_68ec.mp4)\n") + DONE;
        assertThat(link(StreamHarness.run(sse, pieces))).isEqualTo(URI.create("https://cdn.codex.example/s_68ec.mp4"));
    }

    // The apifox sora_video2 doc (found with the search tool) confirms both the request shape
    // (content parts text + image_url) and this one-line answer.
    @ParameterizedTest
    @ValueSource(ints = {1, 7, Integer.MAX_VALUE})
    void styleD_englishOneLiner(int pieces) {
        StreamHarness h = StreamHarness.run(content("\n\nvideo generated successful,[click here](https://cdn.example/v/abc.mp4)") + DONE, pieces);
        assertThat(link(h)).isEqualTo(URI.create("https://cdn.example/v/abc.mp4"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, Integer.MAX_VALUE})
    void styleE_tokenSplitText_progressAndUrlAcrossChunks(int pieces) {
        String[] tokens = {"```", "json", "\n", "{", "\"prompt\": \"a cat\"", "}", "\n", "```", "\n", "> 🏃 进度：", "4", "2.5",
            "%", "\n", "> 🏃 进度：", "9", "0", "%\n", "[video](https://cdn.exa", "mple.com/v", "ideo/abc", ".mp", "4)"};
        StringBuilder sse = new StringBuilder();
        for (String t : tokens) {
            sse.append(content(t));
        }
        sse.append(chunk(null, null, "stop")).append(DONE);
        StreamHarness h = StreamHarness.run(sse.toString(), pieces);
        assertThat(h.progress()).as("never 4 or 9: a number is read once it is complete").containsExactly(42, 90);
        assertThat(link(h)).isEqualTo(URI.create("https://cdn.example.com/video/abc.mp4"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, Integer.MAX_VALUE})
    void styleF_emojiStatusLines_bareNonMp4Url(int pieces) {
        String sse = content("🎬 开始生成视频...\n") + content("✅ 视频生成完成\n") + content("📤 发布视频获取Post ID...\n")
                + chunk("https://drive.google.com/file/d/1AbC/view", null, "stop") + DONE;
        assertThat(link(StreamHarness.run(sse, pieces))).isEqualTo(URI.create("https://drive.google.com/file/d/1AbC/view"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, Integer.MAX_VALUE})
    void styleG_videoTagWithUpperCaseStop_endsWithoutDone(int pieces) {
        String sse = chunk("```html\n<video src='https://oscdn2.dyysy.com/MP4/s_1.mp4' controls></video>\n```", null, "STOP");
        assertThat(link(StreamHarness.run(sse, pieces))).isEqualTo(URI.create("https://oscdn2.dyysy.com/MP4/s_1.mp4"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, Integer.MAX_VALUE})
    void structuredOutputUrl_winsOverText(int pieces) {
        String sse = "data: {\"choices\":[{\"delta\":{\"content\":\"see https://other.example/x.mp4\",\"output\":[{\"url\":\"https://cdn.example/s_1.mp4\",\"type\":\"video\",\"task_id\":\"s_1\"}]}}]}\n\n" + DONE;
        assertThat(link(StreamHarness.run(sse, pieces))).isEqualTo(URI.create("https://cdn.example/s_1.mp4"));
    }

    // Unconfirmed (openai.md §9.3/§12): whether 302.ai streams JSON lines without "data: ". The
    // search tool found no first-hand source either way; the lenient parser accepts them because
    // the strict rules would silently drop them (a field named '{"choices"').
    @ParameterizedTest
    @ValueSource(ints = {1, Integer.MAX_VALUE})
    void unprefixedJsonLines_areRead(int pieces) {
        String sse = "{\"choices\":[{\"delta\":{\"content\":\"进度 50%\\n\"}}]}\n{\"choices\":[{\"delta\":{\"content\":\"https://cdn.example/u.mp4\"}}]}\n";
        StreamHarness h = StreamHarness.run(sse, pieces);
        assertThat(h.progress()).containsExactly(50);
        assertThat(link(h)).isEqualTo(URI.create("https://cdn.example/u.mp4"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, Integer.MAX_VALUE})
    void echoedInputImageUrl_isNotTheResult(int pieces) {
        String sse = content("Using your image https://img.example/cat.png as first frame\n") + DONE;
        StreamHarness h = StreamHarness.run(sse, pieces, List.of("https://img.example/cat.png"));
        assertThat(h.result).isCompletedExceptionally();
        assertThatThrownBy(h.result::join).cause().isInstanceOf(GenerationFailedException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, Integer.MAX_VALUE})
    void doneWithoutUrl_isATypedFailureQuotingTheText(int pieces) {
        StreamHarness h = StreamHarness.run(content("> 🏃 进度：100%\n") + DONE, pieces);
        assertThatThrownBy(h.result::join).cause().isInstanceOf(GenerationFailedException.class)
                .hasMessage("sora-proxy answer ended ([DONE]) after 1 chunk(s) without a video link; the gateway said: > 🏃 进度：100%");
        assertThat(h.body.cancelled).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, Integer.MAX_VALUE})
    void endOfStreamWithoutDoneOrUrl_isATypedFailure(int pieces) {
        StreamHarness h = StreamHarness.run(content("生成中"), pieces);
        assertThatThrownBy(h.result::join).cause().isInstanceOf(GenerationFailedException.class)
                .hasMessageContaining("(end of stream without [DONE])");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, Integer.MAX_VALUE})
    void inStreamErrorObject_isATypedFailure(int pieces) {
        String sse = content("生成中\n") + "data: {\"error\": {\"message\": \"API request failed: 400 - {\\\"code\\\": \\\"sentinel_block\\\"}\", "
                + "\"type\": \"server_error\", \"param\": null, \"code\": null}}\n\n" + DONE;
        StreamHarness h = StreamHarness.run(sse, pieces);
        assertThatThrownBy(h.result::join).cause().isInstanceOf(GenerationFailedException.class)
                .hasMessage("sora-proxy reported an error inside the stream: API request failed: 400 - {\"code\": \"sentinel_block\"}");
        assertThat(h.body.cancelled).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, Integer.MAX_VALUE})
    void inStreamQuotaError_isQuotaExceeded(int pieces) {
        String sse = "data: {\"error\": {\"message\": \"quota used up\", \"code\": \"insufficient_user_quota\"}}\n\n";
        StreamHarness h = StreamHarness.run(sse, pieces);
        assertThatThrownBy(h.result::join).cause().isInstanceOf(QuotaExceededException.class)
                .satisfies(e -> assertThat(((QuotaExceededException) e).errorCode()).hasValue("insufficient_user_quota"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, Integer.MAX_VALUE})
    void errorEventType_isATypedFailure(int pieces) {
        StreamHarness h = StreamHarness.run("event: error\ndata: upstream under heavy load\n\n", pieces);
        assertThatThrownBy(h.result::join).cause().isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("under heavy load");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, Integer.MAX_VALUE})
    void contentPolicyText_isContentPolicyException(int pieces) {
        String sse = chunk(null, "**Content Policy Violation**\n\nThe prompt names a real person\n", null)
                + chunk("❌ 生成失败: The prompt names a real person", null, "STOP") + DONE;
        StreamHarness h = StreamHarness.run(sse, pieces);
        assertThatThrownBy(h.result::join).cause().isInstanceOf(ContentPolicyException.class)
                .hasMessage("sora-proxy reported a failed generation: ❌ 生成失败: The prompt names a real person")
                .satisfies(e -> assertThat(((ContentPolicyException) e).reasons()).containsExactly("❌ 生成失败: The prompt names a real person"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, Integer.MAX_VALUE})
    void failureLine_withoutPolicy_isGenerationFailed(int pieces) {
        StreamHarness h = StreamHarness.run(content("> ❌ 视频生成失败，请重试\n") + DONE, pieces);
        assertThatThrownBy(h.result::join).cause().isExactlyInstanceOf(GenerationFailedException.class)
                .hasMessage("sora-proxy reported a failed generation: ❌ 视频生成失败，请重试");
    }
}
