/*
 * After a passkey is enrolled (django-otp-webauthn's « otp_webauthn.register_complete »,
 * which only shows a message): go on to the page the person asked for (?next=, a local
 * address only), or show this page again with the new key listed.
 */
(() => {
    document.addEventListener("otp_webauthn.register_complete", () => {
        const next = new URLSearchParams(window.location.search).get("next") || "";
        const local = next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\");
        window.location.assign(local ? next : window.location.pathname);
    });
})();
