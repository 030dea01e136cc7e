/*
 * The site's only script, first-party and optional: everything works without it.
 * 1. Remembers the language a visitor picks in the switcher, so that `/` sends them back
 *    to it (the server reads Django's language cookie; see consortium.views.root_redirect).
 * 2. Sends « Cet article vous a-t-il été utile ? » without leaving the page (the plain
 *    form posts the same thing when JavaScript is off).
 * 3. Moves the focus to a form's error summary when the page comes back with errors, so
 *    keyboard and screen-reader users start from the list of what to correct.
 * 4. Keeps what a person types in a public form (``data-draft``) on their own device
 *    (localStorage), so that nothing is lost when the site cannot receive it (the database
 *    restarting, the connection dropped): back on the form, it is put back in the empty
 *    fields, with a notice. Files, passwords and hidden fields are never kept; nothing is
 *    sent anywhere. The draft is erased when the form is received (the confirmation page
 *    says ``data-draft-done``), by the « Clear » button, or after DRAFT_HOURS. A form that
 *    edits a record (the member space) says which version of it the server showed
 *    (``data-draft-base``): its draft holds every field and comes back only onto that version.
 * 5. On a page that changes while it is open (the general assembly: ``data-assembly-state``),
 *    asks the server every few seconds whether it changed, and if so says it in the
 *    element's live region with a button that shows the changes. The page never reloads by
 *    itself: nobody loses a choice half made.
 * 6. Sends a form marked ``data-submit-once`` (a ballot) once: a second click or Enter while
 *    the page is leaving does nothing (the server counts one vote anyway; this spares the
 *    voter a « déjà voté » beside their confirmation). Back on the page (the browser's
 *    history), the form can be sent again.
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
            if (answer.status === "recorded" || answer.status === "already") {
                rememberVote(form.getAttribute("data-feedback-form"));
            }
            if (answer.status !== "invalid") {
                form.remove();
            }
        }).catch(function () {
            form.submit();
        });
    });

    // The page is the same for everyone (cached): this browser's votes are remembered in
    // it, so that a reload does not offer buttons whose answer would be refused.
    var VOTES_KEY = "consortium-news-votes";

    function votes() {
        try {
            return JSON.parse(window.localStorage.getItem(VOTES_KEY) || "[]");
        } catch (error) {
            return [];  // storage disabled: the buttons stay, the server still refuses twice
        }
    }

    function rememberVote(article) {
        try {
            var known = votes().filter(function (id) { return id !== article; });
            known.push(article);
            window.localStorage.setItem(VOTES_KEY, JSON.stringify(known.slice(-300)));
        } catch (error) {
            return;
        }
    }

    document.querySelectorAll("[data-feedback-form]").forEach(function (form) {
        if (votes().indexOf(form.getAttribute("data-feedback-form")) === -1) {
            return;
        }
        var status = form.parentNode.querySelector("[data-feedback-status]");
        status.textContent = form.getAttribute("data-already-message");
        form.remove();
    });

    // 4. Drafts ------------------------------------------------------------------------
    var DRAFT_PREFIX = "consortium-draft:";
    var DRAFT_HOURS = 24;
    var storage = null;
    try {
        storage = window.localStorage;
        storage.setItem(DRAFT_PREFIX + "probe", "1");
        storage.removeItem(DRAFT_PREFIX + "probe");
    } catch (error) {
        storage = null;  // private browsing, or storage disabled: forms work as before
    }

    function draftKey(form) {
        return DRAFT_PREFIX + form.getAttribute("data-draft") + ":" + window.location.pathname;
    }

    function kept(field) {
        var type = (field.type || "").toLowerCase();
        return field.name && !field.disabled && type !== "file" && type !== "password" &&
            type !== "hidden" && type !== "submit" && type !== "button" &&
            !field.closest("[aria-hidden='true'], .visually-hidden-field, [data-draft-skip]");
    }

    function fieldsOf(form) {
        return Array.prototype.filter.call(form.elements, kept);
    }

    // An edit form (``data-draft-base``: the record as the server showed it) keeps every
    // field, emptied ones and unticked boxes included, and its draft only comes back onto
    // the same record: once the record has changed (saved here or elsewhere), it is dropped.
    function baseOf(form) {
        return form.getAttribute("data-draft-base");
    }

    function saveDraft(form) {
        var values = {};
        var editing = baseOf(form) !== null;
        fieldsOf(form).forEach(function (field) {
            if (field.type === "checkbox" || field.type === "radio") {
                if (editing) {
                    values[field.name] = values[field.name] || [];
                }
                if (field.checked) {
                    (values[field.name] = values[field.name] || []).push(field.value);
                }
            } else if (field.tagName === "SELECT" && field.multiple) {
                values[field.name] = Array.prototype.filter.call(field.options, function (o) {
                    return o.selected;
                }).map(function (o) { return o.value; });
            } else if (field.value || editing) {
                values[field.name] = field.value;
            }
        });
        storage.setItem(
            draftKey(form),
            JSON.stringify({saved: Date.now(), base: baseOf(form), values: values})
        );
    }

    function restoreDraft(form, draft) {
        var restored = false;
        var editing = baseOf(form) !== null;
        if (editing && draft.base !== baseOf(form)) {
            storage.removeItem(draftKey(form));  // written on a record that has changed since
            return false;
        }
        fieldsOf(form).forEach(function (field) {
            var value = draft.values[field.name];
            if (value === undefined) {
                return;
            }
            if (editing && (field.type === "checkbox" || field.type === "radio")) {
                var checked = value.indexOf(field.value) !== -1;
                restored = restored || field.checked !== checked;
                field.checked = checked;
            } else if (editing && !field.multiple) {
                restored = restored || field.value !== value;
                field.value = value;
            } else if (field.type === "checkbox" || field.type === "radio") {
                if (!form.querySelector("[name='" + field.name + "']:checked")) {
                    field.checked = value.indexOf(field.value) !== -1;
                    restored = restored || field.checked;
                }
            } else if (field.tagName === "SELECT" && field.multiple) {
                Array.prototype.forEach.call(field.options, function (o) {
                    o.selected = o.selected || value.indexOf(o.value) !== -1;
                });
                restored = true;
            } else if (!field.value) {
                field.value = value;
                restored = true;
            }
        });
        return restored;
    }

    function notice(form, text, withClear) {
        var box = document.createElement("div");
        box.className = "draft-notice";
        if (withClear) {
            box.setAttribute("role", "status");  // announced: the form changed by itself
        }
        var paragraph = document.createElement("p");
        paragraph.textContent = text;
        box.appendChild(paragraph);
        if (withClear) {
            var clear = document.createElement("button");
            clear.type = "button";
            clear.className = "btn btn-secondary";
            clear.textContent = form.getAttribute("data-draft-clear");
            clear.addEventListener("click", function () {
                storage.removeItem(draftKey(form));
                if (baseOf(form) !== null) {
                    form.reset();  // back to the record as the server showed it
                    box.remove();
                    return;
                }
                fieldsOf(form).forEach(function (field) {
                    if (field.type === "checkbox" || field.type === "radio") {
                        field.checked = false;
                    } else if (field.tagName !== "SELECT") {
                        field.value = "";
                    }
                });
                box.remove();
            });
            box.appendChild(clear);
        }
        form.insertBefore(box, form.firstChild);
    }

    if (storage) {
        var now = Date.now();
        Object.keys(storage).forEach(function (key) {
            if (key.indexOf(DRAFT_PREFIX) !== 0) {
                return;
            }
            var draft = null;
            try { draft = JSON.parse(storage.getItem(key)); } catch (error) { draft = null; }
            if (!draft || now - draft.saved > DRAFT_HOURS * 3600 * 1000) {
                storage.removeItem(key);
            }
        });
        document.querySelectorAll("[data-draft-done]").forEach(function (done) {
            var prefix = DRAFT_PREFIX + done.getAttribute("data-draft-done") + ":";
            Object.keys(storage).forEach(function (key) {
                if (key.indexOf(prefix) === 0) {
                    storage.removeItem(key);
                }
            });
        });
        document.querySelectorAll("form[data-draft]").forEach(function (form) {
            var stored = storage.getItem(draftKey(form));
            var restored = false;
            if (stored) {
                try { restored = restoreDraft(form, JSON.parse(stored)); } catch (error) { restored = false; }
            }
            notice(
                form,
                form.getAttribute(restored ? "data-draft-restored" : "data-draft-note"),
                restored
            );
            var pending = null;
            var save = function () {
                window.clearTimeout(pending);
                pending = window.setTimeout(function () { saveDraft(form); }, 300);
            };
            form.addEventListener("input", save);
            form.addEventListener("change", save);
            form.addEventListener("submit", function () { saveDraft(form); });
        });
    }

    // 5. Live state -------------------------------------------------------------------
    document.querySelectorAll("[data-assembly-state]").forEach(function (box) {
        var shown = box.getAttribute("data-assembly-state");
        var seconds = parseInt(box.getAttribute("data-state-seconds"), 10) || 5;
        var told = false;
        var ask = function () {
            if (told) {
                return;
            }
            fetch(box.getAttribute("data-state-url"), {
                credentials: "same-origin",
                headers: {"Accept": "application/json"}
            }).then(function (response) {
                return response.ok ? response.json() : null;
            }).then(function (answer) {
                if (!answer || answer.state === shown || told) {
                    return;
                }
                told = true;
                var paragraph = document.createElement("p");
                paragraph.textContent = box.getAttribute("data-state-changed") + " ";
                var button = document.createElement("button");
                button.type = "button";
                button.className = "btn btn-secondary";
                button.textContent = box.getAttribute("data-state-show");
                button.addEventListener("click", function () { window.location.reload(); });
                paragraph.appendChild(button);
                box.appendChild(paragraph);
            }).catch(function () { /* the next try will tell */ });
        };
        window.setInterval(ask, seconds * 1000);
    });

    // 6. Sent once --------------------------------------------------------------------
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!form.matches || !form.matches("[data-submit-once]")) {
            return;
        }
        if (form.hasAttribute("data-sent")) {
            event.preventDefault();
            return;
        }
        form.setAttribute("data-sent", "");
    });
    window.addEventListener("pageshow", function () {
        document.querySelectorAll("form[data-sent]").forEach(function (form) {
            form.removeAttribute("data-sent");
        });
    });
})();
