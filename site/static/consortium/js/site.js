/*
 * The site's only script, first-party and optional: everything works without it.
 * Remembers the language a visitor picks in the switcher, so that `/` sends them back to it
 * (the server reads Django's language cookie; see consortium.views.root_redirect).
 */
(function () {
    "use strict";
    var COOKIE = "django_language";
    var ONE_YEAR = 60 * 60 * 24 * 365;

    document.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest("[data-language-choice]") : null;
        if (!link) {
            return;
        }
        var secure = window.location.protocol === "https:" ? "; secure" : "";
        document.cookie = COOKIE + "=" + encodeURIComponent(link.getAttribute("data-language-choice")) +
            "; path=/; max-age=" + ONE_YEAR + "; samesite=lax" + secure;
    });
})();
