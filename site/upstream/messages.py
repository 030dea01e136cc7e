"""French for messages of Wagtail's and wagtail-localize's screens that their own French
catalogues lack or get wrong (a gap upstream, isolated here).

Django merges the project's catalogue (``LOCALE_PATHS``) over every app's, so a message
listed here and translated in locale/fr replaces the app's translation. ``gettext_noop``
only marks the messages for ``makemessages``; nothing calls this module at run time.

- Wagtail's French catalogue says « région » for a locale. On this site a locale is a
  language (French, English), and staff read « Régions » on the screen of languages: every
  such message says « langue » instead.
- Permission names that Wagtail's group screen passes through ``{% trans %}`` and that no
  catalogue translates.
- Slips of Wagtail's French catalogue: « un(e) » before a name whose gender it cannot
  know (« Ajouter un(e) personne-ressource »), « crées » for « créées », « entrées de
  journal de modèle » for the history's entries; « 0 minutes », which Wagtail compares
  with Django's French « 0 minute » to say « à l'instant » — they never matched, so staff
  read « Il y a 0 minute ».

tests/test_upstream_overrides.py fails when upstream stops using one of these messages (it
can then go), and when a message here has no French.
"""

from django.utils.translation import gettext_noop

LOCALE_AS_LANGUAGE = [
    gettext_noop("Locale"),
    gettext_noop("Locale: "),
    gettext_noop("Locales"),
    gettext_noop("locale"),
    gettext_noop("Available in %(translations_total)s locales"),
    gettext_noop("Switch locales"),
    gettext_noop("Wagtail locales"),
    gettext_noop("Wagtail locales (Wagtail Localize version)"),
    gettext_noop("This locale's language code is not supported"),
    gettext_noop(
        "This locale's current language code is not supported. Please choose a new language "
        "or delete this locale."
    ),
    gettext_noop("Add a locale"),
    gettext_noop("Add locale"),
    gettext_noop("Locale '{0}' created."),
    gettext_noop("Locale '{0}' updated."),
    gettext_noop("Locale '{0}' deleted."),
    gettext_noop("The locale could not be saved due to errors."),
    gettext_noop("Delete locale"),
    gettext_noop("Are you sure you want to delete this locale?"),
    gettext_noop("This locale cannot be deleted because there are no other locales."),
    gettext_noop(
        "This locale cannot be deleted because there are pages and/or other objects using it."
    ),
    gettext_noop("This locale cannot be synced into itself."),
    gettext_noop("Synchronise content from another locale"),
    gettext_noop(
        "Choose a locale to synchronise content from. Any existing and future content "
        "authored in the selected locale will be automatically copied to this one."
    ),
    gettext_noop("{} locales"),
]

PERMISSION_NAMES = [
    gettext_noop("Can submit translations"),
    gettext_noop("Can access Wagtail"),
    gettext_noop("Enable 2FA"),
    gettext_noop("Publish any"),
    gettext_noop("Unlock any"),
    gettext_noop("Can choose"),
    gettext_noop("Delete pages with children"),
    gettext_noop("Lock/unlock pages you've locked"),
    gettext_noop("Publish any page"),
    gettext_noop("Unlock any page"),
    gettext_noop("Can choose image"),
    gettext_noop("Can choose document"),
]

FRENCH_SLIPS = [
    gettext_noop("Add %(label)s"),
    gettext_noop("Add %(model_name)s"),
    gettext_noop("Create a new %(model_name)s"),
    gettext_noop("No %(model_name)s match your query."),
    gettext_noop("Choose another"),
    gettext_noop("All child pages will be created."),
    gettext_noop("model log entry"),
    gettext_noop("model log entries"),
    gettext_noop("will be set to a %(model_name)s specified by the system"),
    gettext_noop("0 minutes"),
    gettext_noop("The %(model_name)s could not be created due to errors."),
    gettext_noop("The %(model_name)s could not be saved due to errors."),
    gettext_noop("%(model_name)s '%(object)s' created."),
    gettext_noop("%(model_name)s '%(object)s' updated."),
    gettext_noop("%(model_name)s '%(object)s' deleted."),
    gettext_noop("Are you sure you want to delete this %(model_name)s?"),
]

# django-otp-webauthn has no French (consortium.upstream.otp_webauthn): what its server
# answers a person may read.
PASSKEY_MESSAGES = [
    gettext_noop(
        "You must verify your identity first with an existing MFA device before you can "
        "register a new passkey."
    ),
    gettext_noop("Authentication required."),
    gettext_noop("This Passkey has been marked as disabled."),
    gettext_noop("This user account is marked as disabled."),
    gettext_noop("User is not verified."),
    gettext_noop("Error processing WebAuthn request."),
    gettext_noop("Malformed request. JSON not parsable."),
    gettext_noop("Passwordless login is disabled."),
]

MESSAGES = LOCALE_AS_LANGUAGE + PERMISSION_NAMES + FRENCH_SLIPS + PASSKEY_MESSAGES
