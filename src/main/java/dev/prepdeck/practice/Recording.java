package dev.prepdeck.practice;

/** A spoken answer as the browser recorded it: its container type (audio/webm, audio/ogg, audio/mp4) and bytes. */
public record Recording(long id, long cardId, String mediaType, byte[] audio) {
}
