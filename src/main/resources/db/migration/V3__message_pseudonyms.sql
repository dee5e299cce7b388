-- A message keeps the pseudonym its author had when it was posted, so a member who leaves and
-- returns under another pseudonym cannot be linked to their earlier messages by name.
ALTER TABLE group_messages ADD COLUMN pseudonym text;
UPDATE group_messages m SET pseudonym = gm.pseudonym FROM group_members gm WHERE gm.id = m.member_id;
