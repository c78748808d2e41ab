/**
 * Providers {@code veo} (Gemini API) and {@code veo-vertex} (Vertex AI): Google Veo 3 / 3.1; options in
 * {@link dev.videosdk.veo.VeoExtras}, models in {@link dev.videosdk.veo.VeoModels}, Vertex setup in
 * {@link dev.videosdk.veo.VeoVertex}. Settings: the module README.
 */
package dev.videosdk.veo;
