"""Who may do what with membership applications: reading them (and their files and
exports) is the model's « view » permission; changing their status, assigning them and
writing internal notes is « review ». The Comité d'adhésion group holds both (and the
register's permissions: members.permissions)."""

VIEW_PERMISSION = "membership.view_membershipapplication"
REVIEW_PERMISSION = "membership.review_membershipapplication"
