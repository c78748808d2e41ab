package dev.videosdk.veo.internal;

/** The two Google endpoints that serve Veo; they share the request envelope but differ in details. */
enum Surface {
    /** The Gemini Developer API ({@code generativelanguage.googleapis.com}, API key). */
    GEMINI,
    /** Vertex AI ({@code {location}-aiplatform.googleapis.com}, OAuth bearer token). */
    VERTEX
}
