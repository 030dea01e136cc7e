"""Who may do what with membership applications: reading them (and their files and
exports) is the model's « view » permission; changing their status, assigning them and
writing internal notes is « review ». The Comité d'adhésion group holds both.

The register of members (« Registre des membres »): reading, changing and exporting it are
the Member model's « view », « change » and « export » permissions, held by the committee
and administrators. « Membres » is the group of the member space's signed-in contacts of
active members (no admin access): member-only pages and documents are restricted to it."""

VIEW_PERMISSION = "membership.view_membershipapplication"
REVIEW_PERMISSION = "membership.review_membershipapplication"

REGISTER_VIEW_PERMISSION = "membership.view_member"
REGISTER_CHANGE_PERMISSION = "membership.change_member"
REGISTER_EXPORT_PERMISSION = "membership.export_member"
MEMBERS_GROUP = "Membres"
