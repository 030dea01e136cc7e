"""The eight sections of the Consortium's annual reports, in their order, with anchors
that are the same in every language and every year (a link to « #capital-humain » of any
report works)."""

from django.utils.translation import gettext_lazy as _

# (block name, anchor, title)
SECTIONS = [
    ("introduction", "introduction", _("Introduction")),
    ("board", "conseil-administration", _("Board of directors")),
    ("membership", "membrariat", _("Membership")),
    ("member_services", "services-aux-membres", _("Services to members")),
    ("finances", "affaires-financieres", _("Financial affairs")),
    ("people", "capital-humain", _("Human capital")),
    ("business", "developpement-des-affaires", _("Business development")),
    ("communications", "communications", _("Communications")),
]
ANCHORS = {name: anchor for name, anchor, _title in SECTIONS}
TITLES = {name: title for name, _anchor, title in SECTIONS}
