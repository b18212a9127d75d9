package dev.sluice.protocol;

/** One entry of {@code credentials}: {@code type} is {@code registry}; the password is often the job token. */
public record Credentials(String type, String url, String username, String password) {

    @Override
    public String toString() {
        return "Credentials[" + type + " " + url + " " + username + "]";
    }
}
