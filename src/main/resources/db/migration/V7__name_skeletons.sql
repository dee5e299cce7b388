-- Look-alike names: a pseudonym's Unicode TS #39 skeleton (case-folded, see NameSafety.skeleton), so
-- that two people in a group cannot go by names a reader could take for each other ("Robin" and
-- "Rоbin" with a Cyrillic о). PostgreSQL has no confusables data, so the application computes the
-- skeletons (ICU4J) and this migration cannot fill them: a join fills in its group's missing ones
-- (and refreshes any an ICU upgrade changed) under the group's lock, before it admits anyone.
-- Look-alikes admitted before this check keep the skeleton of the one who joined first only.
ALTER TABLE group_members ADD COLUMN skeleton text;

-- One skeleton per group among the people currently in it: two joins racing with look-alike names
-- cannot both win (the loser gets 23505 on this index, answered 409 PSEUDONYM_TAKEN).
CREATE UNIQUE INDEX group_members_skeleton ON group_members (group_id, skeleton)
  WHERE left_at IS NULL AND removed_at IS NULL;
