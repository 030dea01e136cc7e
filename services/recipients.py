"""Where a new request goes: the receiving address of each field chosen (a synchronised
field of the ExpertisePage, the same in both languages), or the contact settings' general
address for a field that has none. One notification per address, however many fields
share it."""

from consortium.models import OrganisationSettings


def team_addresses(fields) -> list[str]:
    """The addresses to notify for ``fields`` (ExpertisePages), in their order, each once;
    empty only when neither the fields nor the contact settings have one."""
    fallback = ""
    addresses: list[str] = []
    for field in fields:
        address = (field.request_email or "").strip().lower()
        if not address:
            fallback = fallback or OrganisationSettings.load().email.strip().lower()
            address = fallback
        if address and address not in addresses:
            addresses.append(address)
    return addresses
