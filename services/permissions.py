"""Who may do what with service requests: reading them (their files and exports) is the
model's « view » permission; changing their status, assigning them, writing internal
notes and inviting a requester to join is « handle ». The « Services aux membres » group
(consortium.staff.roles.SERVICES_GROUP) holds both, with administrators."""

VIEW_PERMISSION = "services.view_servicerequest"
HANDLE_PERMISSION = "services.handle_servicerequest"
