"""Who runs an assembly: the « Présidence d'assemblée » group (the chair and the
secretary) opens and closes votes and sees the live quorum; staff who keep the register
(its « change » permission) build the roll. Both sign in to the admin with a second factor
(WAGTAIL_2FA_REQUIRED)."""

CHAIR_GROUP = "Présidence d'assemblée"
CHAIR_PERMISSION = "assembly.chair_assembly"
ROLL_PERMISSION = "assembly.change_assembly"
