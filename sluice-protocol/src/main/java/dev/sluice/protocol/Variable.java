package dev.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of {@code variables}: an ordered list in which the last occurrence of a key wins. The flags
 * are {@code null} when not sent (service variables carry only {@code key} and {@code value}).
 *
 * @param isPublic {@code false} marks a secret
 */
public record Variable(String key, String value, @JsonProperty("public") Boolean isPublic, Boolean masked,
                       Boolean file, Boolean raw) {

    public static Variable of(String key, String value) {
        return new Variable(key, value, null, null, null, null);
    }

    static boolean on(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }
}
