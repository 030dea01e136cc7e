/*
 * Labels that upstream scripts write in English whatever the admin's language (a gap in
 * wagtail-localize 1.14's translation editor and in the date picker Wagtail bundles), put
 * through the admin's translation catalogue. Loaded on every admin page
 * (consortium.wagtail_hooks); guard: tests/test_upstream_overrides.py fails once upstream
 * stops hard-coding them, so this file can go.
 */
(() => {
    const gettext = window.django && window.django.gettext;
    if (!gettext) {
        return;
    }
    const LABELS = [
        // [where, the English upstream writes, its message in the catalogues]
        [".w-dropdown__toggle .w-sr-only", "More actions", "More actions"],
        [".xdsoft_save_selected", "Save Selected", "Save selected"],
    ];
    const relabel = () => {
        for (const [selector, english, message] of LABELS) {
            for (const element of document.querySelectorAll(selector)) {
                if (element.textContent === english) {
                    element.textContent = gettext(message);
                }
            }
        }
    };
    // The translation editor's heading, « Français to Anglais translation » upstream.
    const EDITOR_HEADING = /^(.+) to (.+) translation$/;
    const relabelEditorHeadings = () => {
        for (const heading of document.querySelectorAll(".js-translation-editor h3")) {
            const names = heading.textContent.match(EDITOR_HEADING);
            if (names) {
                heading.textContent = window.django.interpolate(
                    gettext("%(source)s to %(target)s translation"),
                    { source: names[1], target: names[2] },
                    true,
                );
            }
        }
    };
    const relabelAll = () => {
        relabel();
        relabelEditorHeadings();
    };
    relabelAll();
    new MutationObserver(relabelAll).observe(document.documentElement, {
        childList: true,
        subtree: true,
    });
})();
