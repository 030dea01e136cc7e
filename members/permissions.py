"""Who may do what with the register of members (« Registre des membres »): reading,
changing and exporting it are the Member model's « view », « change » and « export »
permissions, held by the committee and administrators. « Membres » is the group of the
member space's signed-in contacts of active members (no admin access): member-only pages
and documents are restricted to it."""

REGISTER_VIEW_PERMISSION = "members.view_member"
REGISTER_CHANGE_PERMISSION = "members.change_member"
REGISTER_EXPORT_PERMISSION = "members.export_member"
MEMBERS_GROUP = "Membres"
