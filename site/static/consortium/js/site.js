/*
 * The site's only script, first-party and optional: everything works without it.
 * 1. Remembers the language a visitor picks in the switcher, so that `/` sends them back
 *    to it (the server reads Django's language cookie; see consortium.views.root_redirect).
 * 2. Sends « Cet article vous a-t-il été utile ? » without leaving the page (the plain
 *    form posts the same thing when JavaScript is off).
 * 3. Moves the focus to a form's error summary when the page comes back with errors, so
 *    keyboard and screen-reader users start from the list of what to correct.
 */
(function () {
    "use strict";
    var COOKIE = "django_language";
    var ONE_YEAR = 60 * 60 * 24 * 365;

    var summary = document.querySelector("[data-focus-on-load]");
    if (summary) {
        summary.focus();
    }

    document.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest("[data-language-choice]") : null;
        if (!link) {
            return;
        }
        var secure = window.location.protocol === "https:" ? "; secure" : "";
        document.cookie = COOKIE + "=" + encodeURIComponent(link.getAttribute("data-language-choice")) +
            "; path=/; max-age=" + ONE_YEAR + "; samesite=lax" + secure;
    });

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!form.matches || !form.matches("[data-feedback-form]") || !window.fetch) {
            return;
        }
        event.preventDefault();
        var data = new FormData(form);
        if (event.submitter && event.submitter.name) {
            data.append(event.submitter.name, event.submitter.value);
        }
        var status = form.parentNode.querySelector("[data-feedback-status]");
        fetch(form.action, {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: {"X-Requested-With": "fetch"}
        }).then(function (response) {
            return response.json();
        }).then(function (answer) {
            status.textContent = answer.message;
            if (answer.status !== "invalid") {
                form.remove();
            }
        }).catch(function () {
            form.submit();
        });
    });
})();
