package dev.videosdk.kie.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.ProtocolException;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoJob;
import dev.videosdk.spi.ProviderData;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each documented result shape, each older shape, every status word, and the "done without URL" failure. */
class KieResultParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ErrorContext CTX = ErrorContext.of("kie", 200, null, null);
    private static final String URL = "https://tempfile.aiquickdraw.com/v/abc_1767604481.mp4";

    private final KieResultParser parser = new KieResultParser("kie", JSON);
    private final VideoJob job = ProviderData.withKeyId(VideoJob.of("kie", "t1", "veo3_fast", Instant.parse("2026-01-05T09:12:03Z")), "kie#1");

    private JobStatus parse(KieFamily family, String envelope) throws Exception {
        return parser.parseRecord(family, JSON.readTree(envelope), job, CTX);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "VEO    | {'code':200,'data':{'successFlag':1,'response':{'resultUrls':['URL']}}}",
        "VEO    | {'code':200,'data':{'successFlag':1,'response':{'fullResultUrls':['URL'],'resultUrls':['https://other.example/x.mp4']}}}",
        "VEO    | {'code':200,'data':{'successFlag':1,'response':{'resultUrls':'[QURLQ]'}}}",
        "VEO    | {'code':200,'data':{'successFlag':1,'response':{'resultUrls':'[URL]'}}}",
        "VEO    | {'code':200,'data':{'successFlag':'1','resultUrls':'[QURLQ]'}}",
        "VEO    | {'code':200,'data':{'successFlag':1,'info':{'resultUrls':['URL']}}}",
        "JOBS   | {'code':200,'data':{'state':'success','resultJson':'{QresultUrlsQ:[QURLQ]}'}}",
        "JOBS   | {'code':200,'data':{'state':'SUCCESS','resultJson':{'resultUrls':['URL']}}}",
        "RUNWAY | {'code':200,'data':{'state':'success','videoInfo':{'videoUrl':'URL'}}}",
        "RUNWAY | {'code':200,'data':{'state':'success','video_url':'URL'}}",
    })
    void documentedShapes_giveTheUrl(KieFamily family, String envelope) throws Exception {
        JobStatus status = parse(family, envelope.replace('\'', '"').replace("Q", "\\\"").replace("URL", URL));

        assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(status.assets()).first().satisfies(a -> {
            assertThat(a.uri()).hasToString(URL);
            assertThat(a.variant()).isEqualTo(VideoAsset.VIDEO);
            assertThat(ProviderData.keyId(a)).isEqualTo("kie#1");
            assertThat(a.expiresAt()).isEqualTo(job.submittedAt().plusSeconds(24 * 3600));
        });
    }

    @ParameterizedTest(name = "legacy {0}")
    @CsvSource(delimiter = '|', value = {
        "{'code':200,'data':{'successFlag':1,'result':{'video_url':'URL'}}}",
        "{'code':200,'data':{'successFlag':1,'video_url':'URL'}}",
        "{'code':200,'data':{'successFlag':1,'result':{'videoUrl':'URL'}}}",
        "{'code':200,'data':{'successFlag':1,'result':{'video':'URL'}}}",
        "{'code':200,'data':{'successFlag':1,'url':'URL'}}",
        "{'code':200,'data':{'successFlag':1},'video_url':'URL'}",
        "{'code':200,'data':{'successFlag':1},'url':'URL'}",
        "{'code':200,'result':{'video_url':'URL'}}",
        "{'video_url':'URL'}",
    })
    void olderShapes_areAcceptedAsALastResort(String envelope) throws Exception {
        JobStatus status = parse(KieFamily.VEO, envelope.replace('\'', '"').replace("URL", URL));

        assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(status.assets()).extracting(a -> a.uri().toString()).containsExactly(URL);
    }

    @ParameterizedTest(name = "no usable URL: {0}")
    @CsvSource(delimiter = '|', value = {
        "{'code':200,'data':{'successFlag':1,'response':{'resultUrls':[]}}}",
        "{'code':200,'data':{'successFlag':1,'response':null}}",
        "{'code':200,'data':{'successFlag':1,'response':{'resultUrls':['ftp://x/y.mp4','/relative.mp4','not a url']}}}",
        "{'code':200,'data':{'successFlag':1,'response':{'resultUrls':'[broken'}}}",
    })
    void successWithoutAUrl_isATypedFailure_neverAGuessedUrl(String envelope) throws Exception {
        JobStatus status = parse(KieFamily.VEO, envelope.replace('\'', '"'));

        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.error()).isInstanceOf(GenerationFailedException.class).hasMessageContaining("no video URL");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "VEO, 0, RUNNING", "VEO, 2, FAILED", "VEO, 3, FAILED", "VEO, 9, RUNNING",
        "JOBS, waiting, QUEUED", "JOBS, queuing, QUEUED", "JOBS, generating, RUNNING", "JOBS, fail, FAILED",
        "JOBS, brand_new_state, RUNNING",
        "RUNWAY, wait, QUEUED", "RUNWAY, queueing, QUEUED", "RUNWAY, generating, RUNNING", "RUNWAY, fail, FAILED",
    })
    void everyStatusWord_mapsToItsState(KieFamily family, String word, JobState expected) throws Exception {
        String field = family == KieFamily.VEO ? "successFlag" : "state";
        JobStatus status = parse(family, "{\"code\":200,\"data\":{\"" + field + "\":\"" + word + "\"}}");

        assertThat(status.state()).isEqualTo(expected);
        assertThat(status.rawStatus()).isEqualTo(word);
    }

    @Test
    void veoOriginUrls_areACompanionAsset() throws Exception {
        JobStatus status = parse(KieFamily.VEO, "{\"code\":200,\"data\":{\"successFlag\":1,\"response\":{\"resultUrls\":[\""
                + URL + "\"],\"originUrls\":[\"https://tempfile.aiquickdraw.com/v/origin.mp4\"]}}}");

        assertThat(status.assets()).extracting(VideoAsset::variant).containsExactly(VideoAsset.VIDEO, "origin");
    }

    @Test
    void answerWithoutAnyRecord_isAProtocolError() {
        assertThatThrownBy(() -> parse(KieFamily.JOBS, "{\"code\":200,\"msg\":\"success\",\"data\":null}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("without a record for task t1");
    }

    @Test
    void callbackTaskId_isReadFromEveryDocumentedPlace() throws Exception {
        assertThat(KieResultParser.callbackTaskId(JSON.readTree("{\"data\":{\"taskId\":\"a\"}}"))).contains("a");
        assertThat(KieResultParser.callbackTaskId(JSON.readTree("{\"data\":{\"task_id\":\"b\"}}"))).contains("b");
        assertThat(KieResultParser.callbackTaskId(JSON.readTree("{\"taskId\":\"c\",\"data\":{\"callbackType\":\"x\"}}"))).contains("c");
        assertThat(KieResultParser.callbackTaskId(JSON.readTree("{\"data\":{}}"))).isEmpty();
    }
}
