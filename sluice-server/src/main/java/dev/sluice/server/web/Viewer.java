package dev.sluice.server.web;

/** The signed-in person looking at a page, and the CSRF token the page's forms carry. */
record Viewer(Accounts.Person person, String csrf) {

    /** The hidden field GitLab's forms also name {@code authenticity_token}. */
    String csrfField() {
        return "<input type=\"hidden\" name=\"" + SignIn.CSRF_FIELD + "\" value=\"" + Html.esc(csrf) + "\">";
    }
}
